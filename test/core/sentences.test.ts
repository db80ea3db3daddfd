import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences } from '../../src/core/sentences.js';
import type { Article } from '../../src/core/types.js';
import { HARD_CASES } from './sentenceCases.js';

describe('splitSentences', () => {
  it.each(HARD_CASES)('splits %s correctly', (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('uses the language for what may follow an abbreviation', () => {
    expect(splitSentences('Er wohnt in den U.S. Der Hund bellt.', 'de')).toEqual(['Er wohnt in den U.S.', 'Der Hund bellt.']);
    expect(splitSentences('Es gibt z.B. Äpfel. Sie sind rot.', 'de')).toEqual(['Es gibt z.B. Äpfel.', 'Sie sind rot.']);
  });

  it('returns no sentence for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});

describe('sentencesOf', () => {
  it('numbers sentences across blocks and gives headings none', () => {
    const article: Article = {
      title: 'T', source: 'text', lang: 'en',
      blocks: [
        { type: 'heading', text: 'A heading' },
        { type: 'paragraph', text: 'One. Two.' },
        { type: 'list-item', text: 'Three' },
        { type: 'preformatted', text: 'const x = 1;' },
      ],
    };
    expect(sentencesOf(article)).toEqual([
      { text: 'One.', block: 1, index: 0 },
      { text: 'Two.', block: 1, index: 1 },
      { text: 'Three', block: 2, index: 2 },
    ]);
  });
});
