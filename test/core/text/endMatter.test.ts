import { describe, expect, it } from 'vitest';
import { endMatterStart } from '../../../src/core/text/index.js';

describe('endMatterStart', () => {
  it('finds the references, notes or external links heading after the text', () => {
    expect(endMatterStart(['It opened in 1932.', 'References[edit]', '^ "Bridge opens". Gazette. 1932.'])).toBe(1);
    expect(endMatterStart(['It opened in 1932.', 'It is still used.', 'External links', 'Official website'])).toBe(2);
    expect(endMatterStart(['It opened in 1932.', 'Further reading'])).toBe(1);
  });

  it('is the number of blocks when there is none, and never the first block', () => {
    expect(endMatterStart(['It opened in 1932.', 'It is still used.'])).toBe(2);
    expect(endMatterStart(['Notes', 'The notes of the meeting were lost.'])).toBe(2);
    // The words in a sentence are no heading.
    expect(endMatterStart(['It opened in 1932.', 'See also the older bridge upriver.'])).toBe(2);
  });
});
