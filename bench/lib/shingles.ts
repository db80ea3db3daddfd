/**
 * The article-extraction-benchmark's metric (its evaluate.py): 4-token shingles over `\w+` tokens,
 * per-page TP/FP/FN over shingle multisets scaled to sum to 1, precision averaged over pages with a
 * non-empty prediction, recall over all pages, F1 of the two means.
 */

/** Unicode word-character runs, as Python's `\w+` matches them (letters, marks, digits, connector punctuation). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{Nd}\p{Pc}]+/gu) ?? [];
}

/** Overlapping 4-token shingles; a text of under 4 tokens is one shingle. */
export function shingles(tokens: string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (s: string) => counts.set(s, (counts.get(s) ?? 0) + 1);
  if (tokens.length === 0) return counts;
  if (tokens.length < n) add(tokens.join('\u0001'));
  else for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0001'));
  return counts;
}

/** One page's true/false positives and false negatives, scaled to sum to 1. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  predictionEmpty: boolean;
  exact: boolean;
}

/** Scores one page's predicted text against its ground truth. */
export function scorePage(predicted: string, truth: string): PageScore {
  const predTokens = tokenize(predicted);
  const trueTokens = tokenize(truth);
  const pred = shingles(predTokens);
  const gold = shingles(trueTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of pred) {
    const g = gold.get(s) ?? 0;
    tp += Math.min(c, g);
    fp += Math.max(0, c - g);
  }
  for (const [s, g] of gold) fn += Math.max(0, g - (pred.get(s) ?? 0));
  const total = tp + fp + fn;
  const exact = predTokens.join(' ') === trueTokens.join(' ');
  if (total === 0) return { tp: 0, fp: 0, fn: 0, predictionEmpty: predTokens.length === 0, exact };
  return { tp: tp / total, fp: fp / total, fn: fn / total, predictionEmpty: predTokens.length === 0, exact };
}

/** Precision, recall, F1 and accuracy over pages, as the benchmark reports them. */
export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

/** Aggregates page scores the way the benchmark does. */
export function aggregate(pages: PageScore[]): Summary {
  const withPrediction = pages.filter((p) => !p.predictionEmpty);
  const precision = mean(withPrediction.map((p) => (p.tp + p.fp === 0 ? 0 : p.tp / (p.tp + p.fp))));
  const recall = mean(pages.map((p) => (p.tp + p.fn === 0 ? 0 : p.tp / (p.tp + p.fn))));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = pages.length === 0 ? 0 : pages.filter((p) => p.exact).length / pages.length;
  return { precision, recall, f1, accuracy, pages: pages.length };
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
