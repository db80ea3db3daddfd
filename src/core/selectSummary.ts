/** Choosing a digest's summary for a length: light enough for the bot's main thread, which never ranks. */
import { wordTokens } from './text/index.js';
import type { Sentence } from './types.js';

/** Sentence counts of the bot's presets. */
export const SUMMARY_LENGTHS = { short: 2, medium: 4, long: 7 } as const;

/** The longest summary Skim shows, in characters. */
export const MAX_SUMMARY_CHARS = 4096;

function wordSet(text: string): Set<string> {
  return new Set(wordTokens(text));
}

/** Share of the smaller sentence's words that the other one also has. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/**
 * Picks a summary from a ranking: the first `n` sentences of the ranking that are not near-copies of one already
 * picked (most of their words shared) and that keep the total within `maxChars`, returned in article order.
 */
export function selectSummary(
  r: { sentences: Sentence[]; ranking: number[] },
  n: number,
  maxChars: number = MAX_SUMMARY_CHARS,
): string[] {
  const picked: Sentence[] = [];
  const pickedWords: Set<string>[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const index of r.ranking) {
    if (picked.length >= n) break;
    const sentence = r.sentences[index];
    if (!sentence || seen.has(sentence.text)) continue;
    const words = wordSet(sentence.text);
    if (pickedWords.some((other) => overlap(words, other) >= 0.8)) continue;
    const added = sentence.text.length + (picked.length > 0 ? 1 : 0);
    if (chars + added > maxChars) continue;
    picked.push(sentence);
    pickedWords.push(words);
    seen.add(sentence.text);
    chars += added;
  }
  return picked.sort((a, b) => a.index - b.index).map((s) => s.text);
}
