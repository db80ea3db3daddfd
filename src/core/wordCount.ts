/** Scripts written without spaces between words; each character counts as about half a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Counts words: whitespace-separated tokens holding a letter or digit, plus, for scripts written without
 * spaces (Chinese, Japanese, Thai...), one word per two characters.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) {
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    if (unspaced > 0) n += Math.max(1, Math.round(unspaced / 2));
    else if (/[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}
