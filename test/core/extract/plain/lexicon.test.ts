import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../../src/core/extract/plain/analyse.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import { splitBlocks } from '../../../../src/core/extract/plain/blocks.js';
import { LOCAL_FEATURES, localFeatures } from '../../../../src/core/extract/plain/features.js';
import { lexiconOf } from '../../../../src/core/extract/plain/lexicon.js';
import { MODEL } from '../../../../src/core/extract/plain/weights.js';

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
  const ARTICLE = [
    'Publishers once fought for a spot on the home page. Now they fight for a place in your inbox and your podcast app, where readers subscribe once and come back every day.',
    'The shift started when social media stopped sending traffic. Newsletters gave editors a direct line to readers, and podcasts gave them an hour of attention on the commute.',
    'Subscriptions to newsletters at large publishers doubled between 2019 and 2023, according to the study, and podcast downloads rose by a third.',
    'Advertisers followed: a newsletter sponsorship now costs more per reader than a banner ad on the site, the report said.',
    'Critics say the model favours big brands, since readers only subscribe to a handful of newsletters and follow a few podcasts.',
  ];
  const PASTE = [
    'Home\nNews\nSport\nPodcasts\nNewsletters\nSign in\nSubscribe',
    'Why podcasts and email newsletters are the new front page',
    'By Jane Doe | March 3, 2024',
    ARTICLE.join('\n'),
    'Share this article\nFacebook Twitter Email\nRelated stories\nCopyright 2024 News Ltd. All rights reserved.\nPrivacy policy | Terms | Cookie settings',
  ].join('\n\n');

  it('keeps an article whose topic is the furniture\'s words, and drops the furniture', () => {
    expect(cleanText(PASTE).blocks.map((b) => b.text)).toEqual(ARTICLE);
  });
});
