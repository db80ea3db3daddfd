import { describe, expect, it } from 'vitest';
import { highlightsToLines, lcsIndices, rougeScores, rougeTokens } from '../../bench/lib/rouge.js';
import { nltkPorterStem } from '../../bench/lib/nltkPorter.js';

describe('nltkPorterStem', () => {
  it('stems as NLTK does, including its irregular forms and extensions', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'tie', running: 'run', hopping: 'hop', agreed: 'agre',
      relational: 'relat', happy: 'happi', enjoy: 'enjoy', dying: 'die', news: 'news', skies: 'sky',
      generalization: 'gener', controlling: 'control', constructor: 'constructor', valueof: 'valueof',
    };
    for (const [word, stem] of Object.entries(cases)) expect(nltkPorterStem(word), word).toBe(stem);
  });
});

describe('rougeTokens', () => {
  it('lowercases, splits on anything outside [a-z0-9] and stems only tokens longer than 3 characters', () => {
    expect(rougeTokens("U.S. Gov. Smith's dogs ran, running!")).toEqual(['u', 's', 'gov', 'smith', 's', 'dog', 'ran', 'run']);
    expect(rougeTokens('Café naïve')).toEqual(['caf', 'na', 've']);
  });
});

describe('rougeScores', () => {
  it('gives 1 for identical texts', () => {
    const s = rougeScores('the cat sat on the mat', 'the cat sat on the mat');
    expect([s.rouge1.f, s.rouge2.f, s.rougeLsum.f]).toEqual([1, 1, 1]);
  });

  it('counts clipped unigram and bigram overlaps (hand-computed)', () => {
    const s = rougeScores('the cat was found under the bed', 'the cat was under the bed');
    expect(s.rouge1.precision).toBe(1);
    expect(s.rouge1.recall).toBeCloseTo(6 / 7, 12);
    expect(s.rouge1.f).toBeCloseTo(12 / 13, 12);
    expect(s.rouge2.precision).toBeCloseTo(4 / 5, 12);
    expect(s.rouge2.recall).toBeCloseTo(4 / 6, 12);
    expect(s.rouge2.f).toBeCloseTo(8 / 11, 12);
  });

  it('computes summary-level union LCS as in the ROUGE paper example', () => {
    // Lin (2004), section 3.2: union LCS of r with c1, c2 is w1 w2 w3 w5.
    const s = rougeScores('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5');
    expect(s.rougeLsum.recall).toBeCloseTo(4 / 5, 12);
    expect(s.rougeLsum.precision).toBeCloseTo(4 / 10, 12);
    expect(s.rougeLsum.f).toBeCloseTo(8 / 15, 12);
  });

  it('does not count a token twice across reference sentences', () => {
    // Both reference lines match the single "a" of the candidate; only one hit may count.
    const s = rougeScores('a x\na y', 'a z');
    expect(s.rougeLsum.recall).toBeCloseTo(1 / 4, 12);
    expect(s.rougeLsum.precision).toBeCloseTo(1 / 2, 12);
  });

  it('scores an empty prediction as zero', () => {
    const s = rougeScores('the cat', '');
    expect([s.rouge1.f, s.rouge2.f, s.rougeLsum.f]).toEqual([0, 0, 0]);
  });
});

describe('lcsIndices', () => {
  it('reads out the same LCS as rouge-score when several are equally long', () => {
    expect(lcsIndices(['a', 'b', 'c'], ['b', 'a', 'c'])).toEqual([0, 2]);
  });
});

describe('highlightsToLines', () => {
  it('puts each " . "-separated highlight on its own line', () => {
    expect(highlightsToLines('First one . Second one .')).toBe('First one\nSecond one .');
  });
});
