import { describe, expect, it } from 'vitest';
import { plainInline, splitBlocks } from '../../../../src/core/extract/plain/blocks.js';

const summary = (text: string) => splitBlocks(text).map((b) => [b.marker, b.text]);

describe('splitBlocks list markers', () => {
  it('keeps a hard-wrapped paragraph whole when a wrapped line begins with a number and a full stop', () => {
    const text = [
      'The council met on Tuesday evening to decide how the budget should be',
      'split between the two districts, and the final count was three to',
      '2. Members then left the chamber without taking any more questions',
      'from the press, who had waited outside for most of the afternoon.',
    ].join('\n');
    expect(summary(text)).toEqual([['none', text.replace(/\n/g, ' ')]]);
  });

  it('reads "2." as text when it continues a paragraph wrapped line by line', () => {
    const text = [
      'The mayor said on Friday that the city had counted the votes twice and found',
      '2. This was more than the rules allowed, and the count was started again',
    ].join('\n');
    expect(splitBlocks(text).every((b) => b.marker === 'none')).toBe(true);
    expect(splitBlocks(text).map((b) => b.text).join(' ')).toContain('found 2. This was');
  });

  it('reads a wrapped line beginning with a dash as part of its sentence', () => {
    const text = [
      'The plan, agreed after a long night of talks in the capital city,',
      '- to the surprise of many observers - passed with a comfortable margin.',
    ].join('\n');
    expect(summary(text)).toEqual([['none', text.replace(/\n/g, ' ')]]);
  });

  it('still reads numbered steps after a heading line as list items', () => {
    expect(summary('Steps\n1. Mix the flour and the eggs.\n2. Bake for twenty minutes.\n3. Serve warm.')).toEqual([
      ['none', 'Steps'],
      ['list', 'Mix the flour and the eggs.'],
      ['list', 'Bake for twenty minutes.'],
      ['list', 'Serve warm.'],
    ]);
  });

  it('still reads items after a sentence ending in a colon, or after a blank line, as list items', () => {
    const intro = 'You will need the following things for this recipe, which serves four:';
    expect(summary(`${intro}\n- flour\n- two eggs`)).toEqual([['none', intro], ['list', 'flour'], ['list', 'two eggs']]);
    const prose = 'The committee published its findings on Monday after a year of work and';
    expect(summary(`${prose}\n\n1. More money for schools`)).toEqual([['none', prose], ['list', 'More money for schools']]);
  });

  it('keeps a wrapped list item going until the next item', () => {
    expect(summary('1. Mix the flour and the eggs in a large bowl until the batter is\nsmooth and\n2. Bake it')).toEqual([
      ['list', 'Mix the flour and the eggs in a large bowl until the batter is smooth and'],
      ['list', 'Bake it'],
    ]);
  });
});

describe('plainInline', () => {
  it('keeps the text of links and drops images, emphasis, strike-through and code marks', () => {
    expect(plainInline('See [the plan](https://example.com/p "Plan") and [notes][1] ![map](m.png)here.')).toBe(
      'See the plan and notes here.',
    );
    expect(plainInline('**Bold** and __strong__, *soft* and _light_, ~~old~~ and `code`.')).toBe(
      'Bold and strong, soft and light, old and code.',
    );
  });

  it('leaves a wiki\'s run of note marks for the analysis to drop, rather than reading it as a reference link', () => {
    expect(plainInline('to share the cost.[2][3] Work began')).toBe('to share the cost.[2][3] Work began');
  });

  it('leaves asterisks and underscores that are not markup alone', () => {
    expect(plainInline('5*3*2 is 30, snake_case_name stays, and a footnote* too')).toBe(
      '5*3*2 is 30, snake_case_name stays, and a footnote* too',
    );
  });
});
