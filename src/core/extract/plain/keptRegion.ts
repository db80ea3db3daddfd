/**
 * The article region the cleaner keeps: the region search (region.ts) over the blocks' scores, with the
 * boilerplate at its edges that the search reaches over dropped.
 */
import type { TextAnalysis } from './analyse.js';
import type { BlockScores } from './classify.js';
import { LOCAL_FEATURES, isCommentCount } from './features.js';
import { selectArticle, type RegionParams } from './region.js';
import { withoutWikiFurniture } from './wikiFurniture.js';

const COMMENT_META = LOCAL_FEATURES.indexOf('commentMeta');
const TEMPLATE = LOCAL_FEATURES.indexOf('template');
const DATE = LOCAL_FEATURES.indexOf('date');
const BYLINE = LOCAL_FEATURES.indexOf('byline');

function isDateOrByline(x: number[]): boolean {
  return x[DATE]! > 0 || x[BYLINE]! > 0;
}

/**
 * Indices of the blocks kept by one region search: the article region with its boilerplate dropped, never
 * across a comment section's header (a repeated "... says:" line), without a date or byline line the region
 * reached over at its start, without the count of the comments ("3 Comments") at its end, and without a
 * reference work's contents and navigation notes (wikiFurniture.ts).
 */
export function regionBlocks(analysis: TextAnalysis, scores: BlockScores, params: RegionParams): number[] {
  const { blocks, features } = analysis;
  const words = features.stats.map((s) => s.words);
  const marked = (i: number) => blocks[i]!.marker !== 'none';
  const barrier = (i: number) => {
    const x = features.vectors[i]!;
    return x[COMMENT_META]! > 0 && x[TEMPLATE]! > 0;
  };
  const kept = selectArticle({ final: scores.final, local: scores.local, words, params, alwaysKeep: marked, barrier }).filter(
    (i) => features.stats[i]!.tokens.length > 0,
  );
  // A date or byline line the region reached over stands above the article, not in it.
  let start = 0;
  while (start < kept.length - 1 && isDateOrByline(features.vectors[kept[start]!]!)) start++;
  // A count of comments stands over the comments, which the region stopped before. Anywhere else (under
  // a headline, in a teaser) it is no barrier: a region cut there loses the article.
  let end = kept.length;
  while (end > start + 1 && isCommentCount(blocks[kept[end - 1]!]!.text)) end--;
  return withoutWikiFurniture(blocks, kept.slice(start, end), analysis.contents);
}
