/**
 * `npm run train -- paste [--data DIR] [--cv | --swap | --holdout] [--seeds N]`: fits the text cleaner (both
 * stages of the block classifier and the region parameters, training/pasteFit.ts) on half A of aeb-paste (the
 * first half of the page ids, sorted), prints both halves' F1 with the model as written (rounded), and writes
 * src/core/extract/plain/weights.ts with the command, the data and those figures. Seeded: the same code and data
 * give the same file byte for byte.
 * `--cv` cross-validates the whole fit over 5 folds of half A, the way to compare settings (SKIM_TREES,
 * SKIM_TEXT_LEARNER, SKIM_LAMBDA, SKIM_DROP, SKIM_BAG) without looking at half B. `--swap` fits on half B and
 * reports both, A now held out, so that a gain is not luck of one split; `--holdout` fits on A the same way.
 * Neither of these writes anything. `--seeds N` with any of the three runs it once per tree seed 1..N and prints
 * the mean held-out F1: compare settings by that, since one seed moves a held-out half by about ±0.007.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, scorePage, type PageScore } from '../bench/lib/shingles.js';
import { dataDir } from '../bench/lib/data.js';
import { halves, loadPages, skimWith, type Page } from '../bench/eval/paste.js';
import type { BlockModel, StageModel } from '../src/core/extract/plain/classify.js';
import type { TextCleanModel } from '../src/core/extract/plain/model.js';
import { TREES, fitFold, fitModel, learnerText, samplesOf, settingsPrefix } from './pasteFit.js';

const WEIGHTS_FILE = join(import.meta.dirname, '..', 'src', 'core', 'extract', 'plain', 'weights.ts');
const DATA = 'data/aeb-paste, labelled from data/aeb/ground-truth.json';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** "F1 0.9590 (P 0.933, R 0.987)" for the pages cleaned with `model`. */
function figures(pages: Page[], model: TextCleanModel): string {
  return figuresOf(pages.map((p) => scorePage(skimWith(p, model), p.truth)));
}

function figuresOf(scores: PageScore[]): string {
  const r = aggregate(scores);
  return `F1 ${r.f1.toFixed(4)} (P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`;
}

/** The model with every number at 4 significant digits, as the weights file stores it. */
function rounded(model: TextCleanModel): TextCleanModel {
  const r = (v: number) => +v.toPrecision(4);
  const stage = (m: StageModel): StageModel =>
    m.kind === 'linear'
      ? { kind: 'linear', mean: m.mean.map(r), scale: m.scale.map(r), weights: m.weights.map(r), bias: r(m.bias) }
      : { kind: 'trees', base: r(m.base), trees: m.trees.map((t) => ({ ...t, threshold: t.threshold.map(r), value: t.value.map(r) })) };
  const block = (b: BlockModel): BlockModel => ({ local: stage(b.local), context: stage(b.context), features: b.features });
  return { withStopwords: block(model.withStopwords), withoutStopwords: block(model.withoutStopwords), region: model.region, lexicon: model.lexicon };
}

function writeWeights(model: TextCleanModel, command: string, pagesA: number, figuresA: string, figuresB: string): void {
  const source = `/**
 * Fitted parameters of the text cleaner; do not edit by hand.
 * Made by \`${command}\` (training/paste.ts), deterministic: ${learnerText()}.
 * Fitted on half A of aeb-paste (the first ${pagesA} page ids sorted, of the pastes in ${DATA});
 * half B is held out. With these weights, half A: ${figuresA}; half B (held out): ${figuresB}.
 * Each stage lists the feature names it was fitted on (features.ts, then classify.ts).
 */
import type { TextCleanModel } from './model.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = ${JSON.stringify(`${command} on half A (first ${pagesA} page ids sorted) of ${DATA}`)};

/** The model fitted on the first half of aeb-paste. */
export const MODEL: TextCleanModel = ${JSON.stringify(model)};
`;
  writeFileSync(WEIGHTS_FILE, source);
  say(`wrote ${WEIGHTS_FILE}`);
}

/**
 * K-fold cross-validation inside half A (pages dealt to folds by index): each fold is cleaned by a
 * model (both stages and the region grid) fitted on the other folds.
 */
