import { NOT_FOUND_MESSAGE, answerQuestion, type Answer } from '../core/answer/index.js';
import type { Digest } from '../core/types.js';

/** The stable JSON shape of `skim ask --json`: the quoted sentences in article order, and whether any answer. */
export interface AskJson {
  answer: string[];
  found: boolean;
}

/** Answers a question about a digest in the CLI's JSON shape. */
export function askJson(digest: Digest, question: string): AskJson {
  const { answer, found } = answerQuestion(digest, question);
  return { answer, found };
}

/**
 * Renders an answer for a terminal: each passage quoted, best first, with where it stands (sentence and
 * paragraph counted from 1); or the not-found sentence.
 */
export function renderAnswer(answer: Answer): string {
  if (!answer.found) return NOT_FOUND_MESSAGE;
  return answer.passages
    .map((p) => {
      const { index, paragraph, percent } = p.position;
      return `“${p.sentences.join(' ')}”\n  — sentence ${index + 1}, paragraph ${paragraph + 1}, ${percent}% into the article`;
    })
    .join('\n\n');
}

/** The CLI's output for one question: JSON or text. */
export function askOutput(digest: Digest, question: string, json: boolean): string {
  return json ? JSON.stringify(askJson(digest, question)) : renderAnswer(answerQuestion(digest, question));
}
