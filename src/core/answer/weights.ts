/**
 * Every weight of the answerer; do not edit by hand.
 * Made by `npm run train -- qa` (training/qa.ts), deterministic: the ranker a listwise softmax from
 * plain BM25, the confidence a logistic regression with its threshold, and the passage cut-off, all fitted on
 * the even half (articles at even positions) of data/qa/squad_dev_articles.jsonl, each pasted through digestSource;
 * query, bm25 and temperature are settings of training/qa.ts, not fitted. The odd half is held out.
 * Even half: answers hit@1 0.753, @3 0.887; ranking hit@1 0.764, @3 0.903; "doesn't say" rightly 0.983, wrongly 0.025.
 * Odd half (held out): answers hit@1 0.774, @3 0.872; ranking hit@1 0.793, @3 0.904; "doesn't say" rightly 0.978, wrongly 0.048.
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
    lex: 0.352,
    lexShare: -0.146,
    prev: 0.107,
    next: -0.011,
    kind: 0.18,
    noKind: -0.18,
    coverage: 0.414,
    paraCoverage: -0.428,
    paraLex: 0.794,
    bigram: -0.006,
    logLen: -0.288,
    anaphorPrev: 0.113,
    proximity: -0.008,
    lead: 0.04,
    windowCoverage: 0.174,
    novelty: -0.229,
    kindLex: -0.038,
    phrase: 0.443,
    longestRun: 0.085,
    anchors: -0.167,
    kindNear: 0.283,
    like: 0.865,
    likeOnly: 0.009,
    likeWindow: 0.716,
    likeBlock: 0.601,
    otherYear: -0.253,
    related: 0.654
  },
  temperature: 5,
  passageOdds: 0.01,
  confidence: {
    weights: {
      coverage: 0.443,
      windowCoverage: 3.813,
      paraCoverage: 5.124,
      lexShare: 4.871,
      phrase: 5.447,
      longestRun: -0.297,
      articleCoverage: 0.138,
      anchorsFound: 4.563,
      hasAnchors: 1.893,
      termCount: 3.254,
      score: 2.412
    },
    bias: -17.731,
    threshold: 0.185
  }
};
