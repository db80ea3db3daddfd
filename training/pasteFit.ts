/**
 * The text cleaner's fit: both stages of the block classifier (boosted trees by default) and the region
 * parameters, on the pages of one half of aeb-paste. The learner's settings come from the environment only
 * for experiments (SKIM_TREES, SKIM_TEXT_LEARNER, SKIM_LAMBDA, SKIM_DROP, SKIM_BAG, SKIM_REGION_SCORES);
 * {@link settingsPrefix} names those set, so that a weights file made with them says so.
 */
import { aggregate, scorePage } from '../bench/lib/shingles.js';
import { predictedFrom, type Page } from '../bench/eval/paste.js';
import { analyseText, type TextAnalysis } from '../src/core/extract/plain/analyse.js';
import { scoreText } from '../src/core/extract/plain/index.js';
import { MODEL_FEATURES, contextFeatures, isCallToAction, predict, type BlockModel, type BlockScores, type StageModel, type TreeModel } from '../src/core/extract/plain/classify.js';
import { LOCAL_FEATURES } from '../src/core/extract/plain/features.js';
import type { RegionParams } from '../src/core/extract/plain/region.js';
import type { TextCleanModel } from '../src/core/extract/plain/model.js';
import { fitNewtonLogistic } from './lib/newtonLogistic.js';
import { fitTrees, type TreeSettings } from './lib/trees.js';
import { labelBlocks } from './pasteLabels.js';
import { buildLexicon } from './pasteLexicon.js';

const ENV_SETTINGS = ['SKIM_TREES', 'SKIM_TEXT_LEARNER', 'SKIM_LAMBDA', 'SKIM_DROP', 'SKIM_BAG', 'SKIM_REGION_SCORES'] as const;

/** The experiment settings set in the environment, as a shell prefix of the command ('' when none). */
export function settingsPrefix(): string {
  return ENV_SETTINGS.flatMap((k) => (process.env[k] ? [`${k}='${process.env[k]}' `] : [])).join('');
}

/** Settings of the boosted trees; SKIM_TREES (JSON) overrides some for cross-validation runs. */
export const TREES: TreeSettings = {
  rounds: 150,
  depth: 3,
  rate: 0.1,
  lambda: 5,
  minHessian: 20,
  rows: 0.7,
  cols: 1,
  bins: 32,
  seed: 7,
  ...(JSON.parse(process.env.SKIM_TREES ?? '{}') as Partial<TreeSettings>),
};

/** Local features left out of a fit (their column held constant), named in SKIM_DROP, for ablations. */
export const DROPPED = new Set((process.env.SKIM_DROP ?? '').split(',').filter(Boolean));
const DROPPED_COLUMNS = LOCAL_FEATURES.flatMap((name, k) => (DROPPED.has(name) ? [k] : []));

function withoutDropped(x: number[]): number[] {
  if (DROPPED_COLUMNS.length === 0) return x;
  const y = x.slice();
  for (const k of DROPPED_COLUMNS) y[k] = 0;
  return y;
}

type Stage = 'local' | 'context';
type Learner = 'linear' | 'trees';

/**
 * The learner of each stage: SKIM_TEXT_LEARNER is one learner for both, or "local,context"
 * ("linear,trees"). SKIM_LAMBDA sets the logistic model's L2 penalty.
 */
export const LEARNERS: Record<Stage, Learner> = (() => {
  const [local = 'trees', context = local] = (process.env.SKIM_TEXT_LEARNER ?? '').split(',').filter(Boolean);
  const learner = (v: string): Learner => (v === 'linear' ? 'linear' : 'trees');
  return { local: learner(local), context: learner(context) };
})();
export const LAMBDA = Number(process.env.SKIM_LAMBDA ?? 10);

/**
 * SKIM_BAG=1: each stage is the mean (on the log-odds) of its five fold models rather than one model
 * fitted on all the pages, to see whether averaging over subsets of sites steadies the held-out score
 * (it did not: cross-validation 0.925 either way, December 2026). Five times the trees.
 */
const BAG = process.env.SKIM_BAG === '1';

/** How the stages were fitted, in words, for the weights file and the cross-validation report. */
export function learnerText(): string {
  const describe = (stage: Stage) =>
    `${stage} stage ${LEARNERS[stage] === 'trees' ? `boosted trees ${JSON.stringify(TREES)}` : `L2 logistic regression, lambda ${LAMBDA}`}`;
  const dropped = DROPPED.size > 0 ? `; features left out: ${[...DROPPED].join(', ')}` : '';
  return `${describe('local')}; ${describe('context')}${dropped}${BAG ? '; fold models averaged' : ''}`;
}

function fitStage(stage: Stage, xs: number[][], ys: number[], ws: number[]): StageModel {
  return LEARNERS[stage] === 'linear' ? fitNewtonLogistic(xs, ys, ws, LAMBDA) : fitTrees(xs, ys, ws, TREES);
}

/** A page analysed as the cleaner sees it, with its blocks' labels. */
export interface Sample {
  analysis: TextAnalysis;
  labels: number[];
  truth: string;
}

/**
 * The pages analysed with or without stopwords, and labelled. Each page's lexicon feature reads a lexicon
 * learned from the pages of the other folds, so that the stages learn what the lexicon says of a site it
 * never saw, not of the pages whose words it was counted from.
 */
