import { describe, expect, it } from 'vitest';
import { documentSets, isContiguousPart, normalizeName, scoreNer } from '../../bench/lib/nerMetric.js';

describe('normalizeName', () => {
  it('lowercases, strips surrounding punctuation and a possessive, collapses spaces', () => {
    expect(normalizeName("  Germany's ")).toBe('germany');
    expect(normalizeName('"Bank  of England",')).toBe('bank of england');
    expect(normalizeName('U.S.')).toBe('u.s');
    expect(normalizeName('Dennis’s')).toBe('dennis');
  });
});

describe('isContiguousPart', () => {
  it('accepts a shorter contiguous run of tokens and rejects gaps or equal length', () => {
    expect(isContiguousPart(['wilder'], ['dennis', 'wilder'])).toBe(true);
    expect(isContiguousPart(['bank', 'england'], ['bank', 'of', 'england'])).toBe(false);
    expect(isContiguousPart(['a', 'b'], ['a', 'b'])).toBe(false);
  });
});

describe('documentSets', () => {
  it('folds a name into a longer one of the same type only', () => {
    const sets = documentSets([
      { text: 'Dennis Wilder', type: 'person' },
      { text: 'Wilder', type: 'person' },
      { text: 'England', type: 'place' },
      { text: 'Bank of England', type: 'organization' },
    ]);
    expect([...sets.typed].sort()).toEqual(['organization\tbank of england', 'person\tdennis wilder', 'place\tengland']);
    expect([...sets.untyped].sort()).toEqual(['bank of england', 'dennis wilder']);
  });

  it('leaves misc and other names out', () => {
    const sets = documentSets([
      { text: 'Japanese', type: 'misc' },
      { text: 'Olympics', type: 'other' },
    ]);
    expect(sets.typed.size).toBe(0);
    expect(sets.untyped.size).toBe(0);
  });
});

describe('scoreNer', () => {
  it('counts typed and untyped matches per document', () => {
    const scores = scoreNer([
      {
        gold: [
          { text: 'Dennis Wilder', type: 'person' },
          { text: 'Paris', type: 'place' },
          { text: 'Acme Inc.', type: 'organization' },
        ],
        predicted: [
          { text: 'Dennis Wilder', type: 'person' },
          { text: 'Wilder', type: 'person' },
          { text: 'Paris', type: 'person' },
          { text: 'Nowhere', type: 'place' },
        ],
      },
    ]);
    // typed: dennis wilder matches; paris (person) and nowhere are false positives; paris (place), acme are missed
    expect(scores.typed).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(scores.typed.precision).toBeCloseTo(1 / 3);
    expect(scores.typed.recall).toBeCloseTo(1 / 3);
    // untyped: dennis wilder and paris match
    expect(scores.untyped).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(scores.perType.person).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(scores.perType.place).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(scores.perType.organization.f1).toBe(0);
  });

  it('sums counts over documents (micro average)', () => {
    const doc = { gold: [{ text: 'Paris', type: 'place' }], predicted: [{ text: 'Paris', type: 'place' }] };
    const empty = { gold: [{ text: 'Rome', type: 'place' }], predicted: [] };
    const scores = scoreNer([doc, empty]);
    expect(scores.typed).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(scores.typed.f1).toBeCloseTo(2 / 3);
  });
});
