/**
 * Matching a question's words with words of like meaning in the article, by word vectors: a question asking
 * what Tesla "accidentally" caused finds the sentence where he "inadvertently" did. A word the sentence holds
 * counts 1, a word of like meaning its cosine similarity (when at least LIKENESS_FLOOR), others nothing.
 */
import type { Sentence } from '../types.js';
import { wordTokens } from '../text/index.js';
import type { ArticleIndex } from './articleIndex.js';
import { rowSimilarity, wordVectorsFor } from '../text/index.js';

/** The article's words that have vectors. */
export interface VectorWords {
  /** Vector rows of the article's distinct words that have one. */
  rows: Int32Array;
  /** Each sentence's distinct words, as positions in `rows`. */
  sentences: Int32Array[];
}

/** A question word to match: its match term (for exact matches) and the word itself (for its vector). */
export interface QueryWord {
  term: string;
  word: string;
}

/** Below this cosine similarity two words are taken as unrelated (measured on the SQuAD dev articles). */
export const LIKENESS_FLOOR = 0.4;

/** Each sentence's words that have vectors in the article's language (none without vectors). */
export function vectorWords(sentences: readonly Sentence[], lang: string | undefined): VectorWords {
  const vectors = wordVectorsFor(lang);
  if (!vectors) return { rows: new Int32Array(0), sentences: sentences.map(() => new Int32Array(0)) };
  const local = new Map<number, number>();
  const rows: number[] = [];
  const perSentence = sentences.map((s) => {
    const mine = new Set<number>();
    for (const word of wordTokens(s.text)) {
      const row = vectors.index.get(word);
      if (row === undefined) continue;
      let id = local.get(row);
      if (id === undefined) {
        id = rows.length;
        local.set(row, id);
        rows.push(row);
      }
      mine.add(id);
    }
    return Int32Array.from(mine);
  });
  return { rows: Int32Array.from(rows), sentences: perSentence };
}

/** Weighted shares of the question each sentence holds, exactly or in words of like meaning. */
export interface SoftCoverage {
  /** In the sentence itself. */
  own: Float64Array;
  /** The part of `own` from words of like meaning only. */
  alike: Float64Array;
  /** In the sentence and its neighbours in the same paragraph. */
  window: Float64Array;
  /** In the sentence's paragraph. */
  block: Float64Array;
}

/**
 * How much of the question each sentence covers, each question word weighted by `weights` and counted at its
 * best match in the sentence: 1 for the word itself, its similarity for a word of like meaning.
 */
export function softCoverage(index: ArticleIndex, words: readonly QueryWord[], weights: readonly number[]): SoftCoverage {
  const n = index.termSets.length;
  const q = words.length;
  const out: SoftCoverage = { own: new Float64Array(n), alike: new Float64Array(n), window: new Float64Array(n), block: new Float64Array(n) };
  const total = weights.reduce((a, b) => a + b, 0);
  if (q === 0 || total <= 0) return out;
  const likeness = likenessTable(index, words);
  const best = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    const local = index.vectors.sentences[i]!;
    if (likeness) {
      for (let w = 0; w < local.length; w++) {
        const at = local[w]! * q;
        for (let j = 0; j < q; j++) if (likeness[at + j]! > best[i * q + j]!) best[i * q + j] = likeness[at + j]!;
      }
    }
  }
  // Exact matches, from the inverted index: only the sentences that hold the term.
  words.forEach((w, j) => {
    for (const p of index.postings.get(w.term) ?? []) best[p.doc * q + j] = 1;
  });
  const coverageOf = (row: ArrayLike<number>, onlyAlike = false): number => {
    let got = 0;
    for (let j = 0; j < q; j++) if (!onlyAlike || row[j]! < 1) got += weights[j]! * row[j]!;
    return got / total;
  };
  const blockBest = new Map<number, Float64Array>();
  for (let i = 0; i < n; i++) {
    const b = index.blockOf[i]!;
    let row = blockBest.get(b);
    if (!row) blockBest.set(b, (row = new Float64Array(q)));
    for (let j = 0; j < q; j++) row[j] = Math.max(row[j]!, best[i * q + j]!);
  }
  const window = new Float64Array(q);
  for (let i = 0; i < n; i++) {
    const mine = best.subarray(i * q, (i + 1) * q);
    out.own[i] = coverageOf(mine);
    out.alike[i] = coverageOf(mine, true);
    window.set(mine);
    for (const k of [i - 1, i + 1]) {
      if (k < 0 || k >= n || index.blockOf[k] !== index.blockOf[i]) continue;
      for (let j = 0; j < q; j++) window[j] = Math.max(window[j]!, best[k * q + j]!);
    }
    out.window[i] = coverageOf(window);
    out.block[i] = coverageOf(blockBest.get(index.blockOf[i]!)!);
  }
  return out;
}

/** Per article index: each question word's similarities to the article's words, kept for later questions. */
const likenessCache = new WeakMap<ArticleIndex, Map<number, Float32Array>>();

/** Question words whose similarities an article keeps at most; the map starts again when full. */
const CACHED_WORDS = 256;

/** Similarity of each article word (row-major) to each question word, 0 below the floor; none without vectors. */
function likenessTable(index: ArticleIndex, words: readonly QueryWord[]): Float32Array | undefined {
  const vectors = wordVectorsFor(index.lang);
  const articleRows = index.vectors.rows;
  if (!vectors || articleRows.length === 0) return undefined;
  const q = words.length;
  const questionRows = words.map((w) => vectors.index.get(w.word) ?? -1);
  if (questionRows.every((r) => r < 0)) return undefined;
  let cache = likenessCache.get(index);
  if (!cache) likenessCache.set(index, (cache = new Map()));
  const table = new Float32Array(articleRows.length * q);
  questionRows.forEach((r, j) => {
    if (r < 0) return;
    let column = cache.get(r);
    if (!column) {
      if (cache.size >= CACHED_WORDS) cache.clear();
      column = new Float32Array(articleRows.length);
      for (let k = 0; k < articleRows.length; k++) {
        const similarity = rowSimilarity(vectors, r, articleRows[k]!);
        if (similarity >= LIKENESS_FLOOR) column[k] = similarity;
      }
      cache.set(r, column);
    }
    for (let k = 0; k < articleRows.length; k++) table[k * q + j] = column[k]!;
  });
  return table;
}
