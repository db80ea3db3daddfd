/**
 * Every weight of the answerer; do not edit by hand.
 * Made by `npm run train -- qa` (training/qa.ts), deterministic: the ranker a listwise softmax from
 * plain BM25, the confidence a logistic regression with its threshold, and the passage cut-off, all fitted on
 * the even half (articles at even positions) of data/qa/squad_dev_articles.jsonl, each pasted through digestSource;
 * query, bm25 and temperature are settings of training/qa.ts, not fitted. The odd half is held out.
 * Even half: answers hit@1 0.751, @3 0.883; ranking hit@1 0.762, @3 0.903; "doesn't say" rightly 0.984, wrongly 0.025.
 * Odd half (held out): answers hit@1 0.774, @3 0.871; ranking hit@1 0.794, @3 0.905; "doesn't say" rightly 0.978, wrongly 0.049.
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
    lex: 0.35,
    lexShare: -0.155,
    prev: 0.105,
    next: -0.007,
    kind: 0.184,
    noKind: -0.184,
    coverage: 0.401,
    paraCoverage: -0.42,
    paraLex: 0.799,
    bigram: -0.007,
    logLen: -0.287,
    anaphorPrev: 0.118,
    proximity: -0.007,
    lead: 0.041,
    windowCoverage: 0.169,
    novelty: -0.244,
    kindLex: -0.035,
    phrase: 0.446,
    longestRun: 0.081,
    anchors: -0.169,
    kindNear: 0.264,
    like: 0.89,
    likeOnly: -0.004,
    likeWindow: 0.731,
    likeBlock: 0.537,
    otherYear: -0.256,
    related: 0.643
  },
  temperature: 5,
  passageOdds: 0.02,
  confidence: {
    weights: {
      coverage: 0.268,
      windowCoverage: 3.834,
      paraCoverage: 5.143,
      lexShare: 4.935,
      phrase: 5.54,
      longestRun: -0.44,
      articleCoverage: 0.106,
      anchorsFound: 4.561,
      hasAnchors: 1.904,
      termCount: 3.253,
      score: 2.515
    },
    bias: -17.78,
    threshold: 0.217
  }
};
