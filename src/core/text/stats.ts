import { createRequire } from 'node:module';
import { stopwordsFor } from './lang.js';
import { UNSPACED } from './scripts.js';
import { wordRuns } from './wordCount.js';

/**
 * Word statistics shared by the summarizer, entities and question answering: tokens, per-language stemming
 * and stopwords, TF-IDF vectors with cosine similarity, and BM25.
 */

const require = createRequire(import.meta.url);

/** A stemmer: one lowercase word in, its stem out. */
export type Stemmer = (word: string) => string;

/** A sparse term vector. */
export type TermVector = Map<string, number>;

/** natural's stemmer module for each language it has one for. */
const STEMMER_FILES: Record<string, string> = {
  en: 'porter_stemmer', es: 'porter_stemmer_es', fr: 'porter_stemmer_fr', de: 'porter_stemmer_de',
  it: 'porter_stemmer_it', nl: 'porter_stemmer_nl', no: 'porter_stemmer_no', pt: 'porter_stemmer_pt',
  ru: 'porter_stemmer_ru', sv: 'porter_stemmer_sv', uk: 'porter_stemmer_uk', fa: 'porter_stemmer_fa',
};

const identity: Stemmer = (w) => w;
const stemmers = new Map<string, Stemmer>();

/**
 * The stemmer for an ISO 639-1 language (natural's Snowball/Porter stemmers), memoised per word.
 * An unknown language gets the identity, so callers still work on plain lowercase words.
 */
export function stemmerFor(lang: string | undefined): Stemmer {
  const file = lang ? STEMMER_FILES[lang] : undefined;
  if (!file) return identity;
  let stemmer = stemmers.get(file);
  if (!stemmer) {
    const mod = require(`natural/lib/natural/stemmers/${file}.js`) as { stem(word: string): string };
    const cache = new Map<string, string>();
    stemmer = (word) => {
      let s = cache.get(word);
      if (s === undefined) {
        s = mod.stem(word);
        if (cache.size < 50_000) cache.set(word, s);
      }
      return s;
    };
    stemmers.set(file, stemmer);
  }
  return stemmer;
}

/**
 * Lowercase word tokens: runs of letters, digits and marks, split at apostrophes and hyphens
 * ("don't" gives "don", "t"; "state-of-the-art" four words). Text in scripts without spaces (see scripts.ts)
 * gives overlapping character bigrams.
 */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const runs = wordRuns(lower);
  if (!UNSPACED.test(lower)) return runs;
  return runs.flatMap((run) => {
    if (!UNSPACED.test(run)) return [run];
    const chars = [...run];
    if (chars.length === 1) return [run];
    return chars.slice(1).map((c, i) => chars[i]! + c);
  });
}

function isNumber(token: string): boolean {
  const c = token.charCodeAt(0);
  // Cheap test first: most tokens start with a letter.
  return (c < 0x80 ? c >= 48 && c <= 57 : true) && /^\p{N}+$/u.test(token);
}

/**
 * The content terms of a text: word tokens without the language's stopwords, numbers or one-letter words,
 * stemmed. With an unknown language nothing is dropped but numbers and single letters, and IDF is left
 * to discount function words.
 */
export function contentTerms(text: string, lang: string | undefined): string[] {
  const stop = stopwordsFor(lang);
  const stem = stemmerFor(lang);
  const out: string[] = [];
  for (const token of wordTokens(text)) {
    if (token.length < 2 || stop.has(token) || isNumber(token)) continue;
    out.push(stem(token));
  }
  return out;
}

/** Counts of each term. */
export function termCounts(terms: readonly string[]): TermVector {
  const counts: TermVector = new Map();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Smoothed inverse document frequencies, `ln(1 + N / df)`, over a collection of term lists. */
export function inverseDocumentFrequencies(docs: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + docs.length / n));
  return idf;
}

/** A TF-IDF vector (raw counts times IDF), normalised to unit length. */
export function tfidfVector(terms: readonly string[], idf: ReadonlyMap<string, number>): TermVector {
  const v: TermVector = new Map();
  let norm = 0;
  for (const [t, count] of termCounts(terms)) {
    const w = count * (idf.get(t) ?? 0);
    if (w === 0) continue;
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine similarity of two sparse vectors (a dot product when both are unit length, as tfidfVector's are). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

/** BM25 parameters; the defaults are the usual ones. */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** A BM25 index over a fixed collection of term lists. */
export interface Bm25Index {
  /** The BM25 score of every document for the query terms. */
  scores(query: readonly string[]): number[];
}

/** Builds a BM25 index (Robertson–Spärck Jones IDF, floored at a small positive value). */
export function bm25Index(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const counts = docs.map(termCounts);
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(docs.length, 1) || 1;
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string): number => {
    const d = df.get(t) ?? 0;
    return Math.max(Math.log((n - d + 0.5) / (d + 0.5) + 1), 1e-3);
  };
  return {
    scores(query) {
      const unique = [...new Set(query)];
      return counts.map((c, i) => {
        const norm = k1 * (1 - b + (b * docs[i]!.length) / avgLength);
        let score = 0;
        for (const t of unique) {
          const tf = c.get(t);
          if (tf) score += (idf(t) * tf * (k1 + 1)) / (tf + norm);
        }
        return score;
      });
    },
  };
}
