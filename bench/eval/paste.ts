/**
 * `npm run eval -- paste`: the text cleaner on aeb-paste (pages pasted from a browser) against the
 * benchmark's articleBody, with the whole paste and a jusText-like line filter as baselines.
 * `--fit` refits the cleaner's model on the first half of the pages (ids sorted) and writes
 * src/core/textClean/weights.ts; the report always shows both halves, so the second stays held out.
 * `--cv` cross-validates the whole fit (both stages and the region grid) over 5 folds of the first
 * half, the way to compare settings (SKIM_TREES, SKIM_TEXT_LEARNER, SKIM_LAMBDA, SKIM_DROP, SKIM_BAG)
 * without looking at the second. `--swap` fits on the second half in memory and reports both, the first now
 * held out, so that a gain is not luck of one split; `--holdout` does the same fitting on the first.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregate, scorePage, tokenize, type PageScore } from '../lib/shingles.js';
import { dataDir, row } from '../lib/data.js';
import { detectLanguage, stopwordsFor } from '../../src/core/lang.js';
import { analyseText, type TextAnalysis } from '../../src/core/textClean/analyse.js';
import { cleanText, keptBlocks, scoreText } from '../../src/core/textClean/index.js';
import { MODEL_FEATURES, contextFeatures, isCallToAction, predict, type BlockModel, type BlockScores, type LinearModel, type StageModel, type TreeModel } from '../../src/core/textClean/classify.js';
import { LOCAL_FEATURES, wordTokens, stopwordDensity } from '../../src/core/textClean/features.js';
import type { RegionParams } from '../../src/core/textClean/region.js';
import { MODEL, type TextCleanModel } from '../../src/core/textClean/weights.js';
import { isSkimError } from '../../src/core/errors.js';

interface Page {
  id: string;
  paste: string;
  truth: string;
  /** The HTML page's <title> and og:title, to check the title found (empty when unavailable). */
  htmlTitles: string[];
}

const WEIGHTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core', 'textClean', 'weights.ts');

