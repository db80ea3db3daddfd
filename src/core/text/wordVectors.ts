/**
 * English word vectors (GloVe, built by scripts/build-word-vectors.ts): the answerer matches a question's words
 * with words of like meaning in the article, and the entity step reads what kind of thing a name and its
 * surroundings are like. Loaded on first use (11 MB); other languages have none, so their questions match words
 * exactly only and their names are typed without vectors.
 */
import { readFileSync } from 'node:fs';

/** The vectors of one language: a row per word, int8, with each row's inverse length. */
export interface WordVectors {
  dims: number;
  rows: Int8Array;
  inverseNorms: Float32Array;
  /** Row of each word. */
  index: ReadonlyMap<string, number>;
}

const FILES: Record<string, URL> = {
  en: new URL('./data/word-vectors.bin', import.meta.url),
};

const loaded = new Map<string, WordVectors | null>();

/** Reads the vector file's format (see the build script); throws on anything else. */
export function parseWordVectors(bytes: Buffer): WordVectors {
  if (bytes.toString('ascii', 0, 4) !== 'SKWV' || bytes.readUInt32LE(4) !== 1) throw new Error('not a word-vector file');
  const count = bytes.readUInt32LE(8);
  const dims = bytes.readUInt32LE(12);
  const textLength = bytes.readUInt32LE(16);
  const words = bytes.toString('utf8', 20, 20 + textLength).split('\n');
  const start = 20 + textLength;
  if (words.length !== count || bytes.length !== start + count * dims) throw new Error('truncated word-vector file');
  // A view, not a copy: the file's buffer is ours (readFileSync does not pool a read this large).
  const rows = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dims);
  const inverseNorms = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += rows[i * dims + d]! ** 2;
    inverseNorms[i] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
  return { dims, rows, inverseNorms, index: new Map(words.map((w, i) => [w, i])) };
}

/** The language's word vectors, or undefined when it has none (or its file cannot be read). */
export function wordVectorsFor(lang: string | undefined): WordVectors | undefined {
  const key = lang ?? '';
  if (!loaded.has(key)) {
    const file = FILES[key];
    let vectors: WordVectors | null = null;
    try {
      if (file) vectors = parseWordVectors(readFileSync(file));
    } catch {
      // A missing or damaged file: answer with exact matches only rather than fail every question.
      vectors = null;
    }
    loaded.set(key, vectors);
  }
  return loaded.get(key) ?? undefined;
}

/** Cosine similarity of two rows. */
export function rowSimilarity(v: WordVectors, a: number, b: number): number {
  const { dims, rows } = v;
  let sum = 0;
  for (let d = 0, i = a * dims, j = b * dims; d < dims; d++, i++, j++) sum += rows[i]! * rows[j]!;
  return sum * v.inverseNorms[a]! * v.inverseNorms[b]!;
}
