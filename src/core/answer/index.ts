import type { Digest } from '../types.js';
import type { AnswerModel } from './model.js';
import { passageFor, quotedIndices, type AnswerPassage } from './passages.js';
import { rankSentences, type Ranking } from './rank.js';
import { MODEL } from './weights.js';

export type { AnswerModel } from './model.js';
export type { AnswerPassage } from './passages.js';

/** What Skim says when nothing in the article answers well enough. */
export const NOT_FOUND_MESSAGE = "The article doesn't say.";

/** An answer: quoted passages, best first, or `found: false` when the article doesn't say. */
export interface Answer {
  found: boolean;
  /** Best first, up to `maxPassages`; empty when not found. */
  passages: AnswerPassage[];
  /** The quoted sentences of all passages, each once, in article order; empty when not found. */
  answer: string[];
}

/** Options of {@link answerQuestion}. */
export interface AnswerOptions {
  /** The most passages to quote (default 3); fewer when the others score far below the best. */
  maxPassages?: number;
  /** Another model, for evaluation and fitting. */
  model?: AnswerModel;
}

/** The answerer's inner view of one question, for evaluation: every sentence ranked, and the decision. */
export interface AnswerTrace {
  /** Sentence indices, best first. */
  order: number[];
  /** Log-odds that the best sentence answers; found when at least the model's threshold. */
  confidence: number;
  found: boolean;
  /** The answering (primary) sentences chosen, best first. */
  primaries: number[];
}

/**
 * Ranks the sentences for a question and decides whether the best one answers it (see {@link answerQuestion}).
 */
export function traceAnswer(digest: Digest, question: string, options: AnswerOptions = {}): AnswerTrace {
  return decide(digest, question, options).trace;
}

function decide(digest: Digest, question: string, options: AnswerOptions): { ranking: Ranking; trace: AnswerTrace } {
  const model = options.model ?? MODEL;
  const ranking = rankSentences(digest, question, model);
  const found = ranking.order.length > 0 && ranking.confidence >= model.confidence.threshold;
  const max = Math.max(1, options.maxPassages ?? 3);
  const best = ranking.order[0];
  const primaries =
    best === undefined
      ? []
      : ranking.order
          .slice(0, max)
          .filter((i) => Math.exp(model.temperature * (ranking.score[i]! - ranking.score[best]!)) >= model.passageOdds);
  return { ranking, trace: { order: ranking.order, confidence: ranking.confidence, found, primaries } };
}

/**
 * Answers a question about an article from the article itself: the 1 to 3 sentences that best answer it
 * (more than one only when the others score close to the best), each quoted with the sentence before it when
 * it needs context, best first, with where it stands. When nothing answers well enough, `found` is false
 * and the caller shows {@link NOT_FOUND_MESSAGE}. The article's index is built on the first question and
 * kept with the digest, so later questions cost a few milliseconds.
 */
export function answerQuestion(digest: Digest, question: string, options: AnswerOptions = {}): Answer {
  const { ranking, trace } = decide(digest, question, options);
  if (!trace.found) return { found: false, passages: [], answer: [] };
  const passages = trace.primaries.map((i) => passageFor(ranking.index, digest.sentences, i, ranking.question));
  const quoted = new Set(trace.primaries.flatMap((i) => quotedIndices(ranking.index, digest.sentences, i, ranking.question)));
  return {
    found: true,
    passages,
    answer: [...quoted].sort((a, b) => a - b).map((i) => digest.sentences[i]!.text),
  };
}
