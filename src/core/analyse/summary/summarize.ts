import { contentTerms, countRunWords, detectLanguage, inverseDocumentFrequencies, type TermVector, tfidfVector } from '../../text/index.js';
import { sentencesOf } from '../sentences.js';
import { centroidSimilarity, degreeCentrality, lexRank, similarityMatrix } from './sentenceGraph.js';
import { summaryLineQuality } from './summaryLines.js';
import type { Article, Sentence } from '../../types.js';

/** What the summarizer keeps about an article: its sentences and their order of preference. */
export interface Ranking {
  sentences: Sentence[];
  /** Indices into `sentences`, best summary sentence first; all of them, in a redundancy-aware order. */
  ranking: number[];
  /** The summary length that suits the article (3 for a short news story, up to 7 for a long feature). */
  defaultLength: number;
}

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
  /** Words read from the article's start: the sentences past them are left out (see {@link MAX_ANALYSED_WORDS}). */
  maxWords: number;
}

/**
 * Words of an article, from its start, whose sentences are analysed: ranked, searched for entities and kept
 * for questions. A bound on the cost of a giant text (a pasted book, a page that is one 10 MB text node):
 * splitting, ranking, tagging and the question index cost seconds and hundreds of MB per million words. The
 * longest documents of the development data have 13,600 words (a Wikipedia article; news pages stay under
 * 8,000) and long-form features seldom pass 20,000, so real articles are read whole; at this size the analysis
 * takes a few hundred milliseconds. The article's text and word count stay whole.
 */
export const MAX_ANALYSED_WORDS = 25_000;

export const DEFAULT_RANK_OPTIONS: RankOptions = {
  centrality: 'lexrank',
  positionWeight: 0.5,
  positionHalfLife: 3,
  adaptivePosition: true,
  leadGate: 0.3,
  qualityFilter: true,
  mmrLambda: 0.7,
  maxWords: MAX_ANALYSED_WORDS,
};

/** Analysis of one sentence that scoring needs. */
interface SentenceFeatures {
  vector: TermVector;
  quality: number;
}

function centralityOf(kind: RankOptions['centrality'], sim: Float64Array, features: SentenceFeatures[]): Float64Array {
  const n = features.length;
  if (kind === 'lexrank') return lexRank(sim, n);
  if (kind === 'degree') return degreeCentrality(sim, n);
  if (kind === 'centroid') return centroidSimilarity(features.map((f) => f.vector));
  return new Float64Array(n).fill(1);
}

function featuresOf(sentences: Sentence[], lang: string | undefined): SentenceFeatures[] {
  // IDF over the article's own sentences: no background corpus to ship, and the article is what matters.
  const terms = sentences.map((s) => contentTerms(s.text, lang));
  const idf = inverseDocumentFrequencies(terms);
  return sentences.map((s, i) => {
    const words = countRunWords(s.text);
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
  const cheap = scoreSentences(all, normaliseMax(centroidSimilarity(features.map((f) => f.vector))), features, leadWeight, opts);
  const byScore = all.sort((a, b) => cheap[b]! - cheap[a]!);
  return [byScore.slice(0, GRAPH_LIMIT).sort((a, b) => a - b), byScore.slice(GRAPH_LIMIT)];
}

/**
 * Ranks every sentence of an article (of its first `maxWords` words) for an extractive summary: centrality in a
 * TF-IDF similarity graph, blended with the lead prior that news carries (weakened for essay-like layouts and
 * for opening sentences the rest of the text never returns to), scaled by how fit each sentence is to stand
 * alone, then ordered greedily with MMR so that a near-copy of a better sentence comes late.
 */
export function rankSentences(article: Article, options: Partial<RankOptions> = {}): Ranking {
  const opts = { ...DEFAULT_RANK_OPTIONS, ...options };
  const lang = article.lang ?? detectLanguage(article.blocks.map((b) => b.text).join('\n'));
  const sentences = sentencesOf({ ...article, lang }, opts.maxWords);
  const n = sentences.length;
  if (n === 0) return { sentences, ranking: [], defaultLength: 0 };
  const features = featuresOf(sentences, lang);
  const leadWeight = opts.positionWeight * (opts.adaptivePosition ? 0.3 + 0.7 * leadPriorStrength(article, sentences) : 1);
  const [candidates, rest] = n > GRAPH_LIMIT ? candidatesFirst(features, leadWeight, opts) : [features.map((_, i) => i), []];
  const chosen = candidates.map((i) => features[i]!);
  const sim = similarityMatrix(chosen.map((f) => f.vector));
  const centrality = normaliseMax(centralityOf(opts.centrality, sim, chosen));
  const scores = scoreSentences(candidates, centrality, features, leadWeight, opts);
  const order = mmrOrder(scores, sim, candidates.length, opts.mmrLambda).map((k) => candidates[k]!);
  return { sentences, ranking: [...order, ...rest], defaultLength: defaultSummaryLength(n) };
}
