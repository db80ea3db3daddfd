import { TimestampStyles, time, type APIEmbed, type APIEmbedField } from 'discord.js';
import { isTrackingParam, sameSiteCanonical } from '../../core/cache/index.js';
import { summaryOf } from '../../core/pipeline.js';
import type { Article, Digest, Entity, EntityType } from '../../core/types.js';
import { escapeText, plainText } from '../escape.js';
import { cutText, fitItems } from './fit.js';

/** Discord's embed limits, in characters (fields: a count). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All embeds of one message together. */
  total: 6000,
} as const;

/** How a summary embed is drawn. */
export interface SummaryEmbedOptions {
  /** Summary sentences; the digest's own default length when omitted. */
  sentences?: number;
  /** The result came from the cache (said in the footer). */
  cached?: boolean;
  /** Characters this embed may use: {@link EMBED_LIMITS.total} divided by the embeds in the message. */
  budget?: number;
}

const ENTITY_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  other: 'Other',
};
const ENTITY_ORDER: EntityType[] = ['person', 'organization', 'place', 'other'];
const MAX_ENTITIES = 15;
const WORDS_PER_MINUTE = 230;
const BULLET = '• ';
const EMBED_COLOR = 0x3b82f6;

/**
 * Renders a digest as one embed: the title linked to the source, the site as author, byline and date, the
 * summary as bullets, key entities grouped by type, reading time and word count (and "cached") in the footer.
 * Every Discord limit holds, and the whole embed stays within `budget`: entities give way first, then the
 * last bullets; text is only cut at sentence or item boundaries (a single over-long sentence at a word).
 * All article text is escaped, so no article can format, mention or disguise a link.
 */
export function renderSummaryEmbed(digest: Digest, options: SummaryEmbedOptions = {}): APIEmbed {
  const budget = Math.min(options.budget ?? EMBED_LIMITS.total, EMBED_LIMITS.total);
  const article = digest.article;
  const title = cutText(escapeText(article.title) || 'Untitled', Math.min(EMBED_LIMITS.title, Math.floor(budget / 6)));
  const siteName = siteNameOf(digest);
  const authorName = siteName ? cutText(plainText(siteName), Math.min(EMBED_LIMITS.author, Math.floor(budget / 12))) : '';
  const footer = footerText(digest, options.cached === true);
  let room = budget - title.length - authorName.length - footer.length;

  const description = describe(digest, options.sentences, Math.min(EMBED_LIMITS.description, room));
  room -= description.length;
  const fields = entityFields(digest.entities, room);

  const embed: APIEmbed = { color: EMBED_COLOR, title, description, footer: { text: footer } };
  const url = shownUrl(article);
  if (url) embed.url = url;
  const thumbnail = thumbnailOf(article);
  if (thumbnail) embed.thumbnail = { url: thumbnail };
  if (authorName) embed.author = { name: authorName };
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/** The site's name, or the host of its URL. */
export function siteNameOf(digest: Digest): string | undefined {
  if (digest.article.siteName) return digest.article.siteName;
  const url = linkOf(digest.article.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}

/** "By Jane Doe · <date>", from what the page declares; empty when it declares neither. */
export function metaLine(digest: Digest): string {
  const parts: string[] = [];
  const byline = digest.article.byline?.replace(/^\s*by\s+/i, '').trim();
  if (byline) parts.push(`By ${escapeText(byline)}`);
  const published = digest.article.publishedTime ? Date.parse(digest.article.publishedTime) : Number.NaN;
  // A Discord timestamp shows in each reader's own locale and time zone.
  if (Number.isFinite(published)) parts.push(time(Math.floor(published / 1000), TimestampStyles.LongDate));
  return parts.join(' · ');
}

/** "4 min read · 812 words", and "cached" for a cached result. */
export function footerText(digest: Digest, cached: boolean): string {
  const minutes = Math.max(1, Math.ceil(digest.wordCount / WORDS_PER_MINUTE));
  const parts = [`${minutes} min read`, `${digest.wordCount.toLocaleString('en-US')} words`];
  if (cached) parts.push('cached');
  return parts.join(' · ');
}

/** The summary as escaped bullets, in article order (the best sentence alone when none fits the summary's cap). */
export function summaryBullets(digest: Digest, sentences?: number): string[] {
  let picked = summaryOf(digest, sentences);
  const best = digest.sentences[digest.ranking[0] ?? 0];
  if (picked.length === 0 && best) picked = [best.text];
  return picked.map((s) => `${BULLET}${escapeText(s)}`);
}

/** The meta line and as many whole bullets as fit in `max` (at least part of the first one). */
function describe(digest: Digest, sentences: number | undefined, max: number): string {
  const bullets = summaryBullets(digest, sentences);
  const meta = metaLine(digest);
  const head = meta && meta.length + 2 < max / 2 ? `${meta}\n\n` : '';
  const room = max - head.length;
  const kept = fitItems(bullets, room, '\n');
  if (kept.length === 0 && bullets[0] !== undefined) kept.push(cutText(bullets[0], room));
  return `${head}${kept.join('\n')}`.trimEnd() || cutText('No summary could be made of this text.', max);
}

/** One inline field per entity type with whole names only, within `room` characters in all. */
function entityFields(entities: readonly Entity[], room: number): APIEmbedField[] {
  const groups = new Map<EntityType, string[]>();
  for (const entity of entities.slice(0, MAX_ENTITIES)) {
    groups.set(entity.type, [...(groups.get(entity.type) ?? []), escapeText(entity.name)]);
  }
  const fields: APIEmbedField[] = [];
  for (const type of ENTITY_ORDER) {
    const names = groups.get(type);
    const name = ENTITY_LABELS[type];
    if (!names || fields.length >= EMBED_LIMITS.fields) continue;
    const kept = fitItems(names, Math.min(EMBED_LIMITS.fieldValue, room - name.length), ', ');
    if (kept.length === 0) continue;
    const value = kept.join(', ');
    fields.push({ name, value, inline: true });
    room -= name.length + value.length;
  }
  return fields;
}

/**
 * The link to show for an article: the canonical URL the page declares on its own site, else the URL as
 * fetched without its tracking parameters (utm_*, fbclid...) and fragment.
 */
export function shownUrl(article: Pick<Article, 'url' | 'canonicalUrl'>): string | undefined {
  if (!article.url) return undefined;
  return linkOf(sameSiteCanonical(article.url, article.canonicalUrl) ?? withoutTracking(article.url));
}

function withoutTracking(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) if (isTrackingParam(name)) parsed.searchParams.delete(name);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The page's preview image (og:image or twitter:image) when it is an absolute https URL: Discord shows it
 * as the thumbnail and fetches it itself; Skim never does.
 */
function thumbnailOf(article: Pick<Article, 'imageUrl'>): string | undefined {
  const url = article.imageUrl;
  if (!url || url.length > 2048) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The URL when it is an http(s) link Discord accepts in an embed. */
function linkOf(url: string | undefined): string | undefined {
  if (!url || url.length > 2048) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
