/**
 * Finding the article's title in a paste: the heading-like line just above the article, skipping
 * bylines, dates and a standfirst that sit between them.
 */
import type { RawBlock } from './blocks.js';
import type { BlockStats } from './features.js';

/** How far above the article's first block a title is looked for. */
const LOOKBACK = 12;
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

/**
 * Index of the title block above the article starting at `start`, or -1. A Markdown heading is taken
 * at once; otherwise the nearest headline-like line that is not a byline or a date, stopping at a
 * line that repeats elsewhere in the paste (menus repeat, titles rarely sit among them).
 */
export function findTitle(blocks: RawBlock[], stats: BlockStats[], start: number): number {
  for (let i = start - 1; i >= Math.max(0, start - LOOKBACK); i--) {
    const block = blocks[i]!;
    const s = stats[i]!;
    if (BYLINE_OR_DATE.test(block.text) && s.words <= 12) continue;
    if (isHeadingLike(block, s)) return i;
  }
  return -1;
}
