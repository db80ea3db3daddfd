/**
 * The vector model of the entity typing (src/core/analyse/entities/vectors.ts): a softmax over the types on the
 * inputs vectorInputs gives each entity Skim finds in Wikigold, labelled with the type its name has in the gold
 * data ("other" when none). Fitted by full-batch Adam from zero with an L2 penalty whose strength is chosen by
 * two-fold cross-validation on log loss; no randomness, so the same data give the same model.
 *
 * The typing weights are fitted on the model's probabilities, so those must be what the model says of names it
 * has not seen: `crossFitted` gives each fold of half A the model fitted on the other fold.
 */
import type { EntityType } from '../src/core/types.js';
import { clusterMentions } from '../src/core/analyse/entities/merge.js';
import { useWeights } from '../src/core/analyse/entities/typing.js';
import type { FeatureName } from '../src/core/analyse/entities/features.js';
import { VECTOR_TYPES, vectorInputs, vectorProbabilities, type VectorModel } from '../src/core/analyse/entities/vectors.js';
import { wordVectorsFor } from '../src/core/text/wordVectors.js';
import { normalizeName } from '../bench/lib/nerMetric.js';
import { goldType } from './entityModel.js';
import { Adam } from './lib/rankFit.js';
import type { PreparedDoc } from './entityData.js';

/** One entity's inputs and the index of its gold type in VECTOR_TYPES. */
export interface VectorExample {
  x: Float64Array;
  y: number;
}

/** Candidate L2 strengths for the vector model. */
export const VECTOR_L2_GRID = [0.0001, 0.0003, 0.001, 0.003];
const EPOCHS = 600;
const RATE = 0.05;

const goldNames = (d: PreparedDoc): Map<string, string> => {
  const gold = new Map<string, string>();
  for (const g of d.gold) if (!gold.has(normalizeName(g.text))) gold.set(normalizeName(g.text), g.type);
  return gold;
};

/** The English documents' entities, clustered with `weights`, as examples for the vector model. */
export function vectorExamples(docs: readonly PreparedDoc[], weights: Readonly<Record<FeatureName, number>>): VectorExample[] {
  const restore = useWeights(weights);
  try {
    return docs.flatMap((d) => {
      if ((d.options.lang ?? 'en') !== 'en') return [];
      const gold = goldNames(d);
      return clusterMentions(d.mentions, true).flatMap((c) => {
        const x = vectorInputs(c.mentions);
        return x ? [{ x, y: VECTOR_TYPES.indexOf(goldType(c, gold) as EntityType) }] : [];
      });
    });
  } finally {
    restore();
  }
}

/** Fits the softmax from zero by Adam on mean cross-entropy plus `l2` times the squared weights (biases free). */
export function fitVectorModel(examples: readonly VectorExample[], l2: number, epochs = EPOCHS): VectorModel {
  const dims = wordVectorsFor('en')?.dims ?? 0;
  const n = 2 * dims + 2;
  const k = VECTOR_TYPES.length;
  const size = k * (n + 1);
  const w = new Float64Array(size);
  const adam = new Adam(size, RATE);
  const grad = new Float64Array(size);
  const count = Math.max(1, examples.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    const model = unpack(w, dims);
    for (const ex of examples) {
      const p = vectorProbabilities(ex.x, model);
      for (let t = 0; t < k; t++) {
        const err = ((p[t] ?? 0) - (t === ex.y ? 1 : 0)) / count;
        const row = t * (n + 1);
        for (let i = 0; i < n; i++) grad[row + i]! += err * ex.x[i]!;
        grad[row + n]! += err;
      }
    }
    for (let j = 0; j < size; j++) if (j % (n + 1) !== n) grad[j]! += 2 * l2 * w[j]!;
    adam.step(w, grad);
  }
  return unpack(w, dims);
}

function unpack(w: Float64Array, dims: number): VectorModel {
  const n = 2 * dims + 2;
  const rows = VECTOR_TYPES.map((_, t) => Array.from(w.subarray(t * (n + 1), t * (n + 1) + n)));
  return { dims, weights: rows, bias: VECTOR_TYPES.map((_, t) => w[t * (n + 1) + n]!) };
}

/** Mean cross-entropy of the examples under `model`. */
export function vectorLoss(examples: readonly VectorExample[], model: VectorModel): number {
  let total = 0;
  for (const ex of examples) total -= Math.log((vectorProbabilities(ex.x, model)[ex.y] ?? 0) + 1e-12);
  return total / Math.max(1, examples.length);
}

/** The L2 strength whose models, each fitted on one fold and scored on the other, have the least log loss. */
export function chooseVectorL2(folds: readonly [VectorExample[], VectorExample[]], say: (line: string) => void): number {
  let best = VECTOR_L2_GRID[0] ?? 0.01;
  let bestLoss = Infinity;
  for (const l2 of VECTOR_L2_GRID) {
    const loss = (vectorLoss(folds[1], fitVectorModel(folds[0], l2)) + vectorLoss(folds[0], fitVectorModel(folds[1], l2))) / 2;
    say(`  vector l2 ${l2}: cross-validated log loss ${loss.toFixed(4)}`);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = l2;
    }
  }
  return best;
}

/** For each fold, the model fitted on the other fold (so each document is typed by a model that never saw it). */
export function crossFitted(folds: readonly [VectorExample[], VectorExample[]], l2: number): [VectorModel, VectorModel] {
  return [fitVectorModel(folds[1], l2), fitVectorModel(folds[0], l2)];
}

/** The rounded model as the weights file stores it (4 significant digits). */
export function roundedVectorModel(model: VectorModel): VectorModel {
  const r = (x: number): number => +x.toPrecision(4);
  return { dims: model.dims, weights: model.weights.map((row) => row.map(r)), bias: model.bias.map(r) };
}
