/**
 * Finding the article's title in a paste: the heading-like line just above the article, skipping
 * bylines, dates and a standfirst that sit between them.
 */
import type { RawBlock } from './blocks.js';
import { MONTH_NAMES, type BlockStats } from './features.js';

/** How far above the article's first block a title is looked for. */
const LOOKBACK = 20;
const BYLINE = /^(?:by|por|par|von|di|door|av)\s/i;
/** The words of a dateline: numbers, months and weekdays, times of day, "updated", "min read", "ago". */
const DATE_WORD = new RegExp(
  String.raw`^(?:\d+(?:st|nd|rd|th)?|${MONTH_NAMES}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|` +
    String.raw`sat(?:urday)?|sun(?:day)?|am|pm|et|est|edt|gmt|bst|utc|cet|updated?|published|posted|last|on|at|min(?:ute)?s?|` +
    String.raw`hours?|days?|read|ago)$`,
  'i',
);

/**
 * A byline, or a dateline: a line whose words are mostly a date, a time or "updated ... ago". A headline that
 * holds a year ("1973 oil crisis", "The 2024 Paris Olympics") is no dateline.
 */
function isBylineOrDate(text: string, stats: BlockStats): boolean {
  if (stats.words > 12) return false;
  if (BYLINE.test(text)) return true;
  const dated = stats.tokens.filter((t) => DATE_WORD.test(t)).length;
  return dated > 0 && dated >= stats.tokens.length / 2;
}

/** True when a block reads like a headline: a few words, not a sentence-ending fragment of prose. */
export function isHeadingLike(block: RawBlock, stats: BlockStats): boolean {
  if (block.marker === 'heading') return true;
  if (block.marker !== 'none' || stats.words < 3 || stats.words > 30) return false;
  if (/[,;:]$|^\p{Ll}/u.test(block.text)) return false;
  if (/https?:|www\.|©|\|/.test(block.text)) return false;
  return !/\.$/.test(block.text) || stats.words <= 15;
}

/** Photo credits and captions' markers, which sit between a title and the article on many sites. */
const CREDIT = /\b(?:photo(?:graph)?s?|image|credit|getty|reuters|afp|shutterstock|istock|copyright)\b|©/i;
const FURNITURE_LINE = /\b(?:share|tweet|email|facebook|twitter|whatsapp|subscribe|newsletter|sign|log in|read(?:ing)? time|min(?:ute)?s? read|tempo de leitura)\b/i;

/**
 * Index of the title block above the article starting at `start`, or -1. A Markdown heading right
 * above is taken at once; otherwise each headline-like line in the few blocks above is scored: words
 * it shares with the article's opening (a title announces its subject), a headline's length, and
 * penalties for credits, share bars and distance. A share bar's word counts against a line only as far as the line
 * does not announce the article: "Facebook Users Cheer as Council Backs Bicycle Lanes" is a headline. Blocks in
 * `skip` (a table of contents' entries) are never the title.
 */
export function findTitle(
  blocks: RawBlock[],
  stats: BlockStats[],
  start: number,
  body: Set<string>,
  skip: ReadonlySet<number> = new Set(),
): number {
  let best = -1;
  let bestScore = 0;
  for (let i = start - 1; i >= Math.max(0, start - LOOKBACK); i--) {
    const block = blocks[i]!;
    const s = stats[i]!;
    if (block.marker === 'heading' && i === start - 1) return i;
    if (skip.has(i) || isBylineOrDate(block.text, s)) continue;
    if (!isHeadingLike(block, s)) continue;
    const content = s.tokens.filter((t) => t.length >= 3);
    const shared = content.length === 0 ? 0 : content.filter((t) => body.has(t)).length / content.length;
    let score = 1 + shared;
    if (s.words >= 5 && s.words <= 20) score += 0.3;
    if (CREDIT.test(block.text)) score -= 1;
    if (FURNITURE_LINE.test(block.text)) score -= 1 - shared;
    score -= 0.03 * (start - 1 - i);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return bestScore >= 1 ? best : -1;
}
