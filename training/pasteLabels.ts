/**
 * Block labels for the text cleaner's fit: which blocks of a paste are article text, found by aligning their
 * tokens with the benchmark's articleBody.
 */
import { tokenize } from '../bench/lib/shingles.js';

/**
 * Labels blocks 1 (article) or 0 by walking the truth in order: a block of six tokens or more is
 * article when its tokens occur in the truth (after the last match, else anywhere) or most of its
 * shingles do; a shorter one only when it occurs right where the truth goes on.
 */
export function labelBlocks(texts: string[], truth: string): number[] {
  const gold = tokenize(truth);
  const goldKey = `\u0001${gold.join('\u0001')}\u0001`;
  const starts: number[] = [];
  let pos = 1;
  for (const t of gold) {
    starts.push(pos);
    pos += t.length + 1;
  }
  const tokenAt = (charIndex: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= charIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const goldShingles = new Set<string>();
  for (let i = 0; i + 4 <= gold.length; i++) goldShingles.add(gold.slice(i, i + 4).join('\u0001'));
  let next = 0;
  return texts.map((text) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return 0;
    const key = `\u0001${tokens.join('\u0001')}\u0001`;
    const from = next < starts.length ? starts[next]! - 1 : goldKey.length;
    const at = goldKey.indexOf(key, from);
    if (at >= 0) {
      const tokenIndex = tokenAt(at + 1);
      if (tokens.length >= 6 || tokenIndex - next <= 3) {
        next = tokenIndex + tokens.length;
        return 1;
      }
      return 0;
    }
    if (tokens.length < 6) return 0;
    if (goldKey.includes(key)) return 1;
    let hits = 0;
    for (let i = 0; i + 4 <= tokens.length; i++) if (goldShingles.has(tokens.slice(i, i + 4).join('\u0001'))) hits++;
    return hits >= 0.6 * (tokens.length - 3) ? 1 : 0;
  });
}
