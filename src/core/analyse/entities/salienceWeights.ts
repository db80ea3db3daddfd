/**
 * Weights of the salience features (rank.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- salience --write` (training/salience.ts)
 * on half A (even line numbers) of data/ner/wikigold_docs.jsonl: the subject score a softmax over each document's entities towards its
 * most-mentioned gold name, L2 towards the hand-picked salience it replaces; the right score a logistic regression
 * of a right name and type; the lead and both L2 strengths chosen by two-fold cross-validation in half A.
 * Half A: first six 0.820 (287/350, +50 other), subject in first six 53/73.
 * Half B (held out): first six 0.800 (264/330, +58 other), subject in first six 55/72.
 */
import type { SalienceFeature } from './rank.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- salience --write on half A of data/ner/wikigold_docs.jsonl";

/** Weights of the score of how likely an entity is the article's subject. */
export const SUBJECT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
  mentions: 0.975,
  early: 1.295,
  inTitle: 1.523,
  inSummary: 1.478,
  vague: -0.042,
  typingMargin: 0,
  shortForm: 0,
};

/** Weights of the score of how likely an entity's name and type are right. */
export const RIGHT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
  mentions: 0,
  early: 0.658,
  inTitle: 0,
  inSummary: 0,
  vague: 0,
  typingMargin: 1.023,
  shortForm: -2.464,
};

/** How many of the likeliest subjects open the list. */
export const LEAD = 2;
