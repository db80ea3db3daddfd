import type { Entity, EntityType, SummaryJson } from '../core/types.js';
import { wrapText, wrapUnits } from './wrap.js';

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  other: 'Other',
};

/** Names per type under a summary: five keep each type to a line or two of a terminal; the rest are counted. */
export const SUMMARY_NAMES_PER_TYPE = 5;

/** Options of {@link renderSummary} and {@link renderEntities}. */
export interface RenderOptions {
  /** Say the digest came from the cache. */
  cached?: boolean;
  /** Wrap to this many columns with a hanging indent (a terminal's width); none leaves lines whole. */
  width?: number;
  /** Most names per type line, the others counted as "and N more"; none lists all. */
  namesPerType?: number;
}

/** Renders a summary for a terminal: title, source, summary bullets and entities by type. */
export function renderSummary(json: SummaryJson, options: RenderOptions = {}): string {
  const { width } = options;
  const lines: string[] = [wrapText('', json.title || '(untitled)', width)];
  const source = [json.siteName, json.url].filter(Boolean).join(' — ');
  if (source) lines.push(source);
  const meta = [json.byline, json.publishedTime?.slice(0, 10), `${json.wordCount} words`, options.cached ? 'cached' : null];
  lines.push(meta.filter(Boolean).join(' · '), '');
  for (const sentence of json.summary) lines.push(wrapText('• ', sentence, width));
  const entities = renderEntities(json.entities, { namesPerType: options.namesPerType ?? SUMMARY_NAMES_PER_TYPE, ...(width ? { width } : {}) });
  if (entities) lines.push('', entities);
  return lines.join('\n');
}

/**
 * Entities grouped by type, one line per type, most important first within each; a line cut at
 * `namesPerType` ends with "and N more". Names never break across lines.
 */
export function renderEntities(entities: Array<Pick<Entity, 'name' | 'type'>>, options: RenderOptions = {}): string {
  const groups = new Map<EntityType, string[]>();
  for (const e of entities) groups.set(e.type, [...(groups.get(e.type) ?? []), e.name]);
  return (['person', 'organization', 'place', 'other'] as const)
    .filter((t) => groups.has(t))
    .map((t) => wrapUnits(`${TYPE_LABELS[t]}: `, nameUnits(groups.get(t)!, options.namesPerType), options.width))
    .join('\n');
}

/** The names of a line as unbreakable units: "Ada Lovelace," ... "and 3 more". */
function nameUnits(names: string[], max = Infinity): string[] {
  const shown = names.slice(0, max);
  const hidden = names.length - shown.length;
  const units = shown.map((name, i) => (i < shown.length - 1 ? `${name},` : name));
  return hidden > 0 ? [...units, `and ${hidden} more`] : units;
}
