import { describe, expect, it } from 'vitest';
import { defaultMessage, NotAnArticleError, textInputMessage } from '../../src/core/errors.js';

describe('textInputMessage', () => {
  it('words a missing article for a paste rather than a page', () => {
    expect(textInputMessage('NOT_AN_ARTICLE')).toBe('There is too little article text in that paste to summarize.');
    expect(textInputMessage('NOT_AN_ARTICLE')).not.toMatch(/page/);
  });

  it('falls back to the default sentence for codes with no text wording', () => {
    expect(textInputMessage('BUSY')).toBe(defaultMessage('BUSY'));
  });

  it('leaves the default page wording of NotAnArticleError unchanged', () => {
    expect(new NotAnArticleError().message).toBe('No article text was found on that page.');
    expect(new NotAnArticleError(textInputMessage('NOT_AN_ARTICLE')).code).toBe('NOT_AN_ARTICLE');
  });
});
