/**
 * Choosing the article's region: the contiguous run of blocks whose evidence of being article text,
 * weighed by length, adds up highest; then dropping the clear boilerplate inside it.
 */

/** Tuning of the region choice (fitted with the model, see training/paste.ts). */
export interface RegionParams {
  /** Probability above which a block pulls the region towards itself. */
  threshold: number;
  /** Weight of a block is its word count, but at least this, so that short menu lines count too. */
  floor: number;
  /** Inside the region, blocks under this probability are dropped. */
  keep: number;
}

/** Words in a region that make it an article, when comments follow. */
const ARTICLE_BEFORE_COMMENTS = 80;

function wordsIn(words: number[], [start, end]: [number, number]): number {
  let n = 0;
  for (let i = start; i <= end; i++) n += words[i]!;
  return n;
}

/**
 * The indices [start, end] of the highest-scoring contiguous run of blocks (Kadane's algorithm over
 * (p - threshold) * max(words, floor)), or undefined when no block scores above the threshold.
 * The region never spans a barrier block (a repeated comment header), and the first barrier after a
 * region worth an article ends the search: what follows it is comments.
 */
export function bestRegion(
  probabilities: number[],
  words: number[],
  params: RegionParams,
  barrier: (i: number) => boolean = () => false,
): [number, number] | undefined {
  let best = 0;
  let bestRange: [number, number] | undefined;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (barrier(i)) {
      // Comments follow the article: once a region worth an article stands before them, stop.
      if (bestRange && wordsIn(words, bestRange) >= ARTICLE_BEFORE_COMMENTS) break;
      sum = 0;
      start = i + 1;
      continue;
    }
    const gain = (probabilities[i]! - params.threshold) * Math.max(words[i]!, params.floor);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += gain;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

/** What {@link selectArticle} reads about each block. */
export interface RegionInput {
  /** Final (context-stage) probabilities. */
  final: number[];
  /** First-stage probabilities, from each block's own features. */
  local: number[];
  words: number[];
  params: RegionParams;
  /** Blocks kept whenever they are inside the region (Markdown list items and headings). */
  alwaysKeep?: (i: number) => boolean;
  /** Blocks the region never spans (repeated comment headers). */
  barrier?: (i: number) => boolean;
}

/** Below this on both stages a block is plain boilerplate, never part of a list inside the article. */
const BAD = 0.1;
/** A block that its own features call prose (first stage), enough to anchor an extension. */
const ANCHOR = 0.8;
const ANCHOR_WORDS = 15;
/** How many short blocks an extension may cross to reach an anchor. */
const REACH = 12;

/**
 * Indices of the blocks kept as the article: the best region, widened over a run of short blocks
 * (a list, subheadings) to a paragraph of prose just beyond it, then without the blocks inside it
 * that score under `keep`, except runs of short blocks enclosed by kept ones (a list in the article).
 */
export function selectArticle(input: RegionInput): number[] {
  const { final, local, words, params } = input;
  const alwaysKeep = input.alwaysKeep ?? (() => false);
  const barrier = input.barrier ?? (() => false);
  const region = bestRegion(final, words, params, barrier);
  if (!region) return [];
  const bad = (i: number) => barrier(i) || Math.max(final[i]!, local[i]!) < BAD;
  const anchor = (i: number) => local[i]! >= ANCHOR && words[i]! >= ANCHOR_WORDS;
  let [start, end] = region;
  const anchors = new Set<number>();
  for (let extended = true; extended; ) {
    extended = false;
    for (let j = start - 1; j >= Math.max(0, start - REACH) && !bad(j); j--) {
      if (anchor(j)) {
        start = j;
        anchors.add(j);
        extended = true;
        break;
      }
    }
    for (let j = end + 1; j <= Math.min(final.length - 1, end + REACH) && !bad(j); j++) {
      if (anchor(j)) {
        end = j;
        anchors.add(j);
        extended = true;
        break;
      }
    }
  }
  const keep = (i: number) => final[i]! >= params.keep || alwaysKeep(i) || anchors.has(i);
  const kept: number[] = [];
  for (let i = start; i <= end; i++) {
    if (keep(i)) {
      kept.push(i);
      continue;
    }
    // A run of short non-boilerplate blocks between kept ones is a list or a table in the article.
    let j = i;
    while (j <= end && !keep(j) && !bad(j)) j++;
    if (j > i && j <= end && keep(j) && kept.length > 0 && kept[kept.length - 1] === i - 1) {
      for (let k = i; k < j; k++) kept.push(k);
      i = j - 1;
    }
  }
  return kept;
}
