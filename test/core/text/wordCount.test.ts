import { describe, expect, it } from 'vitest';
import { countRunWords, countTokenWords, countWords, countWordsOfTexts, countWordsUpTo } from '../../../src/core/text/wordCount.js';
import { wordTokens } from '../../../src/core/text/stats.js';

/** Short texts in scripts written without spaces, and their word counts: half their letters, rounded. */
const CHINESE = '市议会周二投票决定重建旧港口的防波堤。'; // 18 Han characters -> 9 words
const JAPANESE = '市議会は火曜日、古い港の防波堤を再建することを決めた。'; // 25 Japanese characters -> 13 words
const THAI = 'สภาเมืองลงมติ ให้สร้างกำแพงท่าเรือใหม่'; // 37 Thai characters (marks included) -> 19 words

describe('countWords', () => {
  it('counts whitespace-separated words that hold a letter or digit', () => {
    expect(countWords('The council voted — 7 to 2 — on Tuesday.')).toBe(8);
    expect(countWords("Don't stop the state-of-the-art U.S. plan")).toBe(6);
    expect(countWords('  ')).toBe(0);
  });

  it('counts one word per two characters of Chinese, Japanese and Thai', () => {
    expect(countWords(CHINESE)).toBe(9);
    expect(countWords(JAPANESE)).toBe(13);
    expect(countWords(THAI)).toBe(19);
  });

  it('sums those characters over the text before rounding, wherever spaces fall', () => {
    expect(countWords('好。我。你。')).toBe(2);
    expect(countWords('好 我 你')).toBe(2);
    expect(countWords('東京 and 大阪')).toBe(3);
  });

  it('counts a single character of such a script as a word', () => {
    expect(countWords('好')).toBe(1);
  });
});

describe('countTokenWords', () => {
  it('counts each token of a spaced script as a word', () => {
    expect(countTokenWords(['don', 't', 'stop'])).toBe(3);
  });

  it('agrees with countWords on text in unspaced scripts, however it was cut', () => {
    expect(countTokenWords(['市议会周二投票决定', '重建旧港口的防波堤'])).toBe(countWords(CHINESE));
    expect(countTokenWords(['好', '我', '你'])).toBe(countWords('好。我。你。'));
  });
});

describe('countWordsUpTo', () => {
  it('gives countWords on text of any length', () => {
    const long = `${'word '.repeat(3000)}${CHINESE.repeat(400)} ${'more '.repeat(3000)}`;
    expect(countWordsUpTo(long)).toBe(countWords(long));
    expect(countWordsUpTo(JAPANESE.repeat(500))).toBe(countWords(JAPANESE.repeat(500)));
  });

  it('sums unspaced characters across the stretches it counts at a time', () => {
    // Each stretch holds an odd number of Han characters: rounding each stretch apart would overcount.
    const text = Array.from({ length: 2000 }, () => '好').join(' ');
    expect(countWordsUpTo(text)).toBe(1000);
  });

  it('stops once the limit is reached', () => {
    const huge = 'word '.repeat(1_000_000);
    expect(countWordsUpTo(huge, 30)).toBeGreaterThanOrEqual(30);
    expect(countWordsUpTo(huge, 30)).toBeLessThan(2000);
  });
});

describe('countRunWords', () => {
  it('counts the words of a spaced script as wordTokens cuts them', () => {
    const text = "Don't stop the state-of-the-art U.S. plan, 7 to 2.";
    expect(countRunWords(text)).toBe(wordTokens(text).length);
  });

  it('counts Chinese by characters, two a word, not by its bigrams', () => {
    expect(countRunWords('市议会周二投票决定重建旧港口的防波堤。')).toBe(9);
    expect(wordTokens('市议会周二投票决定重建旧港口的防波堤。')).toHaveLength(17);
  });
});

describe('countWordsOfTexts', () => {
  it('counts an article cut into blocks as the text joined, rounding unspaced text once', () => {
    const blocks = Array.from({ length: 10 }, () => '市议会。');
    expect(countWordsOfTexts(blocks)).toBe(countWords(blocks.join(' ')));
    expect(countWordsOfTexts(blocks)).toBe(15);
    expect(countWordsOfTexts(['The council met.', CHINESE])).toBe(3 + 9);
  });
});
