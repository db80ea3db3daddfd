/**
 * What the word vectors say of a name's type. GloVe places "Korn" near other bands, "Liberace" near other
 * entertainers and "Buddhism" near other faiths, and the words around a name ("toured", "converted", "village")
 * near others of their kind, which reaches names that no gazetteer or cue list holds. A softmax over the types,
 * fitted by `npm run train -- entities` (training/entityVectors.ts), reads two averages: of the name's words and
 * of the words around its mentions. Its probabilities enter the typing model as four named features
 * (features.ts), each with its fitted weight. English only: the other languages have no vectors.
 */
import { wordVectorsFor, type WordVectors } from '../../text/index.js';
import type { EntityType } from '../../types.js';
import type { Mention } from './mention.js';
import { VECTOR_MODEL } from './vectorWeights.js';

/** The types in the order of the model's rows. */
export const VECTOR_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

/** A softmax over VECTOR_TYPES: per type, a weight for each input and a bias. */
export interface VectorModel {
  /** Dimensions of the word vectors the model was fitted on. */
  dims: number;
  weights: number[][];
  bias: number[];
}

/** The context words that count: letters only, three or more, as the vector file keeps them. */
const CONTEXT_WORD = /^\p{L}{3,}$/u;

let active: VectorModel = VECTOR_MODEL;

/** Types with another vector model until the returned function is called (the fit's cross-fitting). */
export function useVectorModel(model: VectorModel): () => void {
  const before = active;
  active = model;
  return () => {
    active = before;
  };
}

/** Adds the mean vector of the words that have one at `out[at..]`; returns false when none has. */
function addMean(v: WordVectors, words: Iterable<string>, out: Float64Array, at: number): boolean {
  let count = 0;
  for (const w of words) {
    const row = v.index.get(w.toLowerCase());
    if (row === undefined) continue;
    count++;
    for (let d = 0, i = row * v.dims; d < v.dims; d++, i++) out[at + d]! += v.rows[i]! * v.inverseNorms[row]!;
  }
  if (count === 0) return false;
  for (let d = 0; d < v.dims; d++) out[at + d]! /= count;
  return true;
}

function* contextWords(mentions: readonly Mention[]): Iterable<string> {
  for (const m of mentions) {
    for (const w of m.before) if (CONTEXT_WORD.test(w)) yield w;
    for (const w of m.after) if (CONTEXT_WORD.test(w)) yield w;
  }
}

/**
 * The model's inputs for a group of mentions of one name: the mean unit vector of the name's words, a flag
 * when none of them has a vector, the mean of the words around its mentions, and a flag when none has.
 * Undefined when the language has no vectors.
 */
export function vectorInputs(mentions: readonly Mention[], lang = 'en'): Float64Array | undefined {
  const v = wordVectorsFor(lang);
  const first = mentions[0];
  if (!v || !first) return undefined;
  const x = new Float64Array(2 * v.dims + 2);
  if (!addMean(v, first.words, x, 0)) x[v.dims] = 1;
  if (!addMean(v, contextWords(mentions), x, v.dims + 1)) x[2 * v.dims + 1] = 1;
  return x;
}

/** The softmax of logits, in place. */
export function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  let sum = 0;
  for (let t = 0; t < z.length; t++) sum += z[t] = Math.exp(z[t]! - max);
  for (let t = 0; t < z.length; t++) z[t]! /= sum;
  return z;
}

/** The type probabilities `model` gives inputs `x`, in VECTOR_TYPES order. */
export function vectorProbabilities(x: Float64Array, model: VectorModel = active): number[] {
  return softmax(model.weights.map((w, t) => {
    let s = model.bias[t] ?? 0;
    for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * x[i]!;
    return s;
  }));
}

/**
 * Each word's share of the logits, worked out once per word and model: the model is linear in the two means,
 * so a name's logits are the mean of its words' shares, and no mention multiplies a whole vector.
 * `name[row * 4 + t]` and `context[row * 4 + t]` are the word's logit shares as a name word and a context word.
 */
interface Projections {
  model: VectorModel;
  done: Uint8Array;
  name: Float64Array;
  context: Float64Array;
}

/** Per model, so that the fit's cross-fitted models, swapped document by document, keep theirs. */
const projectionsByModel = new WeakMap<VectorModel, Projections>();

function projectionsFor(v: WordVectors, model: VectorModel): Projections {
  let p = projectionsByModel.get(model);
  if (!p || p.done.length !== v.index.size) {
    const n = v.index.size;
    p = { model, done: new Uint8Array(n), name: new Float64Array(n * 4), context: new Float64Array(n * 4) };
    projectionsByModel.set(model, p);
  }
  return p;
}

function project(v: WordVectors, p: Projections, row: number): void {
  const scale = v.inverseNorms[row]!;
  for (let t = 0; t < 4; t++) {
    const w = p.model.weights[t] ?? [];
    let name = 0;
    let context = 0;
    for (let d = 0, i = row * v.dims; d < v.dims; d++, i++) {
      const x = v.rows[i]! * scale;
      name += (w[d] ?? 0) * x;
      context += (w[v.dims + 1 + d] ?? 0) * x;
    }
    p.name[row * 4 + t] = name;
    p.context[row * 4 + t] = context;
  }
  p.done[row] = 1;
}

/**
 * Adds to `z` the mean of the words' shares on one side, or, when no word has a vector, each type's weight on
 * that side's missing flag (input `flag`).
 */
function addShares(v: WordVectors, p: Projections, words: Iterable<string>, side: 'name' | 'context', flag: number, z: number[]): void {
  const sum = [0, 0, 0, 0];
  let count = 0;
  for (const w of words) {
    const row = v.index.get(w.toLowerCase());
    if (row === undefined) continue;
    if (!p.done[row]) project(v, p, row);
    count++;
    for (let t = 0; t < 4; t++) sum[t]! += p[side][row * 4 + t]!;
  }
  for (let t = 0; t < 4; t++) z[t]! += count ? sum[t]! / count : (p.model.weights[t]?.[flag] ?? 0);
}

/**
 * The vector model's type probabilities for a group of English mentions, by type; undefined without vectors
 * or when the shipped model was fitted on vectors of another size. The same as vectorProbabilities of
 * vectorInputs, summed word by word.
 */
export function vectorEvidence(mentions: readonly Mention[]): Partial<Record<EntityType, number>> | undefined {
  const v = wordVectorsFor('en');
  const first = mentions[0];
  if (!v || !first || v.dims !== active.dims) return undefined;
  const p = projectionsFor(v, active);
  const z = active.bias.slice(0, 4);
  addShares(v, p, first.words, 'name', v.dims, z);
  addShares(v, p, contextWords(mentions), 'context', 2 * v.dims + 1, z);
  const probabilities = softmax(z);
  return Object.fromEntries(VECTOR_TYPES.map((t, i) => [t, probabilities[i] ?? 0]));
}
