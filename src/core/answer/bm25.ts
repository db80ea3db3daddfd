import type { Collection } from './articleIndex.js';

/** BM25 parameters. */
export interface Bm25Params {
  k1: number;
  b: number;
}

/**
 * BM25 with a weight per query term (Robertson–Spärck Jones IDF) over the article's sentences or blocks.
 * text/stats' bm25Index weighs every query term alike; questions need frame words down and entity keys in.
 */
export function weightedBm25(collection: Collection, terms: ReadonlyMap<string, number>, params: Bm25Params): Float64Array {
  const { k1, b } = params;
  const n = collection.lengths.length;
  const out = new Float64Array(n);
  for (const [term, weight] of terms) {
    const postings = collection.postings.get(term);
    if (!postings || weight === 0) continue;
    const idf = Math.log((n - postings.length + 0.5) / (postings.length + 0.5) + 1);
    for (const { doc, count } of postings) {
      const norm = k1 * (1 - b + (b * collection.lengths[doc]!) / collection.avgLength);
      out[doc]! += (weight * idf * count * (k1 + 1)) / (count + norm);
    }
  }
  return out;
}
