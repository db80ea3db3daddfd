/**
 * Choosing the article's region: the contiguous run of blocks whose evidence of being article text,
 * weighed by length, adds up highest; then dropping the clear boilerplate inside it.
 */

/** Tuning of the region choice (fitted with the model, see bench/eval/paste.ts). */
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

/**
 * Indices of the blocks kept as the article: those inside the best region that are not clearly
 * boilerplate, plus any `alwaysKeep` block inside it (Markdown list items and headings).
 */
export function selectArticle(
  probabilities: number[],
  words: number[],
  params: RegionParams,
  alwaysKeep: (i: number) => boolean = () => false,
  barrier: (i: number) => boolean = () => false,
): number[] {
  const region = bestRegion(probabilities, words, params, barrier);
  if (!region) return [];
  const kept: number[] = [];
  for (let i = region[0]; i <= region[1]; i++) {
    if (probabilities[i]! >= params.keep || alwaysKeep(i)) kept.push(i);
  }
  return kept;
}
