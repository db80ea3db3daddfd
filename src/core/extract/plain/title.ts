/**
 * Finding the article's title in a paste: the heading-like line just above the article, skipping
 * bylines, dates and a standfirst that sit between them.
 */
import type { RawBlock } from './blocks.js';
import type { BlockStats } from './features.js';

/** How far above the article's first block a title is looked for. */
const LOOKBACK = 20;
const BYLINE_OR_DATE =
  /^(?:by|por|par|von|di|door|av)\s|\b(?:\d{1,2}:\d{2}|\d{4}|updated|published|min(?:ute)?s? read|ago)\b/i;

/** True when a block reads like a headline: a few words, not a sentence-ending fragment of prose. */
export function isHeadingLike(block: RawBlock, stats: BlockStats): boolean {
  if (block.marker === 'heading') return true;
  if (block.marker !== 'none' || stats.words < 3 || stats.words > 30) return false;
  if (/[,;:]$|^[\p{Ll}\d]/u.test(block.text)) return false;
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
 * does not announce the article: "Facebook Users Cheer as Council Backs Bicycle Lanes" is a headline.
 */
export function findTitle(blocks: RawBlock[], stats: BlockStats[], start: number, body: Set<string>): number {
  let best = -1;
  let bestScore = 0;
  for (let i = start - 1; i >= Math.max(0, start - LOOKBACK); i--) {
    const block = blocks[i]!;
    const s = stats[i]!;
    if (block.marker === 'heading' && i === start - 1) return i;
    if (BYLINE_OR_DATE.test(block.text) && s.words <= 12) continue;
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
