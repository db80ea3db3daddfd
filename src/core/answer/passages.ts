import type { Sentence } from '../types.js';
import type { ArticleIndex } from './articleIndex.js';
import { termIdf } from './features.js';
import type { QuestionAnalysis } from './question.js';

/** A quoted stretch of the article and where it stands. */
export interface AnswerPassage {
  /** The answering sentence, with the one before it when it needs context, in article order. */
  sentences: string[];
  /**
   * Where the answering sentence stands: its index among the article's sentences and the index of its block
   * (paragraph) in `article.blocks`, both from 0, and how far into the article it starts, 0 to 100.
   */
  position: { index: number; paragraph: number; percent: number };
}

/** Share of the question's weight that the sentence before must add for it to be quoted too. */
const CONTEXT_GAIN = 0.25;

/**
 * Whether a sentence needs the one before it: it opens by pointing back ("He", "This") or the sentence
 * before holds a good part of the question that it lacks (the question's subject, named once).
 */
export function needsContext(index: ArticleIndex, sentences: readonly Sentence[], i: number, question: QuestionAnalysis): boolean {
  if (i === 0 || sentences[i - 1]!.block !== sentences[i]!.block) return false;
  if (index.anaphoric[i]) return true;
  const own = index.termSets[i]!;
  const before = index.termSets[i - 1]!;
  let total = 0;
  let gain = 0;
  for (const [term, weight] of question.terms) {
    const w = weight * termIdf(index, term);
    total += w;
    if (!own.has(term) && before.has(term)) gain += w;
  }
  return total > 0 && gain / total >= CONTEXT_GAIN;
}

/** The passage for an answering sentence: it, with its context when needed, and its position. */
export function passageFor(index: ArticleIndex, sentences: readonly Sentence[], i: number, question: QuestionAnalysis): AnswerPassage {
  const withContext = needsContext(index, sentences, i, question);
  const quoted = withContext ? [i - 1, i] : [i];
  return {
    sentences: quoted.map((k) => sentences[k]!.text),
    position: { index: i, paragraph: sentences[i]!.block, percent: Math.round(100 * index.offsets[i]!) },
  };
}

/** Indices of the sentences a passage quotes. */
export function quotedIndices(index: ArticleIndex, sentences: readonly Sentence[], i: number, question: QuestionAnalysis): number[] {
  return needsContext(index, sentences, i, question) ? [i - 1, i] : [i];
}
