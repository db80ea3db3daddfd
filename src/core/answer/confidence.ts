import type { ArticleIndex } from './articleIndex.js';
import { FEATURE_COUNT, FEATURES, termIdf, type FeatureName } from './features.js';
import type { QuestionAnalysis } from './question.js';

/** Names of the signals that decide whether the best sentence answers at all, in vector order. */
export const CONFIDENCE_FEATURES = [
  'coverage', 'windowCoverage', 'paraCoverage', 'lexShare', 'phrase', 'longestRun',
  'articleCoverage', 'anchorsFound', 'hasAnchors', 'termCount', 'score',
] as const;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** A logistic model over those signals and the decision threshold on its log-odds. */
export interface ConfidenceModel {
  weights: Record<ConfidenceFeature, number>;
  bias: number;
  /** Log-odds below which Skim says the article doesn't say. */
  threshold: number;
}

const FROM_RANKER: ReadonlyArray<FeatureName> = ['coverage', 'windowCoverage', 'paraCoverage', 'lexShare', 'phrase', 'longestRun'];

/**
 * The signals for one question and its best sentence: how much of the question (IDF-weighted, a term the
 * article lacks counting as rare) the sentence, its neighbours, its paragraph and the whole article hold;
 * whether the names and numbers the question holds occur in the article; and the ranker's score.
 */
export function confidenceFeatures(
  index: ArticleIndex,
  question: QuestionAnalysis,
  features: Float64Array,
  best: number,
  score: number,
): number[] {
  const row = features.subarray(best * FEATURE_COUNT, (best + 1) * FEATURE_COUNT);
  const out = FROM_RANKER.map((name) => row[FEATURES.indexOf(name)]!);
  let total = 0;
  let found = 0;
  for (const [term, weight] of question.terms) {
    if (term.startsWith('#')) continue;
    const w = weight * termIdf(index, term);
    total += w;
    if (index.df.has(term)) found += w;
  }
  let anchors = 0;
  for (const t of question.anchors) if (index.df.has(t)) anchors++;
  out.push(
    total > 0 ? found / total : 0,
    question.anchors.size > 0 ? anchors / question.anchors.size : 1,
    question.anchors.size > 0 ? 1 : 0,
    Math.min(question.terms.size, 8) / 8,
    score,
  );
  return out;
}

/** The log-odds that the best sentence answers the question. */
export function confidenceOf(model: ConfidenceModel, signals: readonly number[]): number {
  let z = model.bias;
  CONFIDENCE_FEATURES.forEach((name, j) => {
    z += model.weights[name] * signals[j]!;
  });
  return z;
}
