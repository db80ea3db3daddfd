import { detectLanguage } from './lang.js';
import { sentencesOf } from './sentences.js';
import { contentTerms, cosine, inverseDocumentFrequencies, tfidfVector, wordTokens } from './textStats.js';
import type { TermVector } from './textStats.js';
import type { Article, Sentence } from './types.js';

/** What the summarizer keeps about an article: its sentences and their order of preference. */
export interface Ranking {
  sentences: Sentence[];
  /** Indices into `sentences`, best summary sentence first; all of them, in a redundancy-aware order. */
  ranking: number[];
  /** The summary length that suits the article (3 for a short news story, up to 7 for a long feature). */
  defaultLength: number;
}

/** Sentence counts of the bot's presets. */
export const SUMMARY_LENGTHS = { short: 2, medium: 4, long: 7 } as const;

/** The longest summary Skim shows, in characters. */
export const MAX_SUMMARY_CHARS = 4096;

/** Knobs of the ranking; the defaults are what Skim uses, the evaluation switches them to measure each idea. */
export interface RankOptions {
  /** How sentence centrality is measured: LexRank (PageRank over TF-IDF cosine), degree, similarity to the centroid. */
  centrality: 'lexrank' | 'degree' | 'centroid' | 'none';
  /** Weight of the lead prior against centrality, 0..1, for text laid out like news. */
  positionWeight: number;
  /** Sentences after which the lead prior has halved. */
  positionHalfLife: number;
  /** Weaken the lead prior for text laid out like an essay or a reference article (long paragraphs, headings). */
  adaptivePosition: boolean;
  /**
   * A sentence gets the full lead prior only when its centrality is at least this share of the best one; below, the
   * prior shrinks in proportion. An opening anecdote that the rest of the text never returns to gets little of it.
   */
  leadGate: number;
  /** Demote sentences that make poor summary lines (questions, captions, bylines, fragments, bare quotes). */
  qualityFilter: boolean;
  /** MMR trade-off: 1 ranks by score alone, lower values push near-duplicates of chosen sentences down. */
  mmrLambda: number;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = {
  centrality: 'lexrank',
  positionWeight: 0.5,
  positionHalfLife: 3,
  adaptivePosition: true,
  leadGate: 0.3,
  qualityFilter: true,
  mmrLambda: 0.7,
};

/** Analysis of one sentence that scoring needs. */
interface SentenceFeatures {
  vector: TermVector;
  quality: number;
}

/** Damped PageRank over a weighted, undirected similarity graph (LexRank with continuous weights). */
function lexRank(sim: Float64Array, n: number, damping = 0.85, iterations = 30): Float64Array {
  const rowSums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSums[i]! += sim[i * n + j]!;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < iterations; iter++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      const share = rowSums[j]! > 0 ? (damping * rank[j]!) / rowSums[j]! : 0;
      if (share === 0) {
        // A sentence with no neighbours spreads its weight evenly, so rank stays a distribution.
        for (let i = 0; i < n; i++) next[i]! += (damping * rank[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) next[i]! += share * sim[j * n + i]!;
    }
    rank = next;
  }
  return rank;
}

function degree(sim: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += sim[i * n + j]!;
  return out;
}

/** Similarity of each sentence to the article as a whole (MEAD-style centroid). */
function centroid(vectors: TermVector[]): Float64Array {
  const sum: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return Float64Array.from(vectors, (v) => cosine(v, sum) / norm);
}

function centralityOf(kind: RankOptions['centrality'], sim: Float64Array, features: SentenceFeatures[]): Float64Array {
  const n = features.length;
  if (kind === 'lexrank') return lexRank(sim, n);
  if (kind === 'degree') return degree(sim, n);
  if (kind === 'centroid') return centroid(features.map((f) => f.vector));
  return new Float64Array(n).fill(1);
}

/** Vectors as parallel arrays of term ids (ascending) and weights, for fast pairwise dot products. */
interface PackedVector {
  ids: Int32Array;
  weights: Float64Array;
}

function packVectors(vectors: TermVector[]): PackedVector[] {
  const ids = new Map<string, number>();
  return vectors.map((v) => {
    const entries = [...v].map(([t, w]): [number, number] => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return [id, w];
    });
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
  });
}

