import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../../src/core/extract/plain/analyse.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import { splitBlocks } from '../../../../src/core/extract/plain/blocks.js';
import { LOCAL_FEATURES, localFeatures } from '../../../../src/core/extract/plain/features.js';
import { lexiconOf } from '../../../../src/core/extract/plain/lexicon.js';
import { MODEL } from '../../../../src/core/extract/plain/weights.js';
import { NEWSLETTER_PARAGRAPHS, newsletterPaste } from './fixtures.js';

const LEXICON = LOCAL_FEATURES.indexOf('lexicon');
const FURNITURE = new Map([
  ['subscribe', 3],
  ['newsletter', 2],
]);
const TEXT = 'Subscribe to our newsletter\nThe council approved the budget for the new bridge on Tuesday evening.';

describe('the lexicon feature', () => {
  it('is the mean of the block\'s words\' furniture log-odds', () => {
    const { vectors } = localFeatures(splitBlocks(TEXT), new Set(['to', 'our', 'the']), FURNITURE);
    expect(vectors[0]![LEXICON]).toBeCloseTo((3 + 2) / 4);
    expect(vectors[1]![LEXICON]).toBe(0);
  });

  it('is read with a language\'s stopwords, never by the language-independent model', () => {
    expect(analyseText(TEXT, true, FURNITURE).features.vectors[0]![LEXICON]).toBeGreaterThan(1);
    expect(analyseText(TEXT, false, FURNITURE).features.vectors[0]![LEXICON]).toBe(0);
  });
});

describe('lexiconOf', () => {
  it('lists furniture words of the fitting pages and no article words', () => {
    const lexicon = lexiconOf(MODEL);
    expect(lexicon.get('newsletter')).toBeGreaterThan(1);
    expect(lexicon.get('subscribe')).toBeGreaterThan(1);
    expect(lexicon.get('said')).toBeUndefined();
    expect(lexicon.get('the')).toBeUndefined();
    expect(lexiconOf(MODEL)).toBe(lexicon);
  });
});

describe('cleanText with the lexicon', () => {
  it('keeps an article whose topic is the furniture\'s words, and drops the furniture', () => {
    expect(cleanText(newsletterPaste()).blocks.map((b) => b.text)).toEqual(NEWSLETTER_PARAGRAPHS);
  });
});
