import type { Digest } from '../types.js';
import { articleIndex, type ArticleIndex } from './articleIndex.js';
import { confidenceFeatures, confidenceOf } from './confidence.js';
import { FEATURE_LAYOUT, sentenceFeatures, type FeatureLayout } from './features.js';
import type { AnswerModel } from './model.js';
import { weightVector } from './named.js';
import { analyseQuestion, type QuestionAnalysis } from './question.js';

/** Every sentence ranked for a question, and how sure the best one answers it. */
export interface Ranking {
  index: ArticleIndex;
  question: QuestionAnalysis;
  /** Sentence indices, best first. */
  order: number[];
  /** The ranker's score of each sentence. */
  score: Float64Array;
  /** The confidence signals of the best sentence (CONFIDENCE_FEATURES order), empty without one. */
  signals: number[];
  /** Log-odds that the best sentence answers the question (see ConfidenceModel.threshold). */
  confidence: number;
}

/**
 * Scores every sentence of the article with the linear ranker and rates the best one. The model's weights are
 * looked up by feature name, so `layout` (any order of the features) changes nothing but the vectors' layout.
 * @throws Error when the model's ranker lacks a feature or names one that does not exist.
 */
export function rankSentences(digest: Digest, question: string, model: AnswerModel, layout: FeatureLayout = FEATURE_LAYOUT): Ranking {
  const index = articleIndex(digest);
  const analysis = analyseQuestion(question, index, model.query);
  const n = digest.sentences.length;
  const score = new Float64Array(n);
  if (analysis.terms.size === 0 || n === 0) {
    return { index, question: analysis, order: [], score, signals: [], confidence: -Infinity };
  }
  const features = sentenceFeatures(index, digest.sentences, analysis, model.bm25, layout);
  const weights = weightVector(layout, model.ranker, 'answer ranker weights');
  const dim = layout.names.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += weights[j]! * features[i * dim + j]!;
    score[i] = s;
  }
  const order = [...score.keys()].sort((a, b) => score[b]! - score[a]! || a - b);
  const best = order[0]!;
  const signals = confidenceFeatures(index, analysis, features.subarray(best * dim, (best + 1) * dim), layout, score[best]!);
  return { index, question: analysis, order, score, signals, confidence: confidenceOf(model.confidence, signals) };
}
