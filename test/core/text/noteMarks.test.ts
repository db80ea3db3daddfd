import { describe, expect, it } from 'vitest';
import { withoutNoteMarks } from '../../../src/core/text/index.js';

describe('withoutNoteMarks', () => {
  it('drops note numbers, letters and maintenance tags set right after words', () => {
    expect(withoutNoteMarks('a rift within NATO.[3] Some agreed.[4][5] Others did not.[citation needed] Done in 1974.[a]')).toBe(
      'a rift within NATO. Some agreed. Others did not. Done in 1974.',
    );
    expect(withoutNoteMarks('the price,[6] which rose')).toBe('the price, which rose');
    expect(withoutNoteMarks('He said "no".[nb 1] Then')).toBe('He said "no". Then');
    expect(withoutNoteMarks('Background[edit]')).toBe('Background');
  });

  it('keeps brackets that are text: after a space, inside a word, after a bracket, or of other words', () => {
    for (const text of ['see [3] and option [a]', 'x[12]y', 'Markdown [Tim][1] and [link](https://example.com)', 'the ratio.[approx]']) {
      expect(withoutNoteMarks(text)).toBe(text);
    }
  });
});
