import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS_BEFORE_NAME,
  ABBREVIATIONS_BEFORE_NUMBER,
  ABBREVIATIONS_END_OF_NAME,
  DOTTED_ABBREVIATIONS,
  STREET_ABBREVIATIONS,
} from '../../../src/core/text/abbreviations.js';
import { HONORIFICS, TITLES } from '../../../src/core/text/titles.js';

describe('the abbreviation lists', () => {
  it('sorts abbreviations by where they stand', () => {
    expect(ABBREVIATIONS_BEFORE_NAME.has('mr')).toBe(true);
    expect(ABBREVIATIONS_BEFORE_NUMBER.has('jan')).toBe(true);
    expect(ABBREVIATIONS_END_OF_NAME.has('inc')).toBe(true);
    expect(ABBREVIATIONS_END_OF_NAME.has('et al')).toBe(true);
    expect(DOTTED_ABBREVIATIONS.has('e.g')).toBe(true);
  });

  it('keeps every street abbreviation a title before a name as well', () => {
    for (const word of STREET_ABBREVIATIONS) expect(ABBREVIATIONS_BEFORE_NAME.has(word), word).toBe(true);
  });

  it('gives each word one place', () => {
    const kinds = [ABBREVIATIONS_BEFORE_NAME, ABBREVIATIONS_BEFORE_NUMBER, ABBREVIATIONS_END_OF_NAME, DOTTED_ABBREVIATIONS];
    const seen = kinds.flatMap((k) => [...k]);
    expect(seen.length).toBe(new Set(seen).size);
  });
});

describe('the title lists', () => {
  it('holds forms of address within the titles', () => {
    for (const word of HONORIFICS) expect(TITLES.has(word), word).toBe(true);
    expect(HONORIFICS.has('mrs')).toBe(true);
    expect(HONORIFICS.has('president')).toBe(false);
    expect(TITLES.has('president')).toBe(true);
  });

  it('lists as titles the abbreviations of common titles', () => {
    for (const word of ['mr', 'mrs', 'dr', 'prof', 'gov', 'sen', 'gen', 'capt', 'sgt']) {
      expect(TITLES.has(word), word).toBe(true);
      expect(ABBREVIATIONS_BEFORE_NAME.has(word), word).toBe(true);
    }
  });
});
