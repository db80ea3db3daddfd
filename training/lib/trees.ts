/**
 * Gradient-boosted regression trees for a binary label (Newton steps on weighted log loss), over features
 * binned at their quantiles. Seeded: the same rows, settings and seed give the same trees.
 */
import { predict, type TreeModel } from '../../src/core/extract/plain/classify.js';

/** Settings of the boosted trees. */
export interface TreeSettings {
  rounds: number;
  depth: number;
  rate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Least summed hessian on each side of a split. */
  minHessian: number;
  /** Share of the rows each tree sees. */
  rows: number;
  /** Share of the features each tree may split on (1: all). */
  cols: number;
  bins: number;
  /** Seed of the row and column sampling. */
  seed: number;
}

/** A small deterministic generator (an LCG), so that a refit gives the same trees. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Index of the bin of v: the number of cut points below it (x <= cut goes left of that cut). */
function binOf(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Each feature's cut points and every row's bin in it. */
function binColumns(xs: number[][], bins: number): { cuts: number[][]; columns: Uint8Array[] } {
  const n = xs.length;
  const cuts: number[][] = [];
  const columns: Uint8Array[] = [];
  for (let f = 0; f < (xs[0]?.length ?? 0); f++) {
    const values = xs.map((x) => x[f]!).sort((a, b) => a - b);
    const distinct = values.filter((v, i) => i === 0 || v > values[i - 1]!);
    const c: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = values[Math.floor((b * n) / bins)]!;
      // Cut halfway to the next distinct value, so that rounding the stored cut moves no sample.
      const next = distinct[binOf(distinct, v) + 1];
      if (next === undefined) continue;
      const cut = (v + next) / 2;
      if (c.length === 0 || cut > c[c.length - 1]!) c.push(cut);
    }
    cuts.push(c);
    columns.push(Uint8Array.from(xs.map((x) => binOf(c, x[f]!))));
  }
  return { cuts, columns };
}

type Tree = TreeModel['trees'][number];

interface Grower {
  settings: TreeSettings;
  cuts: number[][];
  columns: Uint8Array[];
  g: Float64Array;
  h: Float64Array;
  usable: number[];
  tree: Tree;
}

/** The best split of `members` by gain, or none (f = -1). */
function bestSplit(k: Grower, members: number[], G: number, H: number): { f: number; b: number } {
  const { lambda, minHessian } = k.settings;
  let best = { gain: 1e-6, f: -1, b: -1 };
  const parent = (G * G) / (H + lambda);
  for (const f of k.usable) {
    const nb = k.cuts[f]!.length + 1;
    if (nb < 2) continue;
    const hg = new Float64Array(nb);
    const hh = new Float64Array(nb);
    const col = k.columns[f]!;
    for (const i of members) {
      hg[col[i]!]! += k.g[i]!;
      hh[col[i]!]! += k.h[i]!;
    }
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hg[b]!;
      hl += hh[b]!;
      const gr = G - gl;
      const hr = H - hl;
      if (hl < minHessian || hr < minHessian) continue;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
      if (gain > best.gain) best = { gain, f, b };
    }
  }
  return best;
}

/** Grows the node of `members` at `depth` and below it; returns its id. */
function grow(k: Grower, members: number[], depth: number): number {
  const { tree, settings } = k;
  const id = tree.feature.length;
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  let G = 0;
  let H = 0;
  for (const i of members) {
    G += k.g[i]!;
    H += k.h[i]!;
  }
  tree.value.push((-G / (H + settings.lambda)) * settings.rate);
  if (depth >= settings.depth) return id;
  const best = bestSplit(k, members, G, H);
  if (best.f < 0) return id;
  const col = k.columns[best.f]!;
  tree.feature[id] = best.f;
  tree.threshold[id] = k.cuts[best.f]![best.b]!;
  tree.left[id] = grow(k, members.filter((i) => col[i]! <= best.b), depth + 1);
  tree.right[id] = grow(k, members.filter((i) => col[i]! > best.b), depth + 1);
  return id;
}

/**
 * Fits boosted trees to labels `ys` (0 or 1) of rows `xs` weighted by `ws`; starts from the weighted prior's
 * log-odds and adds one tree per round, each on a seeded sample of the rows (and of the features when cols < 1).
 */
export function fitTrees(xs: number[][], ys: number[], ws: number[], settings: TreeSettings): TreeModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const { cuts, columns } = binColumns(xs, settings.bins);
  let wsum = 0;
  let ysum = 0;
  for (let i = 0; i < n; i++) {
    wsum += ws[i]!;
    ysum += ws[i]! * ys[i]!;
  }
  const prior = Math.min(0.99, Math.max(0.01, ysum / wsum));
  const base = Math.log(prior / (1 - prior));
  const z = new Float64Array(n).fill(base);
  const random = rng(settings.seed);
  const trees: Tree[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = ws[i]! * (p - ys[i]!);
      h[i] = ws[i]! * p * (1 - p);
    }
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (random() < settings.rows) rows.push(i);
    const usable: number[] = [];
    for (let f = 0; f < d; f++) if (settings.cols >= 1 || random() < settings.cols) usable.push(f);
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    grow({ settings, cuts, columns, g, h, usable, tree }, rows, 0);
    trees.push(tree);
    const one: TreeModel = { kind: 'trees', base: 0, trees: [tree] };
    for (let i = 0; i < n; i++) {
      // predict() returns a probability; recover the one tree's contribution from it.
      const p = predict(one, xs[i]!);
      z[i]! += Math.log(p / (1 - p));
    }
  }
  return { kind: 'trees', base, trees };
}
