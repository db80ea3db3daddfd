/**
 * Weights of the salience features (rank.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- salience --write` (training/salience.ts)
 * on half A (even line numbers) of data/ner/wikigold_docs.jsonl: the subject score a softmax over each document's entities towards its
 * most-mentioned gold name, L2 towards the hand-picked salience it replaces; the right score a logistic regression
 * of a right name and type; the lead, the blend and both L2 strengths chosen by two-fold cross-validation in half A.
 * Half A: first six 0.850 (305/359, +41 other), subject in first six 65/73, key names in first six 100/122.
 * Half B (held out): first six 0.826 (275/333, +55 other), subject in first six 63/72, key names in first six 99/121.
 */
import type { SalienceFeature } from './rank.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- salience --write on half A of data/ner/wikigold_docs.jsonl";

/** Weights of the score of how likely an entity is the article's subject. */
export const SUBJECT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
  mentions: 1.224,
  inTitle: 2.307,
  vague: -0.654,
  typeConfidence: 0,
  shortForm: 0,
};

/** Weights of the score of how likely an entity's name and type are right. */
export const RIGHT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
  mentions: 0,
  inTitle: 0,
  vague: 0,
  typeConfidence: 6.17,
  shortForm: -2.404,
};

/** How many of the likeliest subjects open the list. */
export const LEAD = 2;

/** How much the right score counts beside the subject score for the entities after the lead. */
export const BLEND = 0.5;