function loadPages(dir: string): Page[] {
  const pasteDir = join(dir, 'aeb-paste');
  const truth = JSON.parse(readFileSync(join(dir, 'aeb', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  return readdirSync(pasteDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      return {
        id,
        paste: readFileSync(join(pasteDir, f), 'utf8'),
        truth: truth[id]?.articleBody ?? '',
        htmlTitles: htmlTitles(join(dir, 'aeb', 'html', `${id}.html.gz`)),
      };
    });
}

function htmlTitles(file: string): string[] {
  if (!existsSync(file)) return [];
  const html = gunzipSync(readFileSync(file)).toString('utf8');
  const titles: string[] = [];
  const t = /<title[^>]*>([^<]{1,500})<\/title>/i.exec(html);
  if (t?.[1]) titles.push(t[1]);
  const og = /<meta[^>]{0,200}property=["']og:title["'][^>]{0,50}content=["']([^"']{1,500})["']/i.exec(html);
  if (og?.[1]) titles.push(og[1]);
  return titles;
}

/** The fitting half: the first half of the ids in sorted order. */
function halves(pages: Page[]): { a: Page[]; b: Page[] } {
  const mid = Math.ceil(pages.length / 2);
  return { a: pages.slice(0, mid), b: pages.slice(mid) };
}

// ---------------------------------------------------------------------------------------------
// Labels: which blocks of a paste are article text, by aligning their tokens with the truth's.

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

// ---------------------------------------------------------------------------------------------
// Fitting: weighted, L2-regularised logistic regression by Newton's method.

function fitLogistic(xs: number[][], ys: number[], ws: number[], lambda = 1): LinearModel {
  const d = xs[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let k = 0; k < d; k++) mean[k]! += x[k]! / xs.length;
  for (const x of xs) for (let k = 0; k < d; k++) scale[k]! += (x[k]! - mean[k]!) ** 2 / xs.length;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]!) || 1;
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

/** Seed of the row sampling, so that a refit gives the same trees. */
const SEED = 7;
/** Pages in the fitting half, for the weights file's header. */
let FIT_PAGES = 0;

/** A small deterministic generator, so that a refit gives the same trees. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Settings of the boosted trees; SKIM_TREES (JSON) overrides some for cross-validation runs. */
const TREES = {
  rounds: 150,
  depth: 3,
  rate: 0.1,
  lambda: 5,
  minHessian: 20,
  rows: 0.7,
  /** Share of the features each tree may split on (1: all). */
  cols: 1,
  bins: 32,
  ...(JSON.parse(process.env.SKIM_TREES ?? '{}') as Record<string, number>),
};

/** Local features left out of a fit (their column held constant), named in SKIM_DROP, for ablations. */
const DROPPED = new Set((process.env.SKIM_DROP ?? '').split(',').filter(Boolean));
const DROPPED_COLUMNS = LOCAL_FEATURES.flatMap((name, k) => (DROPPED.has(name) ? [k] : []));

function withoutDropped(x: number[]): number[] {
  if (DROPPED_COLUMNS.length === 0) return x;
  const y = x.slice();
  for (const k of DROPPED_COLUMNS) y[k] = 0;
  return y;
}

/** Gradient-boosted trees (Newton steps on log loss) over features binned at their quantiles. */
function fitTrees(xs: number[][], ys: number[], ws: number[]): TreeModel {
  const n = xs.length;
  const d = xs[0]!.length;
  const cuts: number[][] = [];
  const bins: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const values = xs.map((x) => x[f]!).sort((a, b) => a - b);
    const distinct = values.filter((v, i) => i === 0 || v > values[i - 1]!);
    const c: number[] = [];
    for (let b = 1; b < TREES.bins; b++) {
      const v = values[Math.floor((b * n) / TREES.bins)]!;
      // Cut halfway to the next distinct value, so that rounding the stored cut moves no sample.
      const next = distinct[binOf(distinct, v) + 1];
      if (next === undefined) continue;
      const cut = (v + next) / 2;
      if (c.length === 0 || cut > c[c.length - 1]!) c.push(cut);
    }
    cuts.push(c);
    bins.push(Uint8Array.from(xs.map((x) => binOf(c, x[f]!))));
  }
  let wsum = 0;
  let ysum = 0;
  for (let i = 0; i < n; i++) {
    wsum += ws[i]!;
    ysum += ws[i]! * ys[i]!;
  }
  const prior = Math.min(0.99, Math.max(0.01, ysum / wsum));
  const base = Math.log(prior / (1 - prior));
  const z = new Float64Array(n).fill(base);
  const random = rng(SEED);
  const trees: TreeModel['trees'] = [];
  for (let round = 0; round < TREES.rounds; round++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = ws[i]! * (p - ys[i]!);
      h[i] = ws[i]! * p * (1 - p);
    }
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (random() < TREES.rows) rows.push(i);
    const usable: number[] = [];
    for (let f = 0; f < d; f++) if (TREES.cols >= 1 || random() < TREES.cols) usable.push(f);
    const tree = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
    const grow = (members: number[], depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += g[i]!;
        H += h[i]!;
      }
      tree.value.push((-G / (H + TREES.lambda)) * TREES.rate);
      if (depth >= TREES.depth) return id;
      let best = { gain: 1e-6, f: -1, b: -1 };
      const parent = (G * G) / (H + TREES.lambda);
      for (const f of usable) {
        const nb = cuts[f]!.length + 1;
        if (nb < 2) continue;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        const col = bins[f]!;
        for (const i of members) {
          hg[col[i]!]! += g[i]!;
          hh[col[i]!]! += h[i]!;
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += hg[b]!;
          hl += hh[b]!;
          const gr = G - gl;
          const hr = H - hl;
          if (hl < TREES.minHessian || hr < TREES.minHessian) continue;
          const gain = (gl * gl) / (hl + TREES.lambda) + (gr * gr) / (hr + TREES.lambda) - parent;
          if (gain > best.gain) best = { gain, f, b };
        }
      }
      if (best.f < 0) return id;
      const col = bins[best.f]!;
      const left = members.filter((i) => col[i]! <= best.b);
      const right = members.filter((i) => col[i]! > best.b);
      tree.feature[id] = best.f;
      tree.threshold[id] = cuts[best.f]![best.b]!;
      tree.left[id] = grow(left, depth + 1);
      tree.right[id] = grow(right, depth + 1);
      return id;
    };
    grow(rows, 0);
    trees.push(tree);
    const model: TreeModel = { kind: 'trees', base: 0, trees: [tree] };
    for (let i = 0; i < n; i++) {
      // predict() returns a probability; recover the one tree's contribution from it.
      const p = predict(model, xs[i]!);
      z[i]! += Math.log(p / (1 - p));
    }
  }
  return { kind: 'trees', base, trees };
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

type Stage = 'local' | 'context';
type Learner = 'linear' | 'trees';

/**
 * The learner of each stage: SKIM_TEXT_LEARNER is one learner for both, or "local,context"
 * ("linear,trees"). SKIM_LAMBDA sets the logistic model's L2 penalty.
 */
const LEARNERS: Record<Stage, Learner> = (() => {
  const [local = 'trees', context = local] = (process.env.SKIM_TEXT_LEARNER ?? '').split(',').filter(Boolean);
  const learner = (v: string): Learner => (v === 'linear' ? 'linear' : 'trees');
  return { local: learner(local), context: learner(context) };
})();
const LAMBDA = Number(process.env.SKIM_LAMBDA ?? 10);

function fitStage(stage: Stage, xs: number[][], ys: number[], ws: number[]): StageModel {
  return LEARNERS[stage] === 'linear' ? fitLogistic(xs, ys, ws, LAMBDA) : fitTrees(xs, ys, ws);
}

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

interface Sample {
  analysis: TextAnalysis;
  labels: number[];
  truth: string;
}

function sampleWeight(words: number): number {
  return Math.log1p(words) + 0.5;
}

/** A fitted block model and, for every sample, the scores it gets from models fitted without its fold. */
interface BlockFit {
  model: BlockModel;
  outOfFold: BlockScores[];
}

const FOLDS = 5;

/**
 * Fits both stages; the second stage reads first-stage probabilities cross-fitted over 5 folds of
 * pages, as it will read them on pages the first stage never saw. Each fold's pages are also scored
 * by both stages fitted without them, so that the region's parameters are chosen on scores as
 * uncertain as those of new pages, not on the over-confident scores of the pages fitted.
 */
function fitBlockModel(samples: Sample[]): BlockFit {
  const stack = (ss: Sample[]) => {
    const xs: number[][] = [];
    const ys: number[] = [];
    const ws: number[] = [];
    for (const s of ss) {
      s.analysis.features.vectors.forEach((x, i) => {
        xs.push(withoutDropped(x));
        ys.push(s.labels[i]!);
        ws.push(sampleWeight(s.analysis.features.stats[i]!.words));
      });
    }
    return { xs, ys, ws };
  };
  const inFold = (i: number, f: number) => i % FOLDS === f;
  const all = stack(samples);
  const localFolds: StageModel[] = [];
  const contextFolds: StageModel[] = [];
  const p1 = samples.map(() => [] as number[]);
  for (let f = 0; f < FOLDS; f++) {
    const train = stack(samples.filter((_, i) => !inFold(i, f)));
    const m = fitStage('local', train.xs, train.ys, train.ws);
    localFolds.push(m);
    samples.forEach((s, i) => {
      if (inFold(i, f)) p1[i] = s.analysis.features.vectors.map((x) => (isCallToAction(x) ? 0 : predict(m, withoutDropped(x))));
    });
  }
  const contextRows = samples.map((s, i) => {
    const ctx = contextFeatures(s.analysis.features.stats, p1[i]!);
    return s.analysis.features.vectors.map((x, j) => [...withoutDropped(x), ...ctx[j]!]);
  });
  const outOfFold: BlockScores[] = samples.map((_, i) => ({ local: p1[i]!, final: [] }));
  for (let f = 0; f < FOLDS; f++) {
    const train = samples.flatMap((_, i) => (inFold(i, f) ? [] : [i]));
    const ys = train.flatMap((i) => samples[i]!.labels);
    const ws = train.flatMap((i) => samples[i]!.analysis.features.stats.map((st) => sampleWeight(st.words)));
    const m = fitStage('context', train.flatMap((i) => contextRows[i]!), ys, ws);
    contextFolds.push(m);
    samples.forEach((_, i) => {
      if (inFold(i, f)) outOfFold[i]!.final = contextRows[i]!.map((x) => (isCallToAction(x) ? 0 : predict(m, x)));
    });
  }
  const bagged = BAG && LEARNERS.local === 'trees' && LEARNERS.context === 'trees';
  const local = bagged ? average(localFolds as TreeModel[]) : fitStage('local', all.xs, all.ys, all.ws);
  const context = bagged
    ? average(contextFolds as TreeModel[])
    : fitStage('context', contextRows.flat(), all.ys, all.ws);
  return { model: { local, context, features: MODEL_FEATURES }, outOfFold };
}

/**
 * SKIM_BAG=1: each stage is the mean (on the log-odds) of its five fold models rather than one model
 * fitted on all the pages, to see whether averaging over subsets of sites steadies the held-out score
 * (it did not: cross-validation 0.925 either way, December 2026). Five times the trees.
 */
const BAG = process.env.SKIM_BAG === '1';

/** One tree model whose log-odds are the mean of the given models' (all their trees, leaves scaled). */
function average(models: TreeModel[]): TreeModel {
  const k = models.length;
  return {
    kind: 'trees',
    base: models.reduce((sum, m) => sum + m.base, 0) / k,
    trees: models.flatMap((m) => m.trees.map((t) => ({ ...t, value: t.value.map((v) => v / k) }))),
  };
}

/**
 * Which scores of the fitting pages the region grid reads: out of fold (as uncertain as on new pages),
 * or SKIM_REGION_SCORES=fitted for the fitted model's own (the former default), for comparison.
 */
function regionScores(samples: Sample[], fit: BlockFit, model: TextCleanModel): BlockScores[] {
  if (process.env.SKIM_REGION_SCORES !== 'fitted') return fit.outOfFold;
  const m = { ...model, withStopwords: fit.model };
  return samples.map((s) => scoreText(s.analysis, m));
}

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const FLOORS = [1, 2, 3, 5, 8];
const KEEPS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];

