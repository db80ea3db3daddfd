import type { Bm25Params } from './bm25.js';
import type { ConfidenceModel } from './confidence.js';
import type { FeatureName } from './features.js';
import type { QueryWeights } from './question.js';

/** Every weight of the answerer; the shipped values (weights.ts) are fitted by `npm run train -- qa`. */
export interface AnswerModel {
  query: QueryWeights;
  bm25: Bm25Params;
  /** Linear sentence ranker: one weight per feature. */
  ranker: Record<FeatureName, number>;
  /** The softmax temperature the ranker was trained with: `exp(temperature * score)` is a sentence's odds. */
  temperature: number;
  /** Further passages are shown only while their odds are at least this share of the best one's. */
  passageOdds: number;
  confidence: ConfidenceModel;
}
