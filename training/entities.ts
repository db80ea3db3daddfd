/**
 * `npm run train -- entities [--data DIR] [--write | --swap]`: fits the weights of the entity typing features
 * (src/core/analyse/entities/features.ts) on Wikigold half A (even line numbers) and reports half B (odd), both printed.
 *
 * First the vector model (training/entityVectors.ts): a softmax over the types on the word vectors of each name and
 * its surroundings, fitted on half A; each half of A also gets one fitted on the other half, so that the typing fit
 * sees what the model says of names it has not seen.
 * Then the typing weights: every entity Skim finds in half A, labelled with the type its name has in the gold data
 * ("other" when none), and a softmax over the types whose logits are the summed weights of the features that fired
 * (training/entityModel.ts), pulled towards the prior weights (training/entityPrior.ts, which the fit never writes, so
 * it gives the same file however often it runs) by an L2 strength chosen by two-fold cross-validation inside
 * half A, averaged over three ways of splitting it, on the figure a user sees (typed F1 plus a quarter of the
 * first-six precision).
 * No randomness: the same data give the same weights. Then each feature is switched off in turn and half B's
 * typed F1 printed: a feature whose removal does not lower it is listed to be dropped.
 * With --write, src/core/analyse/entities/weights.ts and vectorWeights.ts are written with the command and the data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES, VECTOR_FEATURES, type FeatureName } from '../src/core/analyse/entities/features.js';
import { WEIGHTS } from '../src/core/analyse/entities/weights.js';
import { VECTOR_MODEL } from '../src/core/analyse/entities/vectorWeights.js';
import { useVectorModel, type VectorModel } from '../src/core/analyse/entities/vectors.js';
import { evaluate, loadDocs, prepare, type Figures, type PreparedDoc, type VectorModelOf, wikigoldFile } from './entityData.js';
import { chooseVectorL2, crossFitted, fitVectorModel, roundedVectorModel, vectorExamples, type VectorExample } from './entityVectors.js';
import { PRIOR } from './entityPrior.js';
import { clusterValues, fitSoftmax, goldType, type Example } from './entityModel.js';
import { clusterMentions } from '../src/core/analyse/entities/merge.js';
import { useWeights } from '../src/core/analyse/entities/typing.js';
import { normalizeName } from '../bench/lib/nerMetric.js';

/** Candidate L2 strengths, chosen by two-fold cross-validation inside half A, over three splits. */
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
function examples(docs: PreparedDoc[], w: Weights, modelOf: VectorModelOf): Example[] {
  const restore = useWeights(w);
  try {
    return docs.flatMap((d) => {
      const gold = new Map<string, string>();
      for (const g of d.gold) if (!gold.has(normalizeName(g.text))) gold.set(normalizeName(g.text), g.type);
      const english = (d.options.lang ?? 'en') === 'en';
      const model = modelOf(d);
      const undo = model ? useVectorModel(model) : undefined;
      try {
        return clusterMentions(d.mentions, english).map((c) => ({ x: clusterValues(c, english), y: goldType(c, gold) }));
      } finally {
        undo?.();
      }
    });
  } finally {
    restore();
  }
}

/** Fits in rounds: cluster with the current weights, fit the softmax from the prior weights. */
function fitOn(docs: PreparedDoc[], start: Weights, l2: number, modelOf: VectorModelOf): Weights {
  let w = { ...start };
  for (let round = 0; round < ROUNDS; round++) w = fitSoftmax(examples(docs, w, modelOf), start, l2);
  return w;
}

/**
 * Ways of dealing half A's documents into two folds, for choosing the L2 strength: alternately one by one, two by
 * two and four by four, so that each split pairs other documents. With one split, a few of the 73 documents
 * decided the strength, and a neutral change to a feature could flip it and move every weight.
 */
const SPLITS = [1, 2, 4];

const splitOf = (a: PreparedDoc[], step: number): [PreparedDoc[], PreparedDoc[]] => [
  a.filter((_, i) => Math.floor(i / step) % 2 === 0),
  a.filter((_, i) => Math.floor(i / step) % 2 === 1),
];

/** Half A's two folds for the vector model's cross-fitting: even and odd positions. */
const foldsOf = (a: PreparedDoc[]): [PreparedDoc[], PreparedDoc[]] => splitOf(a, 1);

/** The L2 strength with the best objective, averaged over several two-fold splits of half A, each fold fitted on the other. */
function chooseL2(a: PreparedDoc[], start: Weights, modelOf: VectorModelOf): number {
  let best = L2_GRID[0] ?? 0.01;
  let bestScore = -Infinity;
  for (const l2 of L2_GRID) {
    let sum = 0;
    for (const step of SPLITS) {
      const folds = splitOf(a, step);
      sum += objective(evaluate(folds[1], fitOn(folds[0], start, l2, modelOf), modelOf)) +
        objective(evaluate(folds[0], fitOn(folds[1], start, l2, modelOf), modelOf));
    }
    const score = sum / (2 * SPLITS.length);
    say(`  l2 ${l2}: cross-validated objective ${score.toFixed(4)}`);
    if (score > bestScore) {
      bestScore = score;
      best = l2;
    }
  }
  return best;
}

