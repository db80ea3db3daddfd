/**
 * A softmax model of an entity's type over the typing features, for fitting their weights. Each type's logit
 * is the sum of the weights of its features that fired (a name feature counts 1; a context feature 1 for its
 * first mention and a quarter for each further one, as typing.ts sums them; a vector feature the vector model's
 * probability of its type, over all the entity's mentions); "other" also gets the constant 1
 * that a type must reach in decideType. Fitted by full-batch gradient descent, pulled towards the starting
 * weights by an L2 penalty so that cues the data rarely shows keep their prior value.
 */
import type { EntityType } from '../src/core/types.js';
import { FEATURES, FEATURE_NAMES, VECTOR_FEATURES, contextFeatures, nameFeatures, type FeatureName } from '../src/core/analyse/entities/features.js';
import { softmax, vectorEvidence } from '../src/core/analyse/entities/vectors.js';
import { Adam } from './lib/rankFit.js';
import type { Cluster } from '../src/core/analyse/entities/merge.js';
import { normalizeName } from '../bench/lib/nerMetric.js';

/** One entity: its feature values and the type the gold data gives its name ("other" when none). */
export interface Example {
  x: Map<FeatureName, number>;
  y: EntityType;
}

const TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];
const TYPE_OF_GOLD: Record<string, EntityType> = { person: 'person', organization: 'organization', place: 'place' };

/** The feature values of a cluster. */
export function clusterValues(c: Cluster, english: boolean): Map<FeatureName, number> {
  const first = c.mentions[0];
  const x = new Map<FeatureName, number>();
  if (!first) return x;
  for (const f of nameFeatures(first.words, first.text, english)) x.set(f, 1);
  const counts = new Map<FeatureName, number>();
  for (const m of c.mentions) for (const f of contextFeatures(m)) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const [f, k] of counts) x.set(f, (x.get(f) ?? 0) + 1 + 0.25 * (k - 1));
  const p = english ? vectorEvidence(c.mentions) : undefined;
  if (p) for (const t of TYPES) x.set(VECTOR_FEATURES[t], p[t] ?? 0);
  return x;
}

/** The gold type of a cluster: the type of the first of its spellings the gold names hold, else "other". */
export function goldType(c: Cluster, gold: ReadonlyMap<string, string>): EntityType {
  for (const v of c.variants.keys()) {
    const t = gold.get(normalizeName(v));
    if (t) return TYPE_OF_GOLD[t] ?? 'other';
  }
  return 'other';
}

function logits(x: Map<FeatureName, number>, w: Record<FeatureName, number>): number[] {
  const z = TYPES.map((t) => (t === 'other' ? 1 : 0));
  for (const [f, v] of x) z[TYPES.indexOf(FEATURES[f])]! += w[f] * v;
  return z;
}

/** Mean cross-entropy of the examples under `w`. */
export function loss(examples: readonly Example[], w: Record<FeatureName, number>): number {
  let total = 0;
  for (const ex of examples) total -= Math.log(softmax(logits(ex.x, w))[TYPES.indexOf(ex.y)]! + 1e-12);
  return total / Math.max(1, examples.length);
}

/** Fits the weights from `start` by Adam on mean cross-entropy plus l2 times the squared distance from `start`. */
export function fitSoftmax(
  examples: readonly Example[],
  start: Readonly<Record<FeatureName, number>>,
  l2: number,
  epochs = 400,
): Record<FeatureName, number> {
  const index = new Map(FEATURE_NAMES.map((f, j) => [f, j]));
  const params = Float64Array.from(FEATURE_NAMES, (f) => start[f]);
  const grad = new Float64Array(FEATURE_NAMES.length);
  const adam = new Adam(FEATURE_NAMES.length, 0.05);
  const w = { ...start };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    FEATURE_NAMES.forEach((f, j) => {
      grad[j] = 2 * l2 * (params[j]! - start[f]);
    });
    for (const ex of examples) {
      const p = softmax(logits(ex.x, w));
      for (const [f, value] of ex.x) {
        const t = TYPES.indexOf(FEATURES[f]);
        const err = p[t]! - (TYPES[t] === ex.y ? 1 : 0);
        grad[index.get(f)!]! += (err * value) / examples.length;
      }
    }
    adam.step(params, grad);
    FEATURE_NAMES.forEach((f, j) => {
      w[f] = params[j]!;
    });
  }
  for (const f of FEATURE_NAMES) w[f] = Math.round(w[f] * 1000) / 1000;
  return w;
}
