/**
 * Two-stage block classifier: a logistic model over each block's own features gives a first
 * probability of being article text; a second model adds the neighbours' first-stage probabilities,
 * so a short line between article paragraphs and a long line amid a menu are judged by their context.
 */
import { LOCAL_FEATURES, type BlockStats, type LocalFeatures } from './features.js';

/** A standardised logistic model: weights apply to (x - mean) / scale. */
export interface LinearModel {
  kind: 'linear';
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * Boosted regression trees on the log-odds. Each tree is stored as parallel arrays over its nodes:
 * a node with feature -1 is a leaf holding `value`; otherwise x[feature] <= threshold goes to `left`.
 */
export interface TreeModel {
  kind: 'trees';
  base: number;
  trees: Array<{ feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }>;
}

/** One stage of the classifier. */
export type StageModel = LinearModel | TreeModel;

/** The two stages; the second reads the local features followed by {@link CONTEXT_FEATURES}. */
export interface BlockModel {
  local: StageModel;
  context: StageModel;
  /**
   * Names of the columns the stages were fitted on: the local features, then the context features.
   * A model fitted on other features than the code computes is refused rather than misread.
   */
  features: readonly string[];
}

/** Names of the context features, in the order {@link contextFeatures} returns them. */
export const CONTEXT_FEATURES = [
  'self', 'prev', 'next', 'prev2', 'next2', 'windowMean', 'windowMax', 'nearStrong', 'insideStrong', 'localStrongShare',
] as const;

const WINDOW = 3;
const NEAR = 10;

/** A tree model's nodes in typed arrays, all trees end to end, for fast evaluation. */
interface FlatTrees {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

const flattened = new WeakMap<TreeModel, FlatTrees>();

function flatten(model: TreeModel): FlatTrees {
  const cached = flattened.get(model);
  if (cached) return cached;
  const size = model.trees.reduce((n, t) => n + t.feature.length, 0);
  const flat: FlatTrees = {
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size),
  };
  let offset = 0;
  model.trees.forEach((tree, t) => {
    flat.roots[t] = offset;
    for (let k = 0; k < tree.feature.length; k++) {
      flat.feature[offset + k] = tree.feature[k]!;
      flat.threshold[offset + k] = tree.threshold[k]!;
      flat.left[offset + k] = tree.left[k]! + offset;
      flat.right[offset + k] = tree.right[k]! + offset;
      flat.value[offset + k] = tree.value[k]!;
    }
    offset += tree.feature.length;
  });
  flattened.set(model, flat);
  return flat;
}

/** Probability that a block with features x is article text. */
export function predict(model: StageModel, x: number[]): number {
  let z: number;
  if (model.kind === 'linear') {
    z = model.bias;
    for (let k = 0; k < model.weights.length; k++) {
      z += model.weights[k]! * (((x[k] ?? 0) - model.mean[k]!) / model.scale[k]!);
    }
  } else {
    const flat = flatten(model);
    z = model.base;
    for (let t = 0; t < flat.roots.length; t++) {
      let node = flat.roots[t]!;
      while (flat.feature[node]! >= 0) {
        node = (x[flat.feature[node]!] ?? 0) <= flat.threshold[node]! ? flat.left[node]! : flat.right[node]!;
      }
      z += flat.value[node]!;
    }
  }
  return 1 / (1 + Math.exp(-z));
}

/** A block that stands on its own as article prose, which anchors its neighbours. */
function isStrong(p: number, stats: BlockStats): boolean {
  return p >= 0.7 && stats.words >= 12;
}

/**
 * Features of each block's surroundings from the first-stage probabilities: neighbours, a
 * word-weighted window mean, the distance to the nearest strong block, and the share of strong-block
 * words near it.
 */
export function contextFeatures(stats: BlockStats[], p1: number[]): number[][] {
  const n = p1.length;
  const strong = p1.map((p, i) => isStrong(p, stats[i]!));
  const first = strong.indexOf(true);
  const last = strong.lastIndexOf(true);
  const nearest = distances(strong);
  let strongWords = 0;
  for (let i = 0; i < n; i++) if (strong[i]) strongWords += stats[i]!.words;
  const prefix = [0];
  for (let i = 0; i < n; i++) prefix.push(prefix[i]! + (strong[i] ? stats[i]!.words : 0));
  return p1.map((p, i) => {
    let sum = 0;
    let weight = 0;
    let max = 0;
    for (let k = Math.max(0, i - WINDOW); k <= Math.min(n - 1, i + WINDOW); k++) {
      if (k === i) continue;
      const w = Math.log1p(stats[k]!.words) + 0.5;
      sum += w * p1[k]!;
      weight += w;
      max = Math.max(max, p1[k]!);
    }
    const near = prefix[Math.min(n, i + NEAR + 1)]! - prefix[Math.max(0, i - NEAR)]!;
    return [
      p,
      p1[i - 1] ?? 0,
      p1[i + 1] ?? 0,
      p1[i - 2] ?? 0,
      p1[i + 2] ?? 0,
      weight > 0 ? sum / weight : 0,
      max,
      Math.log1p(Math.min(50, nearest[i]!)),
      first >= 0 && i >= first && i <= last ? 1 : 0,
      strongWords > 0 ? near / strongWords : 0,
    ];
  });
}

/** For each index, the distance to the nearest true entry (a large number when there is none). */
function distances(marks: boolean[]): number[] {
  const n = marks.length;
  const out = new Array<number>(n).fill(1e9);
  let lastSeen = -1e9;
  for (let i = 0; i < n; i++) {
    if (marks[i]) lastSeen = i;
    out[i] = i - lastSeen;
  }
  lastSeen = 1e9;
  for (let i = n - 1; i >= 0; i--) {
    if (marks[i]) lastSeen = i;
    out[i] = Math.min(out[i]!, lastSeen - i);
  }
  return out;
}

/** First-stage and final probabilities that each block is article text. */
export interface BlockScores {
  local: number[];
  final: number[];
}

/** The columns the code computes, in order: what a model's `features` must list. */
export const MODEL_FEATURES: readonly string[] = [...LOCAL_FEATURES, ...CONTEXT_FEATURES];

const checked = new WeakSet<BlockModel>();

/** Throws when a model was fitted on other features than the code computes (stale weights). */
function checkFeatures(model: BlockModel): void {
  if (checked.has(model)) return;
  const same =
    model.features.length === MODEL_FEATURES.length && model.features.every((name, k) => name === MODEL_FEATURES[k]);
  if (!same) throw new Error('the text cleaner\'s model was fitted on other features; refit with `npm run train -- paste`');
  checked.add(model);
}

const CALL_TO_ACTION = LOCAL_FEATURES.indexOf('callToAction');
/**
 * Share of a block's text in calls to action above which it is page furniture whatever the model
 * says. The fitted weight of the callToAction feature cannot learn this alone: the fitting pages hold
 * about ten prompts that read like sentences, against thousands of prose blocks with the same shape,
 * so a prompt between two paragraphs still scores as prose (test/core/extract/plain/callsToAction.test.ts).
 */
const CALL_TO_ACTION_SHARE = 0.5;

/**
 * True for a block (by its local feature vector) that is mostly a call to action: never article
 * text, and no bridge between paragraphs. The fitter applies it as {@link scoreBlocks} does.
 */
export function isCallToAction(x: number[]): boolean {
  return (x[CALL_TO_ACTION] ?? 0) >= CALL_TO_ACTION_SHARE;
}

/** Scores every block with both stages of the model. */
export function scoreBlocks(features: LocalFeatures, model: BlockModel): BlockScores {
  checkFeatures(model);
  const local = features.vectors.map((x) => (isCallToAction(x) ? 0 : predict(model.local, x)));
  const context = contextFeatures(features.stats, local);
  const final = features.vectors.map((x, i) =>
    isCallToAction(x) ? 0 : predict(model.context, [...x, ...context[i]!]),
  );
  return { local, final };
}
