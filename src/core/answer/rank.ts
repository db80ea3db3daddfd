import type { Digest } from '../types.js';
import { articleIndex, type ArticleIndex } from './articleIndex.js';
import { confidenceFeatures, confidenceOf } from './confidence.js';
import { FEATURE_COUNT, FEATURES, sentenceFeatures } from './features.js';
import type { AnswerModel } from './model.js';
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

/** Scores every sentence of the article with the linear ranker and rates the best one. */
export function rankSentences(digest: Digest, question: string, model: AnswerModel): Ranking {
  const index = articleIndex(digest);
  const analysis = analyseQuestion(question, index, model.query);
  const n = digest.sentences.length;
  const score = new Float64Array(n);
  if (analysis.terms.size === 0 || n === 0) {
    return { index, question: analysis, order: [], score, signals: [], confidence: -Infinity };
  }
  const features = sentenceFeatures(index, digest.sentences, analysis, model.bm25);
  const weights = FEATURES.map((name) => model.ranker[name]);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < FEATURE_COUNT; j++) s += weights[j]! * features[i * FEATURE_COUNT + j]!;
    score[i] = s;
  }
  const order = [...score.keys()].sort((a, b) => score[b]! - score[a]! || a - b);
  const best = order[0]!;
  const signals = confidenceFeatures(index, analysis, features, best, score[best]!);
  return { index, question: analysis, order, score, signals, confidence: confidenceOf(model.confidence, signals) };
}