/**
 * The vector model fitted on half A, and for each document of A the model fitted on the other fold of A.
 * Names are clustered with the prior weights and no vector evidence, so the shipped files play no part.
 */
function fitVectors(a: PreparedDoc[], start: Weights): { model: VectorModel; modelOf: VectorModelOf } {
  const plain = { ...start };
  for (const f of Object.values(VECTOR_FEATURES)) plain[f] = 0;
  const folds = foldsOf(a);
  const examples: [VectorExample[], VectorExample[]] = [vectorExamples(folds[0], plain), vectorExamples(folds[1], plain)];
  const l2 = chooseVectorL2(examples, say);
  const [first, second] = crossFitted(examples, l2).map(roundedVectorModel) as [VectorModel, VectorModel];
  const model = roundedVectorModel(fitVectorModel([...examples[0], ...examples[1]], l2));
  say(`vector model: l2 ${l2}, ${examples[0].length + examples[1].length} entities of half A`);
  const inFirst = new Set(folds[0]);
  const inSecond = new Set(folds[1]);
  return { model, modelOf: (d) => (inFirst.has(d) ? first : inSecond.has(d) ? second : model) };
}

/** The fitted typing weights and vector model. */
interface Fitted {
  w: Weights;
  model: VectorModel;
}

function fit(a: PreparedDoc[], b: PreparedDoc[], start: Weights): Fitted {
  const { model, modelOf } = fitVectors(a, start);
  const l2 = chooseL2(a, start, modelOf);
  const w = fitOn(a, start, l2, modelOf);
  say(`fit with l2 ${l2}: half A (cross-fitted vectors) ${fmt(evaluate(a, w, modelOf))}; half B ${fmt(evaluate(b, w, () => model))}`);
  return { w, model };
}

/** Half B's typed F1 with each feature switched off; features whose removal does not lower it are returned. */
function ablate(b: PreparedDoc[], w: Weights, model: VectorModel): FeatureName[] {
  const all = evaluate(b, w, () => model).f1;
  const idle: FeatureName[] = [];
  for (const f of FEATURE_NAMES) {
    const off = evaluate(b, { ...w, [f]: 0 }, () => model).f1;
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
 * (even line numbers) of ${data}, L2 towards the prior weights (training/entityPrior.ts) chosen by two-fold cross-validation in half A (three splits).
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

function writeVectorModel(model: VectorModel, command: string, data: string): void {
  const file = join(import.meta.dirname, '..', 'src', 'core', 'analyse', 'entities', 'vectorWeights.ts');
  const rows = model.weights.map((row) => `    ${JSON.stringify(row)},`).join('\n');
  writeFileSync(
    file,
    `/**
 * The vector model of the entity typing (vectors.ts); do not edit by hand.
 * Made by \`${command}\` (training/entities.ts, training/entityVectors.ts): a softmax over the types on the GloVe
 * vectors of each name and its surroundings, fitted on the entities of half A (even line numbers) of ${data}.
 */
import type { VectorModel } from './vectors.js';

/** How the model was made: the command and the data. */
export const VECTOR_PROVENANCE = ${JSON.stringify(`${command} on half A of ${data}`)};

/** The fitted softmax: a row of weights per type (person, organization, place, other) and their biases. */
export const VECTOR_MODEL: VectorModel = {
  dims: ${model.dims},
  weights: [
${rows}
  ],
  bias: ${JSON.stringify(model.bias)},
};
`,
  );
  say(`wrote ${file}`);
}

export async function run(args: string[]): Promise<void> {
  const file = wikigoldFile(args);
  const docs = await prepare(loadDocs(file));
  // --swap fits on half B and reports half A, so that a gain can be checked on both splits; it writes nothing,
  // and its lines call the half it fits on "half A".
  const swap = args.includes('--swap');
  const a = docs.filter((_, i) => i % 2 === (swap ? 1 : 0));
  const b = docs.filter((_, i) => i % 2 === (swap ? 0 : 1));
  say(`data: ${file} (${docs.length} documents; half A ${a.length}, half B ${b.length})`);
  say(`shipped: half A ${fmt(evaluate(a, WEIGHTS))}; half B ${fmt(evaluate(b, WEIGHTS))}`);
  const { w, model } = args.includes('--no-fit') ? { w: { ...WEIGHTS }, model: VECTOR_MODEL } : fit(a, b, PRIOR);
  const fa = evaluate(a, w, () => model);
  const fb = evaluate(b, w, () => model);
  say(`fitted: half A ${fmt(fa)}; half B ${fmt(fb)}`);
  say('half B without each feature:');
  const idle = ablate(b, w, model);
  say(`features that do not move half B (${idle.length}): ${idle.join(' ')}`);
  if (args.includes('--write') && !swap) {
    writeWeights(w, 'npm run train -- entities --write', 'data/ner/wikigold_docs.jsonl', fa, fb);
    writeVectorModel(model, 'npm run train -- entities --write', 'data/ner/wikigold_docs.jsonl');
  }
}
