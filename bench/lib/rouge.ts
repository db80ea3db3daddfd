/**
 * ROUGE as the rouge-score package (Google Research) computes it with `use_stemmer=True`:
 * lowercase, every run outside [a-z0-9] becomes a space, tokens longer than 3 characters are Porter-stemmed
 * (NLTK's variant); ROUGE-N F1 over n-gram counts; ROUGE-Lsum F1 from the summary-level union LCS over
 * newline-separated sentences, with the same tie-breaking in the LCS read-out and the same guard
 * against counting a token twice.
 */
import { nltkPorterStem } from './nltkPorter.js';

/** Precision, recall and F1 of one ROUGE variant, each in [0, 1]. */
export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

/** The three figures the summary evaluation reports. */
export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

const stemCache = new Map<string, string>();

function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = nltkPorterStem(token);
    stemCache.set(token, s);
  }
  return s;
}

/** rouge-score's tokenizer with stemming on. */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/)
    .map((t) => (t.length > 3 ? stem(t) : t))
    .filter((t) => /^[a-z0-9]+$/.test(t));
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function score(hits: number, predicted: number, target: number): RougeScore {
  const precision = hits / Math.max(predicted, 1);
  const recall = hits / Math.max(target, 1);
  return { precision, recall, f: fmeasure(precision, recall) };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between two token lists. */
export function rougeN(target: string[], prediction: string[], n: number): RougeScore {
  const t = ngramCounts(target, n);
  const p = ngramCounts(prediction, n);
  let overlap = 0;
  for (const [gram, count] of t) overlap += Math.min(count, p.get(gram) ?? 0);
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return score(overlap, total(p), total(t));
}

/** Indices into `ref` of one longest common subsequence, read out as rouge-score's `_backtrack_norec` does. */
export function lcsIndices(ref: string[], can: string[]): number[] {
  const cols = can.length + 1;
  const table = new Uint16Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      table[i * cols + j] =
        ref[i - 1] === can[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j--;
    } else {
      i--;
    }
  }
  return out.reverse();
}

function countTokens(sentences: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Summary-level ROUGE-L over tokenised sentences (rouge-score's `_summary_level_lcs`). */
export function rougeLsumTokens(refSents: string[][], canSents: string[][]): RougeScore {
  const m = refSents.reduce((a, s) => a + s.length, 0);
  const n = canSents.reduce((a, s) => a + s.length, 0);
  if (refSents.length === 0 || canSents.length === 0 || m === 0 || n === 0) {
    return { precision: 0, recall: 0, f: 0 };
  }
  const refCounts = countTokens(refSents);
  const canCounts = countTokens(canSents);
  let hits = 0;
  for (const ref of refSents) {
    const union = new Set<number>();
    for (const can of canSents) for (const i of lcsIndices(ref, can)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = ref[i]!;
      const c = canCounts.get(token) ?? 0;
      const r = refCounts.get(token) ?? 0;
      if (c > 0 && r > 0) {
        hits++;
        canCounts.set(token, c - 1);
        refCounts.set(token, r - 1);
      }
    }
  }
  return score(hits, n, m);
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

/**
 * ROUGE-1, ROUGE-2 and ROUGE-Lsum of a prediction against a target, both given as text with one sentence a line
 * (as rouge-score's `RougeScorer(['rouge1','rouge2','rougeLsum'], use_stemmer=True).score(target, prediction)`).
 */
export function rougeScores(target: string, prediction: string): RougeScores {
  const t = rougeTokens(target);
  const p = rougeTokens(prediction);
  return {
    rouge1: rougeN(t, p, 1),
    rouge2: rougeN(t, p, 2),
    rougeLsum: rougeLsumTokens(lines(target).map(rougeTokens), lines(prediction).map(rougeTokens)),
  };
}

/** CNN/DailyMail highlights are stored tokenised with sentences joined by " . ": one sentence a line. */
export function highlightsToLines(reference: string): string {
  return reference
    .split(' . ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join('\n');
}
