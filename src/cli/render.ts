import type { Entity, EntityType, SummaryJson } from '../core/types.js';

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  other: 'Other',
};

/** Renders a summary for a terminal: title, source, summary bullets and entities by type. */
export function renderSummary(json: SummaryJson, options: { cached?: boolean; maxEntities?: number } = {}): string {
  const lines: string[] = [json.title || '(untitled)'];
  const source = [json.siteName, json.url].filter(Boolean).join(' — ');
  if (source) lines.push(source);
  const meta = [json.byline, json.publishedTime?.slice(0, 10), `${json.wordCount} words`, options.cached ? 'cached' : null];
  lines.push(meta.filter(Boolean).join(' · '), '');
  for (const sentence of json.summary) lines.push(`• ${sentence}`);
  const entities = renderEntities(json.entities.slice(0, options.maxEntities ?? 12));
  if (entities) lines.push('', entities);
  return lines.join('\n');
}

/** Entities grouped by type, one line per type, most important first within each. */
export function renderEntities(entities: Array<Pick<Entity, 'name' | 'type' | 'mentions'>>): string {
  const groups = new Map<EntityType, string[]>();
  for (const e of entities) groups.set(e.type, [...(groups.get(e.type) ?? []), e.name]);
  return (['person', 'organization', 'place', 'other'] as const)
    .filter((t) => groups.has(t))
    .map((t) => `${TYPE_LABELS[t]}: ${groups.get(t)!.join(', ')}`)
    .join('\n');
}