/**
 * The region parameters that clean `samples` best when their blocks score `finals`: each point of
 * the grid is judged by the mean F1 of itself and its neighbours (one step along each axis), so that
 * a broad optimum wins over a spike that 55 pages' noise put on one point.
 */
function regionGrid(samples: Sample[], finals: BlockScores[], model: TextCleanModel, quiet = false): RegionParams {
  const f1 = THRESHOLDS.map((threshold) =>
    FLOORS.map((floor) =>
      KEEPS.map((keep) => {
        const m = { ...model, region: { threshold, floor, keep } };
        return aggregate(samples.map((s, i) => scorePage(predictedFrom(s.analysis, finals[i]!, m), s.truth))).f1;
      }),
    ),
  );
  let best = model.region;
  let bestScore = -1;
  THRESHOLDS.forEach((threshold, t) =>
    FLOORS.forEach((floor, f) =>
      KEEPS.forEach((keep, k) => {
        const around: number[] = [];
        for (const [dt, df, dk] of [[0, 0, 0], [-1, 0, 0], [1, 0, 0], [0, -1, 0], [0, 1, 0], [0, 0, -1], [0, 0, 1]]) {
          const v = f1[t + dt!]?.[f + df!]?.[k + dk!];
          if (v !== undefined) around.push(v);
        }
        const score = around.reduce((x, y) => x + y, 0) / around.length;
        if (score > bestScore) {
          bestScore = score;
          best = { threshold, floor, keep };
        }
      }),
    ),
  );
  const at = f1[THRESHOLDS.indexOf(best.threshold)]![FLOORS.indexOf(best.floor)]![KEEPS.indexOf(best.keep)]!;
  if (!quiet) {
    console.log(`region grid on the fitting half (out-of-fold scores): F1 ${at.toFixed(3)} (neighbourhood ${bestScore.toFixed(3)}) with ${JSON.stringify(best)}`);
  }
  return best;
}

