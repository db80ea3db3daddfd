import { stopwordsFor } from '../text/index.js';
import type { Sentence } from '../types.js';
import type { ArticleIndex } from './articleIndex.js';
import { YEAR_WORD, type Marker } from './markers.js';
import type { QuestionAnalysis } from './question.js';
import { weightedBm25, type Bm25Params } from './bm25.js';
import { relatedTermsFor } from './relatedTerms.js';
import { softCoverage } from './softMatch.js';
import { layoutOf, type Layout } from './named.js';
import { bigramsOf } from './terms.js';

/** Names of the features; vectors and weights are addressed by these names (see {@link FEATURE_LAYOUT}). */
export const FEATURES = [
  'lex', 'lexShare', 'prev', 'next', 'kind', 'noKind', 'coverage', 'paraCoverage', 'paraLex', 'bigram', 'logLen',
  'anaphorPrev', 'proximity', 'lead', 'windowCoverage', 'novelty', 'kindLex', 'phrase', 'longestRun', 'anchors', 'kindNear',
  'like', 'likeOnly', 'likeWindow', 'likeBlock', 'otherYear', 'related',
] as const;

export type FeatureName = (typeof FEATURES)[number];

/** Where each feature sits in a vector. */
export type FeatureLayout = Layout<FeatureName>;

/** The layout Skim uses: the features in the order of {@link FEATURES}. */
export const FEATURE_LAYOUT: FeatureLayout = layoutOf(FEATURES, FEATURES, 'answer features');

/**
 * Feature vectors of every sentence for one question, flat: sentence i's are the `layout.names.length`
 * numbers from `i * layout.names.length`, each feature at `layout.at[name]`.
 */
export function sentenceFeatures(
  index: ArticleIndex,
  sentences: readonly Sentence[],
  question: QuestionAnalysis,
  bm25: Bm25Params,
  layout: FeatureLayout = FEATURE_LAYOUT,
): Float64Array {
  const dim = layout.names.length;
  const at = layout.at;
  const n = sentences.length;
  const lexical = weightedBm25(index, question.terms, bm25);
  const paragraph = weightedBm25(index.blocks, question.terms, bm25);
  const kind = kindMatches(index, question);
  const maxLex = Math.max(0, ...lexical);
  const maxPara = Math.max(0, ...paragraph);
  const terms = [...question.terms.keys()];
  const weights = terms.map((t) => question.terms.get(t)! * termIdf(index, t));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const ideal = totalWeight * (bm25.k1 + 1) || 1;
  const coverage = (...sets: Array<ReadonlySet<string> | undefined>): number => {
    if (totalWeight === 0) return 0;
    let got = 0;
    terms.forEach((t, j) => {
      if (sets.some((s) => s?.has(t))) got += weights[j]!;
    });
    return got / totalWeight;
  };
  const stop = stopwordsFor(index.lang);
  const phrases = [...bigramsOf(question.stems)].filter((p) => p.split(' ').some((w) => !stop.has(w)));
  const rel = (v: number, max: number): number => (max > 0 ? v / max : 0);
  const blockCoverage = index.blocks.terms.map((set) => coverage(set));
  const soft = softCoverage(index, question.content, question.content.map((w) => termIdf(index, w.term)));
  const related = relatedCoverage(index, terms, weights);
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const f = out.subarray(i * dim, (i + 1) * dim);
    const block = sentences[i]!.block;
    const hasPrev = i > 0 && sentences[i - 1]!.block === block;
    const hasNext = i + 1 < n && sentences[i + 1]!.block === block;
    const prev = hasPrev ? rel(lexical[i - 1]!, maxLex) : 0;
    const next = hasNext ? rel(lexical[i + 1]!, maxLex) : 0;
    const lex = rel(lexical[i]!, maxLex);
    const own = index.termSets[i]!;
    f[at.lex] = lex;
    f[at.lexShare] = lexical[i]! / ideal;
    f[at.prev] = prev;
    f[at.next] = next;
    const spans = kind[i];
    f[at.kind] = spans ? 1 : 0;
    f[at.noKind] = question.kinds.length > 0 && !spans ? 1 : 0;
    f[at.paraCoverage] = blockCoverage[index.blockOf[i]!]!;
    f[at.paraLex] = rel(paragraph[index.blockOf[i]!]!, maxPara);
    f[at.logLen] = index.logLengths[i]!;
    f[at.anaphorPrev] = index.anaphoric[i] ? prev : 0;
    f[at.lead] = hasPrev ? 0 : 1;
    f[at.kindLex] = spans ? lex : 0;
    f[at.like] = soft.own[i]!;
    f[at.likeOnly] = soft.alike[i]!;
    f[at.likeWindow] = soft.window[i]!;
    f[at.likeBlock] = soft.block[i]!;
    f[at.otherYear] = otherYear(index.markers[i]!, question.years);
    f[at.related] = related[i]!;

    // Sentences that match no question term score nothing on the term-level features: skip the work.
    if (lex > 0) {
      f[at.coverage] = coverage(own);
      f[at.bigram] = bigramShare(terms, index.positions[i]!);
      f[at.proximity] = proximity(question.terms, index.terms[i]!);
      f[at.novelty] = novelty(own, question.terms);
      f[at.phrase] = phrases.length > 0 ? phrases.filter((p) => index.bigrams[i]!.has(p)).length / phrases.length : 0;
      f[at.longestRun] = Math.min(1, longestCommonRun(question.stems, index.stems[i]!) / 6);
      if (spans) f[at.kindNear] = nearness(spans, question.terms, index.stems[i]!);
      f[at.anchors] = question.anchors.size > 0 ? [...question.anchors].filter((t) => own.has(t)).length / question.anchors.size : 0;
    } else {
      f[at.novelty] = own.size > 0 ? 1 : 0;
    }
    if (lex > 0 || prev > 0 || next > 0) {
      f[at.windowCoverage] = coverage(own, hasPrev ? index.termSets[i - 1] : undefined, hasNext ? index.termSets[i + 1] : undefined);
    }
  }
  return out;
}

