import { cosine, type TermVector } from '../../text/index.js';

/**
 * Centrality of sentences in a similarity graph: the pairwise cosine matrix, LexRank, degree and
 * centroid similarity. Matrices are row-major Float64Arrays, n x n.
 */

/** Damped PageRank over a weighted, undirected similarity graph (LexRank with continuous weights). */
export function lexRank(sim: Float64Array, n: number, damping = 0.85, iterations = 30): Float64Array {
  const rowSums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSums[i]! += sim[i * n + j]!;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < iterations; iter++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      const share = rowSums[j]! > 0 ? (damping * rank[j]!) / rowSums[j]! : 0;
      if (share === 0) {
        // A sentence with no neighbours spreads its weight evenly, so rank stays a distribution.
        for (let i = 0; i < n; i++) next[i]! += (damping * rank[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) next[i]! += share * sim[j * n + i]!;
    }
    rank = next;
  }
  return rank;
}

/** Sum of each sentence's similarities to the others. */
export function degreeCentrality(sim: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += sim[i * n + j]!;
  return out;
}

/** Similarity of each sentence to the article as a whole (MEAD-style centroid). */
export function centroidSimilarity(vectors: TermVector[]): Float64Array {
  const sum: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return Float64Array.from(vectors, (v) => cosine(v, sum) / norm);
}

/** Vectors as parallel arrays of term ids (ascending) and weights, for fast pairwise dot products. */
interface PackedVector {
  ids: Int32Array;
  weights: Float64Array;
}

function packVectors(vectors: TermVector[]): PackedVector[] {
  const ids = new Map<string, number>();
  return vectors.map((v) => {
    const entries = [...v].map(([t, w]): [number, number] => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return [id, w];
    });
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
  });
}

function dot(a: PackedVector, b: PackedVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Cosine similarities of every pair of unit-length vectors, as a row-major n x n matrix with a zero diagonal. */
export function similarityMatrix(vectors: TermVector[]): Float64Array {
  const n = vectors.length;
  const packed = packVectors(vectors);
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(packed[i]!, packed[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  return sim;
}
