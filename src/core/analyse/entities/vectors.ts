/**
 * What the word vectors say of a name's type. GloVe places "Korn" near other bands, "Kerrang" near magazines and
 * "Gascony" near other regions, and the words around a name ("toured", "signed", "village", "born") near
 * others of their kind, which reaches names that no gazetteer or cue list holds. A softmax over the types,
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

/** The type probabilities `model` gives inputs `x`, in VECTOR_TYPES order. */
export function vectorProbabilities(x: Float64Array, model: VectorModel = active): number[] {
  const z = model.weights.map((w, t) => {
    let s = model.bias[t] ?? 0;
    for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * x[i]!;
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * The vector model's type probabilities for a group of English mentions, by type; undefined without vectors
 * or when the shipped model was fitted on vectors of another size.
 */
export function vectorEvidence(mentions: readonly Mention[]): Partial<Record<EntityType, number>> | undefined {
  const x = vectorInputs(mentions);
  if (!x || x.length !== 2 * active.dims + 2) return undefined;
  const p = vectorProbabilities(x);
  return Object.fromEntries(VECTOR_TYPES.map((t, i) => [t, p[i] ?? 0]));
}