function predictedFrom(analysis: TextAnalysis, p: BlockScores, model: TextCleanModel): string {
  return keptBlocks(analysis, p, model)
    .map((i) => analysis.blocks[i]!.text)
    .join('\n\n');
}

function samplesOf(pages: Page[], useStopwords: boolean): Sample[] {
  return pages.map((p) => {
    const analysis = analyseText(p.paste, useStopwords);
    return { analysis, labels: labelBlocks(analysis.blocks.map((b) => b.text), p.truth), truth: p.truth };
  });
}

/**
 * K-fold cross-validation inside half A (pages dealt to folds by index): each fold is cleaned by a
 * model (both stages and the region grid) fitted on the other folds. The way to choose settings
 * without looking at half B.
 */
function crossValidate(pages: Page[], folds = 5): void {
  const { a } = halves(pages);
  const samples = samplesOf(a, true);
  const heldOut: PageScore[] = new Array<PageScore>(a.length);
  const fitted: PageScore[] = [];
  for (let f = 0; f < folds; f++) {
    const train = samples.filter((_, i) => i % folds !== f);
    const block = fitBlockModel(train);
    const model: TextCleanModel = { withStopwords: block.model, withoutStopwords: block.model, region: MODEL.region };
    model.region = regionGrid(train, regionScores(train, block, model), model, true);
    console.log(`  fold ${f}: region ${JSON.stringify(model.region)}`);
    a.forEach((p, i) => {
      const score = scorePage(skimWith(p, model), p.truth);
      if (i % folds === f) heldOut[i] = score;
      else fitted.push(score);
    });
  }
  const show = (label: string, s: PageScore[]) => {
    const r = aggregate(s);
    console.log(`${label}: F1 ${r.f1.toFixed(4)} (P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`);
  };
  console.log(`cross-validation, ${folds} folds over half A; learners ${JSON.stringify(LEARNERS)}, lambda ${LAMBDA}, trees ${JSON.stringify(TREES)}; dropped [${[...DROPPED].join(', ')}]`);
  show('  fitted folds (mean over folds)', fitted);
  show('  held-out folds', heldOut);
  const f1 = (s: PageScore) => (2 * s.tp) / Math.max(1e-9, 2 * s.tp + s.fp + s.fn);
  const worst = a.map((p, i) => ({ id: p.id, s: heldOut[i]! })).sort((x, y) => f1(x.s) - f1(y.s));
  if (process.env.SKIM_CV_OUT) writeFileSync(process.env.SKIM_CV_OUT, JSON.stringify(a.map((p, i) => [p.id, f1(heldOut[i]!)])));
  console.log(`  worst held-out pages: ${worst.slice(0, 8).map((w) => `${w.id.slice(0, 6)} ${f1(w.s).toFixed(2)}`).join(', ')}`);
}

