/**
 * Scripts written without spaces between words: Chinese (Han), Japanese (Hiragana, Katakana and Han), Thai, Lao,
 * Khmer and Myanmar. Korean (Hangul) is left out: it puts spaces between words. Counting words, cutting text into
 * bigrams and joining wrapped lines all ask this one definition. (The entity tokenizer's class of scripts
 * without capital letters, Hangul included, answers another question.) Katakana's long vowel
 * mark "ー" belongs to no script of its own, but is a letter of the words it stands in ("タワー").
 */
const UNSPACED_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー`;

/** One character of a script written without spaces (no `g` flag: safe to share for `test`). */
export const UNSPACED = new RegExp(`[${UNSPACED_CLASS}]`, 'u');

const UNSPACED_ALL = new RegExp(`[${UNSPACED_CLASS}]`, 'gu');

/** True when `text` holds at least one character of a script written without spaces. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** How many characters of `text` (code points, not UTF-16 units) belong to scripts written without spaces. */
export function unspacedLength(text: string): number {
  if (!UNSPACED.test(text)) return 0;
  return text.match(UNSPACED_ALL)?.length ?? 0;
}
