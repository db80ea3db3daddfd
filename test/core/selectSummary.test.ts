import { describe, expect, it } from 'vitest';
import { rankSentences } from '../../src/core/analyse/summary/index.js';
import { selectSummary } from '../../src/core/selectSummary.js';
import { article, NEWS, paragraphs } from './analyse/summary/articles.js';

describe('selectSummary', () => {
  it('returns the top sentences in article order', () => {
    const r = rankSentences(NEWS);
    const summary = selectSummary(r, 3);
    const positions = summary.map((s) => r.sentences.findIndex((x) => x.text === s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(summary).toHaveLength(3);
  });

  it('never shows a sentence twice or a near-copy of one', () => {
    const lead = 'The council approved the new budget for the city library on Monday evening.';
    const r = rankSentences(article(paragraphs(
      lead,
      'The council approved the new budget for the city library on Monday night.',
      lead,
      'The library will open on Sundays from next month.',
      'Staff numbers will rise by four.',
    )));
    const summary = selectSummary(r, 3);
    expect(summary.filter((s) => s.startsWith('The council approved'))).toHaveLength(1);
    expect(new Set(summary).size).toBe(summary.length);
  });

  it('works from a cached ranking and keeps within the character limit', () => {
    const { sentences, ranking } = rankSentences(NEWS);
    const summary = selectSummary({ sentences, ranking }, 10, 250);
    expect(summary.join(' ').length).toBeLessThanOrEqual(250);
    expect(summary.length).toBeGreaterThan(0);
    expect(selectSummary({ sentences, ranking }, 100).length).toBe(sentences.length);
  });

  it('keeps every summary within 4096 characters by default', () => {
    const long = 'This sentence is long enough to count, and it goes on with many words about the same topic. ';
    const r = rankSentences(article(paragraphs(...Array.from({ length: 80 }, (_, i) => `${long.repeat(3)}Number ${i} closes it.`))));
    expect(selectSummary(r, 80).join('\n').length).toBeLessThanOrEqual(4096);
  });
});
