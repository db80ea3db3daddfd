import { type Stemmer, stemmerFor, stopwordsFor, wordTokens } from '../text/index.js';
import { baseForm } from './wordForms.js';

/**
 * The terms questions and sentences are matched on: word tokens without the language's stopwords, stemmed.
 * Unlike `contentTerms`, numbers stay ("Super Bowl 50", "in 1973" are often what a question hinges on);
 * single letters go.
 */
export function matchTerms(text: string, lang: string | undefined): string[] {
  const stop = stopwordsFor(lang);
  const stem = stemmerFor(lang);
  const out: string[] = [];
  for (const token of wordTokens(text)) if (isMatchWord(token, stop)) out.push(matchForm(token, lang, stem));
  return out;
}

/** Whether a lowercase word token is matched on: not a stopword, not a single letter, or else a number. */
export function isMatchWord(token: string, stop: ReadonlySet<string>): boolean {
  // Digits are never function words, whatever a stopword list says ("1", "2"...).
  return /^\p{N}/u.test(token) || (!stop.has(token) && token.length >= 2);
}

/** The form a lowercase word is matched in: its base form (see wordForms.ts), stemmed unless it is a number. */
export function matchForm(word: string, lang: string | undefined, stem: Stemmer = stemmerFor(lang)): string {
  const base = baseForm(word, lang);
  return /^\p{N}/u.test(base) ? base : stem(base);
}

/** Word tokens with their case kept, for matching entity names (case tells "May" the month from "may"). */
export function casedWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Adjacent pairs of words, joined by a space. */
export function bigramsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}