function dot(a: PackedVector, b: PackedVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Cosine similarities of every pair of sentences (vectors are unit length), as an n x n matrix. */
function similarityMatrix(features: SentenceFeatures[]): Float64Array {
  const n = features.length;
  const packed = packVectors(features.map((f) => f.vector));
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(packed[i]!, packed[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  return sim;
}

const SPEECH = /\b(?:said|says|told|added|according to|asked|explained|insisted|claimed|stated)\b/iu;
const BOILERPLATE =
  /\b(?:click here|read more|sign up|subscribe|newsletter|follow (?:us|him|her)|share this|all rights reserved|cookies?|scroll down|for more (?:news|information)|related articles?)\b/iu;
const BYLINE = /^(?:by\s+\p{Lu}|published:|updated:|last (?:updated|modified)|posted:|photo(?:graph)?s?:|image:|credit:|source:)/iu;
const CAPTION = /\((?:pictured|above|below|left|right|centre|center|inset|file photo)[^)]*\)|^(?:pictured|above|below|left|right|inset)\b[:,]/iu;

/**
 * How fit a sentence is to stand alone as a summary line, in (0, 1]. Language-independent signals
 * (length, question marks, leading quotes) apply everywhere; the word lists are English.
 */
export function summaryLineQuality(text: string, words: number = wordTokens(text).length): number {
  let q = 1;
  if (words < 5) q *= 0.1;
  else if (words < 9) q *= 0.5;
  // Run-ons are often several sentences glued together (captions, lost full stops).
  if (words > 60) q *= 0.5;
  if (/[?？]["'”’)]*$/u.test(text)) q *= 0.3;
  if (BOILERPLATE.test(text)) q *= 0.1;
  if (BYLINE.test(text)) q *= 0.1;
  if (CAPTION.test(text)) q *= 0.3;
  if (/^["'“‘«„]/u.test(text)) q *= SPEECH.test(text) ? 0.6 : 0.3;
  if (!/[.!?…。！？"'”’)]$/u.test(text)) q *= 0.5;
  return q;
}

function featuresOf(sentences: Sentence[], lang: string | undefined): SentenceFeatures[] {
  // IDF over the article's own sentences: no background corpus to ship, and the article is what matters.
  const terms = sentences.map((s) => contentTerms(s.text, lang));
  const idf = inverseDocumentFrequencies(terms);
  return sentences.map((s, i) => {
    const words = wordTokens(s.text).length;
    return { vector: tfidfVector(terms[i]!, idf), quality: summaryLineQuality(s.text, words) };
  });
}

/**
 * How much the lead should count, 0..1, from the layout: news keeps paragraphs to one or two sentences,
 * essays and reference articles write long paragraphs under headings. Text without paragraphs says nothing,
 * and keeps the full prior.
 */
export function leadPriorStrength(article: Article, sentences: Sentence[]): number {
  const perBlock = new Map<number, number>();
  for (const s of sentences) {
    if (article.blocks[s.block]?.type === 'paragraph') perBlock.set(s.block, (perBlock.get(s.block) ?? 0) + 1);
  }
  if (perBlock.size < 3) return 1;
  const mean = [...perBlock.values()].reduce((a, b) => a + b, 0) / perBlock.size;
  let strength = Math.min(1, Math.max(0, (4 - mean) / 1.5));
  const headings = article.blocks.filter((b) => b.type === 'heading').length;
  if (headings >= 2) strength *= 0.5;
  return strength;
}

function normaliseMax(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  return max > 0 ? values.map((v) => v / max) : values.map(() => 1);
}

/** Greedy MMR: each next sentence maximises lambda * score - (1 - lambda) * its similarity to those chosen. */
function mmrOrder(scores: Float64Array, sim: Float64Array, n: number, lambda: number): number[] {
  const order: number[] = [];
  const chosen = new Uint8Array(n);
  const maxSim = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (chosen[i]) continue;
      const value = lambda * scores[i]! - (1 - lambda) * maxSim[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    chosen[best] = 1;
    order.push(best);
    for (let i = 0; i < n; i++) maxSim[i] = Math.max(maxSim[i]!, sim[best * n + i]!);
  }
  return order;
}

/** The default summary length: 3 sentences for a short story, growing slowly to 7 for a long feature. */
export function defaultSummaryLength(sentenceCount: number): number {
  if (sentenceCount <= 0) return 0;
  const grown = 3 + Math.floor(1.5 * Math.log2(Math.max(sentenceCount, 1) / 25));
  return Math.min(sentenceCount, Math.max(3, Math.min(7, grown)));
}

/** Sentences beyond this many are pre-filtered by a linear-time score before the quadratic graph and MMR. */
const GRAPH_LIMIT = 300;

/** Scores a set of sentences (indices into `features`) by blended centrality, lead prior and line quality. */
function scoreSentences(
  indices: number[],
  centrality: Float64Array,
  features: SentenceFeatures[],
  leadWeight: number,
  opts: RankOptions,
): Float64Array {
  return Float64Array.from(indices, (index, k) => {
    const c = centrality[k]!;
    const prior = Math.pow(0.5, index / opts.positionHalfLife);
    const gate = opts.leadGate > 0 ? Math.min(1, c / opts.leadGate) : 1;
    const base = (1 - leadWeight) * c + leadWeight * prior * gate;
    return base * (opts.qualityFilter ? features[index]!.quality : 1);
  });
}

/**
 * For a very long text, the GRAPH_LIMIT sentences that score best with centroid similarity standing in for
 * LexRank, in article order, then the rest, best first.
 */
function candidatesFirst(features: SentenceFeatures[], leadWeight: number, opts: RankOptions): [number[], number[]] {
  const all = features.map((_, i) => i);
  const cheap = scoreSentences(all, normaliseMax(centroid(features.map((f) => f.vector))), features, leadWeight, opts);
  const byScore = all.sort((a, b) => cheap[b]! - cheap[a]!);
  return [byScore.slice(0, GRAPH_LIMIT).sort((a, b) => a - b), byScore.slice(GRAPH_LIMIT)];
}

/**
 * Ranks every sentence of an article for an extractive summary: centrality in a TF-IDF similarity graph,
 * blended with the lead prior that news carries (weakened for essay-like layouts and for opening sentences the
 * rest of the text never returns to), scaled by how fit each sentence is to stand alone, then ordered greedily
 * with MMR so that a near-copy of a better sentence comes late.
 */
export function rankSentences(article: Article, options: Partial<RankOptions> = {}): Ranking {
  const opts = { ...DEFAULT_RANK_OPTIONS, ...options };
  const lang = article.lang ?? detectLanguage(article.blocks.map((b) => b.text).join('\n'));
  const sentences = sentencesOf({ ...article, lang });
  const n = sentences.length;
  if (n === 0) return { sentences, ranking: [], defaultLength: 0 };
  const features = featuresOf(sentences, lang);
  const leadWeight = opts.positionWeight * (opts.adaptivePosition ? 0.3 + 0.7 * leadPriorStrength(article, sentences) : 1);
  const [candidates, rest] = n > GRAPH_LIMIT ? candidatesFirst(features, leadWeight, opts) : [features.map((_, i) => i), []];
  const chosen = candidates.map((i) => features[i]!);
  const sim = similarityMatrix(chosen);
  const centrality = normaliseMax(centralityOf(opts.centrality, sim, chosen));
  const scores = scoreSentences(candidates, centrality, features, leadWeight, opts);
  const order = mmrOrder(scores, sim, candidates.length, opts.mmrLambda).map((k) => candidates[k]!);
  return { sentences, ranking: [...order, ...rest], defaultLength: defaultSummaryLength(n) };
}

function wordSet(text: string): Set<string> {
  return new Set(wordTokens(text));
}

/** Share of the smaller sentence's words that the other one also has. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/**
 * Picks a summary from a ranking: the first `n` sentences of the ranking that are not near-copies of one already
 * picked (most of their words shared) and that keep the total within `maxChars`, returned in article order.
 */
export function selectSummary(
  r: Pick<Ranking, 'sentences' | 'ranking'>,
  n: number,
  maxChars: number = MAX_SUMMARY_CHARS,
): string[] {
  const picked: Sentence[] = [];
  const pickedWords: Set<string>[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const index of r.ranking) {
    if (picked.length >= n) break;
    const sentence = r.sentences[index];
    if (!sentence || seen.has(sentence.text)) continue;
    const words = wordSet(sentence.text);
    if (pickedWords.some((other) => overlap(words, other) >= 0.8)) continue;
    const added = sentence.text.length + (picked.length > 0 ? 1 : 0);
    if (chars + added > maxChars) continue;
    picked.push(sentence);
    pickedWords.push(words);
    seen.add(sentence.text);
    chars += added;
  }
  return picked.sort((a, b) => a.index - b.index).map((s) => s.text);
}