/** Fits both block models and the region parameters on `pages`. */
function fitModel(pages: Page[], quiet = false): TextCleanModel {
  const withSw = samplesOf(pages, true);
  const withSwFit = fitBlockModel(withSw);
  const model: TextCleanModel = {
    withStopwords: withSwFit.model,
    withoutStopwords: fitBlockModel(samplesOf(pages, false)).model,
    region: MODEL.region,
  };
  model.region = regionGrid(withSw, regionScores(withSw, withSwFit, model), model, quiet);
  return model;
}

function fit(pages: Page[]): void {
  const { a } = halves(pages);
  FIT_PAGES = a.length;
  writeWeights(fitModel(a));
  console.log(`wrote ${WEIGHTS_FILE}; rerun without --fit to evaluate with it.`);
}

/**
 * Fits on one half in memory (weights.ts untouched) and reports both halves. `--swap` fits on half B,
 * so that a gain is not luck of one split; `--holdout` fits on half A as `--fit` does, to compare
 * settings without writing the weights.
 */
function fitAndJudge(pages: Page[], on: 'a' | 'b'): void {
  const { a, b } = halves(pages);
  const [fitted, heldOut] = on === 'a' ? [a, b] : [b, a];
  const model = fitModel(fitted, true);
  console.log(`region ${JSON.stringify(model.region)}`);
  const show = (label: string, ps: Page[]) => {
    const r = aggregate(ps.map((p) => scorePage(skimWith(p, model), p.truth)));
    console.log(`${label}: F1 ${r.f1.toFixed(4)} (P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`);
    return r.f1;
  };
  const name = on.toUpperCase();
  const other = on === 'a' ? 'B' : 'A';
  console.log(`fitted on half ${name} (${fitted.length} pages), judged on half ${other} (${heldOut.length})`);
  const f = show(`  half ${name} (fitted)`, fitted);
  const h = show(`  half ${other} (held out)`, heldOut);
  console.log(`  gap ${(f - h).toFixed(4)}`);
}

