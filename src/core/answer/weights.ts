/**
 * Every weight of the answerer; do not edit by hand.
 * Made by `npm run train -- qa` (training/qa.ts), deterministic: the ranker a listwise softmax from
 * plain BM25, the confidence a logistic regression with its threshold, and the passage cut-off, all fitted on
 * the even half (articles at even positions) of data/qa/squad_dev_articles.jsonl, each pasted through digestSource;
 * query, bm25 and temperature are settings of training/qa.ts, not fitted. The odd half is held out.
 * Even half: answers hit@1 0.751, @3 0.883; ranking hit@1 0.762, @3 0.902; "doesn't say" rightly 0.979, wrongly 0.025.
 * Odd half (held out): answers hit@1 0.773, @3 0.871; ranking hit@1 0.792, @3 0.904; "doesn't say" rightly 0.974, wrongly 0.048.
 */
import type { AnswerModel } from './model.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- qa on the even half of data/qa/squad_dev_articles.jsonl";

/** The answerer's weights. */
export const MODEL: AnswerModel = {
  query: {
    frame: 0.5,
    entity: 0.5
  },
  bm25: {
    k1: 0.9,
    b: 0.5
  },
  ranker: {
    lex: 0.34,
    lexShare: -0.134,
    prev: 0.106,
    next: -0.006,
    kind: 0.185,
    noKind: -0.185,
    coverage: 0.381,
    paraCoverage: -0.431,
    paraLex: 0.802,
    bigram: -0.038,
    logLen: -0.318,
    anaphorPrev: 0.119,
    proximity: 0,
    lead: 0.041,
    windowCoverage: 0.162,
    novelty: -0.199,
    kindLex: -0.041,
    phrase: 0.46,
    longestRun: 0.088,
    anchors: -0.157,
    kindNear: 0.269,
    like: 0.929,
    likeOnly: -0.051,
    likeWindow: 0.741,
    likeBlock: 0.545,
    otherYear: -0.252,
    related: 0.646
  },
  temperature: 5,
  passageOdds: 0.02,
  confidence: {
    weights: {
      coverage: -0.046,
      windowCoverage: 3.799,
      paraCoverage: 5.024,
      lexShare: 4.533,
      phrase: 5.275,
      longestRun: 0.118,
      articleCoverage: 0.217,
      anchorsFound: 4.687,
      hasAnchors: 2.086,
      termCount: 2.544,
      score: 2.55
    },
    bias: -17.589,
    threshold: 0.055
  }
};