export function samplesOf(pages: Page[], useStopwords: boolean): Sample[] {
  const bare = pages.map((p) => {
    const analysis = analyseText(p.paste, useStopwords);
    return { analysis, labels: labelBlocks(analysis.blocks.map((b) => b.text), p.truth), truth: p.truth };
  });
  if (!useStopwords) return bare; // the language-independent model reads no lexicon (analyse.ts)
  const lexicons = Array.from({ length: FOLDS }, (_, f) => new Map(Object.entries(learnedLexicon(bare.filter((_, j) => !inFold(j, f))))));
  return bare.map((s, i) => ({ ...s, analysis: analyseText(pages[i]!.paste, useStopwords, lexicons[i % FOLDS]) }));
}

/** The furniture lexicon learned from the samples' blocks and labels. */
function learnedLexicon(samples: Sample[]): Record<string, number> {
  return buildLexicon(samples.map((s) => ({ tokens: s.analysis.features.stats.map((st) => st.tokens), labels: s.labels })));
}

/** Longer blocks weigh more, but only logarithmically, so that a few long ones do not drown the rest. */
function sampleWeight(words: number): number {
  return Math.log1p(words) + 0.5;
}

/** A fitted block model and, for every sample, the scores it gets from models fitted without its fold. */
interface BlockFit {
  model: BlockModel;
  outOfFold: BlockScores[];
}

const FOLDS = 5;

function stack(ss: Sample[]): { xs: number[][]; ys: number[]; ws: number[] } {
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
}

const inFold = (i: number, f: number): boolean => i % FOLDS === f;

/**
 * Fits both stages; the second stage reads first-stage probabilities cross-fitted over 5 folds of
 * pages, as it will read them on pages the first stage never saw. Each fold's pages are also scored
 * by both stages fitted without them, so that the region's parameters are chosen on scores as
 * uncertain as those of new pages, not on the over-confident scores of the pages fitted.
 */
function fitBlockModel(samples: Sample[]): BlockFit {
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
  const context = bagged ? average(contextFolds as TreeModel[]) : fitStage('context', contextRows.flat(), all.ys, all.ws);
  return { model: { local, context, features: MODEL_FEATURES }, outOfFold };
}

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
const NEIGHBOURS = [[0, 0, 0], [-1, 0, 0], [1, 0, 0], [0, -1, 0], [0, 1, 0], [0, 0, -1], [0, 0, 1]] as const;

/** The F1 of every point of the region grid, indexed [threshold][floor][keep]. */
function gridF1(samples: Sample[], finals: BlockScores[], model: TextCleanModel): number[][][] {
  return THRESHOLDS.map((threshold) =>
    FLOORS.map((floor) =>
      KEEPS.map((keep) => {
        const m = { ...model, region: { threshold, floor, keep } };
        return aggregate(samples.map((s, i) => scorePage(predictedFrom(s.analysis, finals[i]!, m), s.truth))).f1;
      }),
    ),
  );
}

/**
 * The region parameters that clean `samples` best when their blocks score `finals`: each point of
 * the grid is judged by the mean F1 of itself and its neighbours (one step along each axis), so that
 * a broad optimum wins over a spike that 55 pages' noise put on one point.
 */
function regionGrid(samples: Sample[], finals: BlockScores[], model: TextCleanModel, say?: (line: string) => void): RegionParams {
  const f1 = gridF1(samples, finals, model);
  let best = model.region;
  let bestScore = -1;
  THRESHOLDS.forEach((threshold, t) =>
    FLOORS.forEach((floor, f) =>
      KEEPS.forEach((keep, k) => {
        const around = NEIGHBOURS.flatMap(([dt, df, dk]) => f1[t + dt]?.[f + df]?.[k + dk] ?? []);
        const score = around.reduce((x, y) => x + y, 0) / around.length;
        if (score > bestScore) {
          bestScore = score;
          best = { threshold, floor, keep };
        }
      }),
    ),
  );
  const at = f1[THRESHOLDS.indexOf(best.threshold)]![FLOORS.indexOf(best.floor)]![KEEPS.indexOf(best.keep)]!;
  say?.(`region grid on the fitting pages (out-of-fold scores): F1 ${at.toFixed(3)} (neighbourhood ${bestScore.toFixed(3)}) with ${JSON.stringify(best)}`);
  return best;
}

/** Where the region grid starts before any point is judged; every point of the grid beats it. */
const NO_REGION: RegionParams = { threshold: THRESHOLDS[0]!, floor: FLOORS[0]!, keep: KEEPS[0]! };

/** Fits both block models and the region parameters on `samples` (with stopwords) and `plain` (without). */
export function fitModel(samples: Sample[], plain: Sample[], say?: (line: string) => void): TextCleanModel {
  const withSw = fitBlockModel(samples);
  const model: TextCleanModel = {
    withStopwords: withSw.model,
    withoutStopwords: fitBlockModel(plain).model,
    region: NO_REGION,
    lexicon: learnedLexicon(samples),
  };
  model.region = regionGrid(samples, regionScores(samples, withSw, model), model, say);
  return model;
}

/** Fits the stopword model and region only, as cross-validation needs (the other model is the same one). */
export function fitFold(samples: Sample[], say?: (line: string) => void): TextCleanModel {
  const block = fitBlockModel(samples);
  const model: TextCleanModel = { withStopwords: block.model, withoutStopwords: block.model, region: NO_REGION, lexicon: learnedLexicon(samples) };
  model.region = regionGrid(samples, regionScores(samples, block, model), model, say);
  return model;
}
