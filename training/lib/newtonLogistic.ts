/**
 * Weighted, L2-regularised logistic regression by Newton's method on standardised features: exact and
 * deterministic, for the text cleaner's linear stage.
 */
import type { LinearModel } from '../../src/core/extract/plain/classify.js';

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const pv = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}

/** Each column's mean and standard deviation (1 where constant). */
function standardise(xs: number[][]): { mean: number[]; scale: number[] } {
  const d = xs[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let k = 0; k < d; k++) mean[k]! += x[k]! / xs.length;
  for (const x of xs) for (let k = 0; k < d; k++) scale[k]! += (x[k]! - mean[k]!) ** 2 / xs.length;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]!) || 1;
  return { mean, scale };
}

/** Fits labels `ys` (0 or 1) of rows `xs` weighted by `ws`; the bias is not penalised. */
export function fitNewtonLogistic(xs: number[][], ys: number[], ws: number[], lambda = 1): LinearModel {
  const d = xs[0]!.length;
  const { mean, scale } = standardise(xs);
  const z = xs.map((x) => [1, ...x.map((v, k) => (v - mean[k]!) / scale[k]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    for (let n = 0; n < z.length; n++) {
      const x = z[n]!;
      let s = 0;
      for (let k = 0; k <= d; k++) s += beta[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-s));
      const r = ws[n]! * (ys[n]! - p);
      const v = ws[n]! * p * (1 - p);
      for (let k = 0; k <= d; k++) {
        g[k]! += r * x[k]!;
        const hk = h[k]!;
        for (let l = 0; l <= k; l++) hk[l]! += v * x[k]! * x[l]!;
      }
    }
    for (let k = 0; k <= d; k++) {
      for (let l = 0; l < k; l++) h[l]![k] = h[k]![l]!;
      if (k > 0) {
        h[k]![k]! += lambda;
        g[k]! -= lambda * beta[k]!;
      }
    }
    const step = solve(h, g);
    beta = beta.map((b, k) => b + step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { kind: 'linear', mean, scale, weights: beta.slice(1), bias: beta[0]! };
}
