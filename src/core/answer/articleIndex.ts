import type { Digest } from '../types.js';
import { entityMatcher, type EntityMatcher } from './entityMatch.js';
import { numericMarkers, type Marker } from './markers.js';
import { stemmerFor } from '../text/index.js';
import { bigramsOf, casedWords, matchForm, matchTerms } from './terms.js';
import { vectorWords, type VectorWords } from './softMatch.js';

/** A term's occurrences: the documents (sentences or blocks) it is in and how often. */
export interface Posting {
  doc: number;
  count: number;
}

/** What BM25 needs of a collection of documents. */
export interface Collection {
  postings: Map<string, Posting[]>;
  lengths: number[];
  avgLength: number;
}

/**
 * What answering needs about an article, computed once per digest: each sentence's terms (with an inverted
 * index for BM25), the entities and numbers it mentions, and where it stands.
 */
export interface ArticleIndex extends Collection {
  lang: string | undefined;
  /** Stemmed match terms of each sentence, entity keys (`#<entity>`) included. */
  terms: string[][];
  /** The same as sets, and each term's positions. */
  termSets: Set<string>[];
  positions: Map<string, number[]>[];
  /** Sentences in which each term occurs. */
  df: Map<string, number>;
  /** The same statistics with each block (paragraph) as one document. */
  blocks: Collection & { terms: Set<string>[] };
  /** Index into `blocks` of each sentence's block. */
  blockOf: number[];
  /** Each sentence's length in terms, log-scaled so that 50 terms give 1. */
  logLengths: number[];
  /** Whether a sentence opens with a word that points back (a pronoun, "This"), so it leans on the one before. */
  anaphoric: boolean[];
  /** Person, place, number, date... spans of each sentence. */
  markers: Marker[][];
  /** Every word of each sentence, stopwords included, lowercased and stemmed: for phrase matching. */
  stems: string[][];
  /** Adjacent pairs of those, joined by a space. */
  bigrams: Set<string>[];
  entities: EntityMatcher;
  /** How far into the article each sentence starts, 0..1 by characters. */
  offsets: number[];
  /** The words of each sentence that have word vectors, for matching words of like meaning. */
  vectors: VectorWords;
}

const cache = new WeakMap<Digest, ArticleIndex>();

/** Openers that point back to the sentence before; only English has a list. */
const ANAPHORS: Record<string, ReadonlySet<string>> = {
  en: new Set(['he', 'she', 'it', 'they', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'such', 'there', 'both']),
};

function opensWithAnaphor(text: string, lang: string | undefined): boolean {
  const first = text.match(/\p{L}+/u)?.[0]?.toLowerCase();
  return first !== undefined && (ANAPHORS[lang ?? '']?.has(first) ?? false);
}

/** The key that stands for an entity among a sentence's terms, so any spelling of it matches any other. */
export function entityKey(entity: number): string {
  return `#${entity}`;
}

/** The digest's index, built on first use and kept as long as the digest lives. */
export function articleIndex(digest: Digest): ArticleIndex {
  let index = cache.get(digest);
  if (!index) {
    index = buildIndex(digest);
    cache.set(digest, index);
  }
  return index;
}

function buildIndex(digest: Digest): ArticleIndex {
  const lang = digest.article.lang;
  const matcher = entityMatcher(digest.entities);
  const terms: string[][] = [];
  const markers: Marker[][] = [];
  const stems: string[][] = [];
  const stem = stemmerFor(lang);
  for (const s of digest.sentences) {
    const cased = casedWords(s.text);
    const hits = matcher.find(cased);
    const own = matchTerms(s.text, lang);
    for (const h of hits) own.push(entityKey(h.entity));
    terms.push(own);
    stems.push(cased.map((w) => matchForm(w.toLowerCase(), lang, stem)));
    markers.push([
      ...hits.map((h) => ({
        kind: digest.entities[h.entity]!.type,
        words: cased.slice(h.start, h.start + h.length).map((w) => w.toLowerCase()),
        at: h.start,
      })),
      ...numericMarkers(cased, lang),
    ]);
  }
  const postings = invert(terms);
  const df = new Map<string, number>();
  for (const [t, p] of postings) df.set(t, p.length);
  const lengths = terms.map((t) => t.length);
  const blockIds = new Map<number, number>();
  const blockTerms: string[][] = [];
  const blockOf = digest.sentences.map((s, i) => {
    let b = blockIds.get(s.block);
    if (b === undefined) {
      b = blockTerms.length;
      blockIds.set(s.block, b);
      blockTerms.push([]);
    }
    blockTerms[b]!.push(...terms[i]!);
    return b;
  });
  const blockLengths = blockTerms.map((t) => t.length);
  const total = digest.sentences.reduce((n, s) => n + s.text.length + 1, 0) || 1;
  let at = 0;
  const offsets = digest.sentences.map((s) => {
    const offset = at / total;
    at += s.text.length + 1;
    return offset;
  });
  return {
    lang,
    terms,
    termSets: terms.map((t) => new Set(t)),
    positions: terms.map(positionsOf),
    postings,
    lengths,
    avgLength: mean(lengths),
    df,
    blocks: { postings: invert(blockTerms), lengths: blockLengths, avgLength: mean(blockLengths), terms: blockTerms.map((t) => new Set(t)) },
    blockOf,
    logLengths: lengths.map((l) => Math.log1p(l) / Math.log(50)),
    anaphoric: digest.sentences.map((s) => opensWithAnaphor(s.text, lang)),
    markers,
    stems,
    bigrams: stems.map(bigramsOf),
    entities: matcher,
    offsets,
    vectors: vectorWords(digest.sentences, lang),
  };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length) || 1;
}

/** Term -> the documents it occurs in, with counts. */
function invert(docs: readonly (readonly string[])[]): Map<string, Posting[]> {
  const postings = new Map<string, Posting[]>();
  docs.forEach((list, doc) => {
    const counts = new Map<string, number>();
    for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, count] of counts) {
      const p = postings.get(t);
      if (p) p.push({ doc, count });
      else postings.set(t, [{ doc, count }]);
    }
  });
  return postings;
}

function positionsOf(terms: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const list = out.get(t);
    if (list) list.push(i);
    else out.set(t, [i]);
  });
  return out;
}
