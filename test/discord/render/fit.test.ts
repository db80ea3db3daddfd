import { describe, expect, it } from 'vitest';
import { cutText, fitItems } from '../../../src/discord/render/fit.js';

describe('fitItems', () => {
  it('keeps the longest prefix of whole items that fits', () => {
    expect(fitItems(['aaa', 'bbb', 'ccc'], 7, ', ')).toEqual(['aaa']);
    expect(fitItems(['aaa', 'bbb', 'ccc'], 8, ', ')).toEqual(['aaa', 'bbb']);
    expect(fitItems(['aaaa'], 3, ', ')).toEqual([]);
  });
});

describe('cutText', () => {
  it('leaves text that fits alone', () => {
    expect(cutText('Short.', 10)).toBe('Short.');
  });

  it('cuts after the last whole sentence that fits', () => {
    expect(cutText('One sentence. Two sentences here. Three.', 35)).toBe('One sentence. Two sentences here.');
  });

  it('cuts a single long sentence between words, with an ellipsis', () => {
    const cut = cutText('a long sentence without any end in sight at all', 20);
    expect(cut).toBe('a long sentence…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('never leaves a dangling escape before the ellipsis', () => {
    expect(cutText('word\\ \\*more words here', 10)).toBe('word…');
  });
});
