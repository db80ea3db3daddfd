import { hideLinkEmbed, subtext } from 'discord.js';
import type { Digest, Entity, EntityType } from '../../core/types.js';
import { escapeText, plainText } from '../escape.js';
import { footerText, metaLine, shownUrl, siteNameOf, summaryBullets } from './embed.js';
import { cutText, fitItems } from './fit.js';

/** Discord's limit on a message's content. */
export const CONTENT_LIMIT = 2000;

/** Characters of a title line at most, and the least worth showing. */
const TITLE_CHARS = 204;
const TITLE_ROOM = 12;

const ENTITY_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  other: 'Other',
};

/**
 * A summary as plain message content, for channels where Skim may not embed links: the same parts as the
 * embed, within `budget` characters, cut only between bullets.
 */
export function renderSummaryText(digest: Digest, options: { sentences?: number; cached?: boolean; budget?: number } = {}): string {
  const budget = Math.min(options.budget ?? CONTENT_LIMIT, CONTENT_LIMIT);
  const head = [titleLine(digest.article.title)];
  const source = [siteNameOf(digest), metaLine(digest)].filter(Boolean).join(' · ');
  if (source) head.push(cutText(plainText(source), 200));
  // Angle brackets keep Discord from unfurling the page under Skim's own summary.
  const url = shownUrl(digest.article);
  if (url && url.length < 500) head.push(hideLinkEmbed(url));
  const footer = subtext(footerText(digest, options.cached === true));
  const fixed = `${head.join('\n')}\n\n`;
  const room = budget - fixed.length - footer.length - 2;
  const bullets = summaryBullets(digest, options.sentences);
  const kept = fitItems(bullets, room, '\n');
  if (kept.length === 0 && bullets[0] !== undefined) kept.push(cutText(bullets[0], Math.max(0, room)));
  return cutText(`${fixed}${kept.join('\n')}\n\n${footer}`, budget);
}

/** Key entities grouped by type, one line per type, whole names only. */
export function renderEntitiesText(entities: readonly Entity[], max = CONTENT_LIMIT): string {
  if (entities.length === 0) return 'No names of people, organizations or places stand out in this article.';
  const lines: string[] = [];
  let room = max;
  for (const type of ['person', 'organization', 'place', 'other'] as const) {
    const names = entities.filter((e) => e.type === type).map((e) => escapeText(e.name));
    const label = `**${ENTITY_LABELS[type]}:** `;
    const kept = fitItems(names, room - label.length - 1, ', ');
    if (kept.length === 0) continue;
    const line = `${label}${kept.join(', ')}`;
    lines.push(line);
    room -= line.length + 1;
  }
  return lines.join('\n');
}

/** Sentences as escaped bullets, as many whole ones as fit. */
export function renderBullets(sentences: readonly string[], max = CONTENT_LIMIT): string {
  const bullets = sentences.map((s) => `• ${escapeText(s)}`);
  const kept = fitItems(bullets, max, '\n');
  if (kept.length === 0 && bullets[0] !== undefined) kept.push(cutText(bullets[0], max));
  return kept.join('\n');
}

/**
 * Where a summary came from: its title and link, or that it was pasted text, within `max` characters. A cut
 * link would lead somewhere else, so the link stays whole and the title gives way; a link too long for the
 * room is shown by its site alone.
 */
export function renderSourceText(digest: Digest, max = CONTENT_LIMIT): string {
  const url = digest.article.url;
  if (!url) return cutText(`${titleLine(digest.article.title)} was summarized from pasted text or a file, not a web page.`, max);
  const link = url.length <= max - TITLE_ROOM ? url : `${originOf(url)} (the full link is too long to show here)`;
  const room = Math.min(TITLE_CHARS, max - link.length - 1);
  return room >= TITLE_ROOM ? `${titleLine(digest.article.title, room)}\n${link}` : cutText(link, max);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return cutText(url, 100);
  }
}

/** An article's title, escaped and in bold, on one line of at most `max` characters. */
export function titleLine(title: string, max = TITLE_CHARS): string {
  return `**${cutText(escapeText(title) || 'Untitled', max - 4)}**`;
}
