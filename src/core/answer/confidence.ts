import type { ArticleIndex } from './articleIndex.js';
import { termIdf, type FeatureLayout } from './features.js';
import { layoutOf, weightVector } from './named.js';
import type { QuestionAnalysis } from './question.js';

/** Names of the signals that decide whether the best sentence answers at all, in the order of signal vectors. */
export const CONFIDENCE_FEATURES = [
  'coverage', 'windowCoverage', 'paraCoverage', 'lexShare', 'phrase', 'longestRun',
  'articleCoverage', 'anchorsFound', 'hasAnchors', 'termCount', 'score',
] as const;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** Where each signal sits in a signal vector. */
export const CONFIDENCE_LAYOUT = layoutOf(CONFIDENCE_FEATURES, CONFIDENCE_FEATURES, 'confidence signals');

/** A logistic model over those signals and the decision threshold on its log-odds. */
export interface ConfidenceModel {
  weights: Record<ConfidenceFeature, number>;
  bias: number;
  /** Log-odds below which Skim says the article doesn't say. */
  threshold: number;
}

/**
 * The signals for one question and its best sentence, in {@link CONFIDENCE_FEATURES} order: how much of the
 * question (IDF-weighted, a term the article lacks counting as rare) the sentence, its neighbours, its
 * paragraph and the whole article hold; whether the names and numbers the question holds occur in the
 * article; and the ranker's score. `row` is the best sentence's feature vector, laid out by `layout`.
 */
export function confidenceFeatures(
  index: ArticleIndex,
  question: QuestionAnalysis,
  row: Float64Array,
  layout: FeatureLayout,
  score: number,
): number[] {
  const ranker = (name: ConfidenceFeature & keyof FeatureLayout['at']): number => row[layout.at[name]]!;
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
  const signals: Record<ConfidenceFeature, number> = {
    coverage: ranker('coverage'),
    windowCoverage: ranker('windowCoverage'),
    paraCoverage: ranker('paraCoverage'),
    lexShare: ranker('lexShare'),
    phrase: ranker('phrase'),
    longestRun: ranker('longestRun'),
    articleCoverage: total > 0 ? found / total : 0,
    anchorsFound: question.anchors.size > 0 ? anchors / question.anchors.size : 1,
    hasAnchors: question.anchors.size > 0 ? 1 : 0,
    termCount: Math.min(question.terms.size, 8) / 8,
    score,
  };
  return CONFIDENCE_FEATURES.map((name) => signals[name]);
}

/** The log-odds that the best sentence answers the question. */
export function confidenceOf(model: ConfidenceModel, signals: readonly number[]): number {
  const weights = weightVector(CONFIDENCE_LAYOUT, model.weights, 'answer confidence weights');
  let z = model.bias;
  weights.forEach((w, j) => {
    z += w * signals[j]!;
  });
  return z;
}
