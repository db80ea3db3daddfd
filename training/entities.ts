/**
 * `npm run train -- entities [--data DIR] [--write]`: fits the weights of the entity typing features
 * (src/core/analyse/entities/features.ts) on Wikigold half A (even line numbers) and reports half B (odd), both printed.
 *
 * The fit: every entity Skim finds in half A, labelled with the type its name has in the gold data ("other" when
 * none), and a softmax over the types whose logits are the summed weights of the features that fired
 * (training/entityModel.ts), pulled towards the prior weights (training/entityPrior.ts, which the fit never writes, so
 * it gives the same file however often it runs) by an L2 strength chosen by two-fold
 * cross-validation inside half A on the figure a user sees (typed F1 plus a quarter of the first-six precision).
 * No randomness: the same data give the same weights. Then each feature is switched off in turn and half B's
 * typed F1 printed: a feature whose removal does not lower it is listed to be dropped.
 * With --write, src/core/analyse/entities/weights.ts is written with the feature names, the command and the data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES, type FeatureName } from '../src/core/analyse/entities/features.js';
import { WEIGHTS } from '../src/core/analyse/entities/weights.js';
import { evaluate, loadDocs, prepare, type Figures, type PreparedDoc } from './entityData.js';
import { PRIOR } from './entityPrior.js';
import { clusterValues, fitSoftmax, goldType, type Example } from './entityModel.js';
import { clusterMentions } from '../src/core/analyse/entities/merge.js';
import { useWeights } from '../src/core/analyse/entities/typing.js';
import { normalizeName } from '../bench/lib/nerMetric.js';

/** Candidate L2 strengths, chosen by two-fold cross-validation inside half A. */
const L2_GRID = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
const ROUNDS = 2;
const FIRST_SIX_SHARE = 0.25;

type Weights = Record<FeatureName, number>;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const objective = (f: Figures): number => f.f1 + FIRST_SIX_SHARE * f.firstSix;
const fmt = (f: Figures): string => `typed F1 ${f.f1.toFixed(3)}, ORG F1 ${f.orgF1.toFixed(3)}, first six ${f.firstSix.toFixed(3)}`;

/** The documents' entities as examples, clustered with `w` (clusters depend a little on the types). */
function examples(docs: PreparedDoc[], w: Weights): Example[] {
  const restore = useWeights(w);
  try {
    return docs.flatMap((d) => {
      const gold = new Map<string, string>();
      for (const g of d.gold) if (!gold.has(normalizeName(g.text))) gold.set(normalizeName(g.text), g.type);
      const english = (d.options.lang ?? 'en') === 'en';
      return clusterMentions(d.mentions, english).map((c) => ({ x: clusterValues(c, english), y: goldType(c, gold) }));
    });
  } finally {
    restore();
  }
}

/** Fits in rounds: cluster with the current weights, fit the softmax from the prior weights. */
function fitOn(docs: PreparedDoc[], start: Weights, l2: number): Weights {
  let w = { ...start };
  for (let round = 0; round < ROUNDS; round++) w = fitSoftmax(examples(docs, w), start, l2);
  return w;
}

/** The L2 strength with the best objective when half A's two folds are each fitted on the other. */
function chooseL2(a: PreparedDoc[], start: Weights): number {
  const folds = [a.filter((_, i) => i % 2 === 0), a.filter((_, i) => i % 2 === 1)] as const;
  let best = L2_GRID[0] ?? 0.01;
  let bestScore = -Infinity;
  for (const l2 of L2_GRID) {
    const score = (objective(evaluate(folds[1], fitOn(folds[0], start, l2))) + objective(evaluate(folds[0], fitOn(folds[1], start, l2)))) / 2;
    say(`  l2 ${l2}: cross-validated objective ${score.toFixed(4)}`);
    if (score > bestScore) {
      bestScore = score;
      best = l2;
    }
  }
  return best;
}

function fit(a: PreparedDoc[], b: PreparedDoc[], start: Weights): Weights {
  const l2 = chooseL2(a, start);
  const w = fitOn(a, start, l2);
  say(`fit with l2 ${l2}: half A ${fmt(evaluate(a, w))}; half B ${fmt(evaluate(b, w))}`);
  return w;
}

/** Half B's typed F1 with each feature switched off; features whose removal does not lower it are returned. */
function ablate(b: PreparedDoc[], w: Weights): FeatureName[] {
  const all = evaluate(b, w).f1;
  const idle: FeatureName[] = [];
  for (const f of FEATURE_NAMES) {
    const off = evaluate(b, { ...w, [f]: 0 }).f1;
    const delta = off - all;
    say(`  ${f.padEnd(34)} weight ${String(w[f]).padStart(4)}  half B without it ${off.toFixed(4)} (${delta >= 0 ? '+' : ''}${delta.toFixed(4)})`);
    if (delta >= 0) idle.push(f);
  }
  return idle;
}

function writeWeights(w: Weights, command: string, data: string, a: Figures, b: Figures): void {
  const body = FEATURE_NAMES.map((f) => `  '${f}': ${w[f]},`).join('\n');
  const file = join(import.meta.dirname, '..', 'src', 'core', 'analyse', 'entities', 'weights.ts');
  writeFileSync(
    file,
    `/**
 * Weights of the typing features (features.ts), by feature name; do not edit by hand.
 * Made by \`${command}\` (training/entities.ts): a softmax over the types fitted on the entities of half A
 * (even line numbers) of ${data}, L2 towards the prior weights (training/entityPrior.ts) chosen by two-fold cross-validation in half A.
 * Half A: ${fmt(a)}. Half B (held out): ${fmt(b)}.
 */
import type { FeatureName } from './features.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = ${JSON.stringify(`${command} on half A of ${data}`)};

/** Each feature's weight: what its firing adds to its type's score. */
export const WEIGHTS: Record<FeatureName, number> = {
${body}
};
`,
  );
  say(`wrote ${file}`);
}

export async function run(args: string[]): Promise<void> {
  const dataIndex = args.indexOf('--data');
  const dir = dataIndex >= 0 ? (args[dataIndex + 1] ?? '') : '/work/shared/data';
  const file = join(dir, 'ner', 'wikigold_docs.jsonl');
  const docs = await prepare(loadDocs(file));
  const a = docs.filter((_, i) => i % 2 === 0);
  const b = docs.filter((_, i) => i % 2 === 1);
  say(`data: ${file} (${docs.length} documents; half A ${a.length}, half B ${b.length})`);
  say(`shipped: half A ${fmt(evaluate(a, WEIGHTS))}; half B ${fmt(evaluate(b, WEIGHTS))}`);
  const w = args.includes('--no-fit') ? { ...WEIGHTS } : fit(a, b, PRIOR);
  const fa = evaluate(a, w);
  const fb = evaluate(b, w);
  say(`fitted: half A ${fmt(fa)}; half B ${fmt(fb)}`);
  say('half B without each feature:');
  const idle = ablate(b, w);
  say(`features that do not move half B (${idle.length}): ${idle.join(' ')}`);
  if (args.includes('--write')) writeWeights(w, 'npm run train -- entities --write', 'data/ner/wikigold_docs.jsonl', fa, fb);
}
