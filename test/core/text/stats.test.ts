import { describe, expect, it } from 'vitest';
import {
  bm25Index, contentTerms, cosine, inverseDocumentFrequencies, stemmerFor, termCounts, tfidfVector, wordTokens,
} from '../../../src/core/text/stats.js';

describe('wordTokens', () => {
  it('lowercases and splits at punctuation, apostrophes and hyphens', () => {
    expect(wordTokens("Don't stop: State-of-the-art, 2.5bn!")).toEqual(['don', 't', 'stop', 'state', 'of', 'the', 'art', '2', '5bn']);
  });

  it('cuts text in scripts without spaces into character bigrams', () => {
    expect(wordTokens('東京タワー')).toEqual(['東京', '京タ', 'タワ', 'ワー']);
  });
});

describe('stemmerFor', () => {
  it('stems each language with its own stemmer', () => {
    expect(stemmerFor('en')('running')).toBe('run');
    expect(stemmerFor('de')('häuser')).toBe('haus');
    expect(stemmerFor('ru')('кошки')).toBe('кошк');
  });

  it('leaves words alone for a language without a stemmer', () => {
    expect(stemmerFor('xx')('running')).toBe('running');
    expect(stemmerFor(undefined)('running')).toBe('running');
  });
});

describe('contentTerms', () => {
  it('drops stopwords, numbers and single letters, then stems', () => {
    expect(contentTerms('The cats are running in 2015, a race!', 'en')).toEqual(['cat', 'run', 'race']);
  });

  it('uses the stopwords and stemmer of the text language', () => {
    expect(contentTerms('Die Häuser stehen am Fluss und die Kinder spielen.', 'de')).toEqual(['haus', 'steh', 'fluss', 'kind', 'spiel']);
  });

  it('keeps every word of an unknown language except numbers and single letters', () => {
    expect(contentTerms('Ang mga bata ay naglalaro sa 3 parke.', undefined)).toEqual(['ang', 'mga', 'bata', 'ay', 'naglalaro', 'sa', 'parke']);
  });
});

describe('tfidfVector and cosine', () => {
  const docs = [['cat', 'sat', 'mat'], ['cat', 'dog'], ['dog', 'bone']];
  const idf = inverseDocumentFrequencies(docs);

  it('weighs a rare term above a common one', () => {
    expect(idf.get('sat')!).toBeGreaterThan(idf.get('cat')!);
  });

  it('makes unit vectors whose cosine is 1 with themselves and 0 without shared terms', () => {
    const a = tfidfVector(docs[0]!, idf);
    const c = tfidfVector(docs[2]!, idf);
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(a, c)).toBe(0);
    expect(cosine(a, tfidfVector(docs[1]!, idf))).toBeGreaterThan(0);
  });

  it('counts terms', () => {
    expect([...termCounts(['a', 'b', 'a'])]).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('bm25Index', () => {
  it('ranks documents with the query terms first and prefers the shorter of two equal matches', () => {
    const index = bm25Index([['cat', 'sat'], ['dog', 'ran'], ['cat', 'sat', 'on', 'the', 'long', 'mat']]);
    const [short, none, long] = index.scores(['cat']);
    expect(none).toBe(0);
    expect(short!).toBeGreaterThan(long!);
    expect(long!).toBeGreaterThan(0);
  });

  it('scores an empty query as zero everywhere', () => {
    expect(bm25Index([['a'], ['b']]).scores([])).toEqual([0, 0]);
  });
});
