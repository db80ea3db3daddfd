import { describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE, type Answer } from '../../../src/core/answer/index.js';
import { renderAnswer } from '../../../src/discord/render/answer.js';

const passage = (text: string, paragraph: number, percent: number) => ({ sentences: [text], position: { index: 0, paragraph, percent } });

describe('renderAnswer', () => {
  it('quotes each passage with where it stands, escaped', () => {
    const answer: Answer = { found: true, passages: [passage('It costs **$48 million**.', 1, 12), passage('Ask <@123456789012345678>.', 4, 60)], answer: [] };
    expect(renderAnswer(answer)).toBe(
      '> It costs \\*\\*$48 million\\*\\*.\n-# Paragraph 2, about 12% of the way into the article\n> Ask \\<@123456789012345678>.\n-# Paragraph 5, about 60% of the way into the article',
    );
  });

  it('says the article does not say when nothing answers', () => {
    expect(renderAnswer({ found: false, passages: [], answer: [] })).toBe(NOT_FOUND_MESSAGE);
    expect(renderAnswer({ found: false, passages: [], answer: [] }, { title: 'Story' })).toBe(`**Story**\n${NOT_FOUND_MESSAGE}`);
  });

  it('keeps whole passages within the limit', () => {
    const long = Array.from({ length: 10 }, (_, i) => passage(`${'word '.repeat(60)}${i}.`, i, i * 10));
    const text = renderAnswer({ found: true, passages: long, answer: [] }, { max: 1000 });
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.split('\n').filter((l) => l.startsWith('> ')).every((l) => /\d\.$/.test(l))).toBe(true);
  });
});
