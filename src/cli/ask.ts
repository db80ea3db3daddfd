import { NOT_FOUND_MESSAGE, answerQuestion, type Answer, type AnswerPassage } from '../core/answer/index.js';
import type { Digest } from '../core/types.js';
import { wrapText } from './wrap.js';

/** One answering sentence in `skim ask --json`, with where it stands (indices from 0, as in the digest). */
export interface PassageJson {
  /** The answering sentence, verbatim. */
  sentence: string;
  /** The sentence before it, when it is quoted too because the answer needs it. */
  context?: string;
  /** The sentence's index among the article's sentences. */
  index: number;
  /** Its paragraph's index: the paragraphs are the `\n\n`-separated parts of `summarize --json`'s `text`. */
  paragraph: number;
  /** How far into the article it starts, 0 to 100. */
  percent: number;
}

/**
 * The stable JSON shape of `skim ask --json`: `answer` is every quoted sentence in article order, `found`
 * whether any answers, and `passages` the answering sentences best first.
 */
export interface AskJson {
  answer: string[];
  found: boolean;
  passages: PassageJson[];
}

/** A passage in the JSON shape: its last quoted sentence answers, an earlier one is context. */
export function passageJson(passage: AnswerPassage): PassageJson {
  const sentence = passage.sentences[passage.sentences.length - 1]!;
  const context = passage.sentences.length > 1 ? passage.sentences[0] : undefined;
  return { sentence, ...(context === undefined ? {} : { context }), ...passage.position };
}

/** Answers a question about a digest in the CLI's JSON shape. */
export function askJson(digest: Digest, question: string): AskJson {
  const { answer, found, passages } = answerQuestion(digest, question);
  return { answer, found, passages: passages.map(passageJson) };
}

/**
 * Renders an answer for a terminal: each passage quoted, best first, with where it stands (sentence and
 * paragraph counted from 1); or the not-found sentence. With a width, quotes wrap under themselves.
 */
export function renderAnswer(answer: Answer, width?: number): string {
  if (!answer.found) return NOT_FOUND_MESSAGE;
  return answer.passages
    .map((p) => {
      const { index, paragraph, percent } = p.position;
      const quote = wrapText('“', `${p.sentences.join(' ')}”`, width);
      return `${quote}\n  — sentence ${index + 1}, paragraph ${paragraph + 1}, ${percent}% into the article`;
    })
    .join('\n\n');
}

/** The CLI's output for one question: JSON or text. */
export function askOutput(digest: Digest, question: string, options: { json: boolean; width?: number }): string {
  return options.json ? JSON.stringify(askJson(digest, question)) : renderAnswer(answerQuestion(digest, question), options.width);
}