function writeWeights(model: TextCleanModel): void {
  const r = (v: number) => +v.toPrecision(4);
  const round = (m: StageModel): StageModel =>
    m.kind === 'linear'
      ? { kind: 'linear', mean: m.mean.map(r), scale: m.scale.map(r), weights: m.weights.map(r), bias: r(m.bias) }
      : {
          kind: 'trees',
          base: r(m.base),
          trees: m.trees.map((t) => ({ ...t, threshold: t.threshold.map(r), value: t.value.map(r) })),
        };
  const block = (b: BlockModel) => ({ local: round(b.local), context: round(b.context), features: b.features });
  const data = {
    withStopwords: block(model.withStopwords),
    withoutStopwords: block(model.withoutStopwords),
    region: model.region,
  };
  const describe = (stage: Stage) =>
    `${stage} stage ${LEARNERS[stage] === 'trees' ? `boosted trees ${JSON.stringify(TREES)}, seed ${SEED}` : `L2 logistic regression, lambda ${LAMBDA}`}`;
  const dropped = DROPPED.size > 0 ? `; features left out: ${[...DROPPED].join(', ')}` : '';
  const learner = `${describe('local')}; ${describe('context')}${dropped}`;
  const source = `/**
 * Fitted parameters of the text cleaner; do not edit by hand.
 * Made by \`npm run eval -- paste --fit\` (bench/eval/paste.ts), deterministic: ${learner}.
 * Fitted on half A of aeb-paste (the first ${FIT_PAGES} page ids sorted, of the pastes in
 * data/aeb-paste, labelled from data/aeb/ground-truth.json); half B is held out for the report.
 * Each stage lists the feature names it was fitted on (features.ts, then classify.ts).
 */
import type { BlockModel } from './classify.js';
import type { RegionParams } from './region.js';

/** The fitted models and region parameters. */
export interface TextCleanModel {
  withStopwords: BlockModel;
  withoutStopwords: BlockModel;
  region: RegionParams;
}

/** The model fitted on the first half of aeb-paste. */
export const MODEL: TextCleanModel = ${JSON.stringify(data)};
`;
  writeFileSync(WEIGHTS_FILE, source);
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

type Method = (page: Page) => string;

function skim(page: Page): string {
  return skimWith(page, MODEL);
}

function skimWith(page: Page, model: TextCleanModel): string {
  try {
    return cleanText(page.paste, {}, model).blocks.map((b) => b.text).join('\n\n');
  } catch (error) {
    if (isSkimError(error)) return '';
    throw error;
  }
}

function skimWithoutStopwords(page: Page): string {
  const analysis = analyseText(page.paste, false);
  return predictedFrom(analysis, scoreText(analysis), MODEL);
}

function wholePaste(page: Page): string {
  return page.paste;
}

/** jusText-like: lines of at least 10 words with a stopword density of at least 0.3. */
function lineFilter(page: Page): string {
  const stopwords = stopwordsFor(detectLanguage(page.paste));
  return page.paste
    .split('\n')
    .filter((line) => {
      const tokens = wordTokens(line);
      return tokens.length >= 10 && stopwordDensity(tokens, stopwords) >= 0.3;
    })
    .join('\n\n');
}

function measure(pages: Page[], method: Method): { scores: PageScore[]; ms: number } {
  const start = performance.now();
  const predictions = pages.map(method);
  const ms = (performance.now() - start) / Math.max(1, pages.length);
  return { scores: pages.map((p, i) => scorePage(predictions[i]!, p.truth)), ms };
}

/** Share of pages where the title found is (nearly) the page's HTML title or og:title. */
function titleAccuracy(pages: Page[]): { found: number; matched: number } {
  let found = 0;
  let matched = 0;
  let judged = 0;
  for (const p of pages) {
    if (p.htmlTitles.length === 0) continue;
    judged++;
    let title = '';
    try {
      title = cleanText(p.paste).title;
    } catch {
      title = '';
    }
    if (!title) continue;
    found++;
    const t = tokenize(title.toLowerCase());
    const ok = p.htmlTitles.some((h) => {
      const ht = new Set(tokenize(decodeEntities(h).toLowerCase()));
      return t.length > 0 && t.filter((w) => ht.has(w)).length >= 0.8 * t.length;
    });
    if (ok) matched++;
  }
  return { found: found / Math.max(1, judged), matched: matched / Math.max(1, judged) };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

/** Runs the paste evaluation (or, with --fit, refits the model first). */
export async function run(args: string[]): Promise<void> {
  const pages = loadPages(dataDir(args));
  if (args.includes('--fit')) {
    fit(pages);
    return;
  }
  if (args.includes('--swap') || args.includes('--holdout')) {
    fitAndJudge(pages, args.includes('--swap') ? 'b' : 'a');
    return;
  }
  if (args.includes('--cv')) {
    crossValidate(pages);
    return;
  }
  const { a, b } = halves(pages);
  const widths = [44, 9, 9, 9, 9, 9];
  console.log(`aeb-paste: ${pages.length} pages (fitting half A = first ${a.length} ids sorted, held-out half B = ${b.length})`);
  console.log(row(['method', 'P', 'R', 'F1', 'acc', 'ms/page'], widths));
  const methods: Array<[string, Method, boolean]> = [
    ['Skim', skim, true],
    ['Skim, language-independent (no stopwords)', skimWithoutStopwords, false],
    ['whole paste', wholePaste, false],
    ['length+stopword filter (>=10 w, sw>=0.3)', lineFilter, false],
  ];
  for (const [name, method, split] of methods) {
    const { scores, ms } = measure(pages, method);
    const line = (label: string, s: PageScore[]) => {
      const r = aggregate(s);
      console.log(row([label, r.precision, r.recall, r.f1, r.accuracy, ms.toFixed(2)], widths));
    };
    line(name, scores);
    if (split) {
      line(`  ${name}, half A (fitted)`, scores.slice(0, a.length));
      line(`  ${name}, half B (held out)`, scores.slice(a.length));
    }
  }
  const t = titleAccuracy(pages);
  console.log(`title: found on ${(t.found * 100).toFixed(0)}% of pages, matches the HTML <title>/og:title on ${(t.matched * 100).toFixed(0)}%`);
  if (args.includes('--pages')) {
    const { scores } = measure(pages, skim);
    scores.forEach((s, i) => {
      const p = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
      const r = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
      console.log(`${pages[i]!.id.slice(0, 12)} ${i < a.length ? 'A' : 'B'} P ${p.toFixed(3)} R ${r.toFixed(3)}`);
    });
  }
  void LOCAL_FEATURES;
}