/** The spans of each sentence of one of the kinds asked for that hold a word the question does not have. */
export function kindMatches(index: ArticleIndex, question: QuestionAnalysis): Array<Marker[] | undefined> {
  const out: Array<Marker[] | undefined> = new Array(index.markers.length);
  if (question.kinds.length === 0) return out;
  const wanted = new Set(question.kinds);
  index.markers.forEach((markers, i) => {
    const found = markers.filter((m) => wanted.has(m.kind) && m.words.some((w) => !question.words.has(w)));
    if (found.length > 0) out[i] = found;
  });
  return out;
}

/**
 * The weighted share of the question's terms each sentence lacks but holds a related term of (WordNet:
 * "death" for "died"), found through the inverted index.
 */
function relatedCoverage(index: ArticleIndex, terms: readonly string[], weights: readonly number[]): Float64Array {
  const table = relatedTermsFor(index.lang);
  const out = new Float64Array(index.termSets.length);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return out;
  terms.forEach((t, j) => {
    const related = t.startsWith('#') ? undefined : table.get(t);
    if (!related) return;
    const holders = new Set<number>();
    for (const r of related) for (const p of index.postings.get(r) ?? []) holders.add(p.doc);
    for (const doc of holders) if (!index.termSets[doc]!.has(t)) out[doc]! += weights[j]!;
  });
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
  return out;
}

/** 1 when the question names years and the sentence names only others: it is about another time. */
function otherYear(markers: readonly Marker[], years: ReadonlySet<string>): number {
  if (years.size === 0) return 0;
  let other = false;
  for (const m of markers) {
    if (m.kind !== 'date' || !YEAR_WORD.test(m.words[0]!)) continue;
    if (years.has(m.words[0]!.slice(0, 4))) return 0;
    other = true;
  }
  return other ? 1 : 0;
}

/** BM25's IDF of a term in the article; a term the article lacks gets the IDF of a term seen once. */
export function termIdf(index: ArticleIndex, term: string): number {
  const n = index.lengths.length;
  const df = Math.max(1, index.df.get(term) ?? 0);
  return Math.log((n - df + 0.5) / (df + 0.5) + 1);
}

/** Share of the question's neighbouring term pairs that stand within three terms of each other in the sentence. */
function bigramShare(question: readonly string[], positions: ReadonlyMap<string, number[]>): number {
  if (question.length < 2) return 0;
  let found = 0;
  for (let i = 0; i + 1 < question.length; i++) {
    const a = positions.get(question[i]!);
    const b = a && positions.get(question[i + 1]!);
    if (a && b && a.some((x) => b.some((y) => Math.abs(x - y) <= 3))) found++;
  }
  return found / (question.length - 1);
}

/** Matched terms over the width of the stretch that holds them: 1 when they stand together. */
function proximity(terms: ReadonlyMap<string, number>, sentence: readonly string[]): number {
  let first = -1;
  let last = -1;
  let matched = 0;
  for (let i = 0; i < sentence.length; i++) {
    if (!terms.has(sentence[i]!)) continue;
    matched++;
    if (first < 0) first = i;
    last = i;
  }
  return matched >= 2 ? Math.min(1, matched / (last - first + 1)) : 0;
}

/** Share of the sentence's distinct terms the question does not have: an answer says something new. */
function novelty(sentence: ReadonlySet<string>, question: ReadonlyMap<string, number>): number {
  if (sentence.size === 0) return 0;
  let fresh = 0;
  for (const t of sentence) if (!question.has(t)) fresh++;
  return fresh / sentence.size;
}

/** Length of the longest run of words the question and the sentence share, in order. */
function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let row = new Uint16Array(b.length + 1);
  let next = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : 0;
      if (next[j]! > best) best = next[j]!;
    }
    [row, next] = [next, row];
  }
  return best;
}

/** 1 / (1 + distance / 4) from an asked-for span to the nearest word of the question: answers stand near their cues. */
function nearness(spans: readonly Marker[], terms: ReadonlyMap<string, number>, words: readonly string[]): number {
  let best = Infinity;
  words.forEach((w, j) => {
    if (!terms.has(w)) return;
    for (const m of spans) {
      const d = j < m.at ? m.at - j : Math.max(0, j - (m.at + m.words.length - 1));
      if (d > 0 && d < best) best = d;
    }
  });
  return Number.isFinite(best) ? 1 / (1 + best / 4) : 0;
}

