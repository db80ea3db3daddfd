import { isUnspaced, unspacedLength } from './scripts.js';

/**
 * One rule for counting words, whatever cut the text into tokens: a token of a spaced script is one word; the
 * characters of scripts written without spaces (Chinese, Japanese, Thai...) are summed over the whole text and
 * count one word per two. Summing before rounding is what makes a count independent of where a tokenizer
 * cuts such text: "今天很好。我们走吧。" is one whitespace token but two letter runs, and both give 4 words.
 */
interface Tally {
  /** Tokens of spaced scripts. */
  spaced: number;
  /** Characters of unspaced scripts. */
  unspaced: number;
}

function total(tally: Tally): number {
  return tally.spaced + (tally.unspaced > 0 ? Math.max(1, Math.round(tally.unspaced / 2)) : 0);
}

/** Adds a word token: its unspaced characters if it has any (Latin glued to them is not counted), else one word. */
function addToken(tally: Tally, token: string): void {
  if (isUnspaced(token)) tally.unspaced += unspacedLength(token);
  else tally.spaced++;
}

/** Adds the whitespace-separated tokens of `text` that hold a letter or a digit. */
function addText(tally: Tally, text: string): void {
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) addToken(tally, token);
  }
}

/**
 * Counts words: whitespace-separated tokens holding a letter or digit, and, for scripts written without
 * spaces, one word per two of their characters.
 */
export function countWords(text: string): number {
  return countWordsUpTo(text);
}

/**
 * Counts the words of a text a tokenizer has already cut into word tokens (letter runs, say): one each, and the
 * same one word per two characters of unspaced scripts as {@link countWords}, so that both agree on such text.
 */
export function countTokenWords(tokens: readonly string[]): number {
  const tally = { spaced: 0, unspaced: 0 };
  for (const token of tokens) addToken(tally, token);
  return total(tally);
}

/** Text counted at a time by {@link countWordsUpTo}; cut at whitespace, so no word is split. */
const COUNT_CHUNK = 4096;

/**
 * {@link countWords}, counted a stretch at a time and stopping once `limit` is reached: the same count (words
 * never straddle whitespace, and unspaced characters are summed across stretches), without holding an array of
 * every word of a 10 MB block, and without counting past what a caller asks ("at least 30 words?").
 */
export function countWordsUpTo(text: string, limit = Infinity): number {
  const tally = { spaced: 0, unspaced: 0 };
  addLongText(tally, text, limit);
  return total(tally);
}

/**
 * The words of several texts (an article's blocks) as {@link countWords} counts them joined: unspaced
 * characters are summed over all of them before rounding, so the count does not depend on how the text was
 * cut into blocks.
 */
export function countWordsOfTexts(texts: Iterable<string>): number {
  const tally = { spaced: 0, unspaced: 0 };
  for (const text of texts) addLongText(tally, text, Infinity);
  return total(tally);
}

/**
 * The words of a text as {@link wordTokens} cuts spaced scripts (runs of letters, digits and marks), with
 * scripts written without spaces counted by the same rule (two characters a word), not by their bigrams.
 */
export function countRunWords(text: string): number {
  return countTokenWords(wordRuns(text));
}

/** Runs of letters, digits and marks: words of spaced scripts, and whole stretches of unspaced ones. */
export function wordRuns(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Adds `text` a stretch at a time, stopping once the tally reaches `limit`. */
function addLongText(tally: Tally, text: string, limit: number): void {
  const space = /\s/g;
  for (let start = 0; start < text.length && total(tally) < limit; ) {
    space.lastIndex = start + COUNT_CHUNK;
    const end = space.exec(text)?.index ?? text.length;
    addText(tally, text.slice(start, end));
    start = end;
  }
}
