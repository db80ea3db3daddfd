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

/** Text counted at a time by {@link countWordsUpTo}; cut at whitespace, so no word is split. */
const COUNT_CHUNK = 4096;

/**
 * {@link countWords}, counted a stretch at a time and stopping once `limit` is reached: the same count (words
 * never straddle whitespace), without holding an array of every word of a 10 MB block, and without counting
 * past what a caller asks ("at least 30 words?").
 */
export function countWordsUpTo(text: string, limit = Infinity): number {
  const space = /\s/g;
  let n = 0;
  for (let start = 0; start < text.length && n < limit; ) {
    space.lastIndex = start + COUNT_CHUNK;
    const end = space.exec(text)?.index ?? text.length;
    n += countWords(text.slice(start, end));
    start = end;
  }
  return n;
}
