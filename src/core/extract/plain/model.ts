/** The shape of the text cleaner's fitted model, which weights.ts holds and training/paste.ts writes. */
import type { BlockModel } from './classify.js';
import type { RegionParams } from './region.js';

/** The fitted models and region parameters. */
export interface TextCleanModel {
  withStopwords: BlockModel;
  withoutStopwords: BlockModel;
  region: RegionParams;
  /** Words' log-odds of standing in page furniture (lexicon.ts). */
  lexicon: Record<string, number>;
}