function crossValidate(a: Page[], folds = 5): number {
  const samples = samplesOf(a, true);
  const heldOut: PageScore[] = new Array<PageScore>(a.length);
  const fitted: PageScore[] = [];
  for (let f = 0; f < folds; f++) {
    const model = fitFold(samples.filter((_, i) => i % folds !== f));
    say(`  fold ${f}: region ${JSON.stringify(model.region)}`);
    a.forEach((p, i) => {
      const score = scorePage(skimWith(p, model), p.truth);
      if (i % folds === f) heldOut[i] = score;
      else fitted.push(score);
    });
  }
  say(`cross-validation, ${folds} folds over half A; ${settingsPrefix()}${learnerText()}`);
  say(`  fitted folds (mean over folds): ${figuresOf(fitted)}`);
  say(`  held-out folds: ${figuresOf(heldOut)}`);
  const f1 = (s: PageScore) => (2 * s.tp) / Math.max(1e-9, 2 * s.tp + s.fp + s.fn);
  const worst = a.map((p, i) => ({ id: p.id, s: heldOut[i]! })).sort((x, y) => f1(x.s) - f1(y.s));
  if (process.env.SKIM_CV_OUT) writeFileSync(process.env.SKIM_CV_OUT, JSON.stringify(a.map((p, i) => [p.id, f1(heldOut[i]!)])));
  say(`  worst held-out pages: ${worst.slice(0, 8).map((w) => `${w.id.slice(0, 6)} ${f1(w.s).toFixed(2)}`).join(', ')}`);
  return aggregate(heldOut).f1;
}

function fitOn(pages: Page[], say?: (line: string) => void): TextCleanModel {
  return rounded(fitModel(samplesOf(pages, true), samplesOf(pages, false), say));
}

/** Fits on one half in memory and reports both; nothing is written. Returns the held-out half's F1. */
function fitAndJudge(a: Page[], b: Page[], on: 'A' | 'B'): number {
  const [fitted, heldOut] = on === 'A' ? [a, b] : [b, a];
  const model = fitOn(fitted);
  const scores = heldOut.map((p) => scorePage(skimWith(p, model), p.truth));
  say(`region ${JSON.stringify(model.region)}`);
  say(`fitted on half ${on} (${fitted.length} pages), judged on half ${on === 'A' ? 'B' : 'A'} (${heldOut.length})`);
  say(`  half ${on} (fitted): ${figures(fitted, model)}`);
  say(`  half ${on === 'A' ? 'B' : 'A'} (held out): ${figuresOf(scores)}`);
  return aggregate(scores).f1;
}

/**
 * Runs `judge` once per tree seed 1..n and prints the held-out F1 of each and their mean: one seed moves a
 * held-out half by about ±0.007, more than most changes worth judging, so settings are compared over several.
 */
function overSeeds(n: number, judge: () => number): void {
  const f1s: number[] = [];
  for (let seed = 1; seed <= n; seed++) {
    TREES.seed = seed;
    say(`tree seed ${seed}:`);
    f1s.push(judge());
  }
  const mean = f1s.reduce((x, y) => x + y, 0) / f1s.length;
  say(`held-out F1 over tree seeds 1-${n}: mean ${mean.toFixed(4)} (min ${Math.min(...f1s).toFixed(4)}, max ${Math.max(...f1s).toFixed(4)}): ${f1s.map((f) => f.toFixed(4)).join(' ')}`);
}

/** Runs the paste fit (see the file's comment for the options). */
export async function run(args: string[]): Promise<void> {
  const { a, b } = halves(loadPages(dataDir(args)));
  const seeds = Number(args[args.indexOf('--seeds') + 1] ?? 0);
  const judged = args.includes('--cv') || args.includes('--swap') || args.includes('--holdout');
  if (args.includes('--seeds') && !(judged && Number.isInteger(seeds) && seeds > 0)) {
    throw new Error('--seeds N goes with --cv, --swap or --holdout, N a whole number of seeds');
  }
  const judge = (): number =>
    args.includes('--cv') ? crossValidate(a) : fitAndJudge(a, b, args.includes('--swap') ? 'B' : 'A');
  if (judged) {
    if (seeds > 0) overSeeds(seeds, judge);
    else judge();
    return;
  }
  say(`aeb-paste: half A ${a.length} pages fitted, half B ${b.length} held out; ${learnerText()}`);
  const model = fitOn(a, say);
  const figuresA = figures(a, model);
  const figuresB = figures(b, model);
  say(`half A (fitted): ${figuresA}`);
  say(`half B (held out): ${figuresB}`);
  const data = args.includes('--data') ? ` --data ${args[args.indexOf('--data') + 1] ?? ''}` : '';
  writeWeights(model, `${settingsPrefix()}npm run train -- paste${data}`, a.length, figuresA, figuresB);
}
