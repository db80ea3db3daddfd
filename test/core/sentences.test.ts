import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences, stripDateline } from '../../src/core/sentences.js';
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

describe('stripDateline', () => {
  it.each([
    ['(CNN)They may not be here.', 'They may not be here.'],
    ['New Delhi, India (CNN)As the earth shook, people ran.', 'As the earth shook, people ran.'],
    ['LONDON, England (Reuters) -- Prices rose.', 'Prices rose.'],
    ['WASHINGTON — The Senate voted.', 'The Senate voted.'],
  ])('removes the dateline from %j', (text, expected) => {
    expect(stripDateline(text)).toBe(expected);
  });

  it.each(['The (CNN) show aired.', 'NASA — the agency — said so.', 'Mr Smith (AP) said.'])('leaves %j alone', (text) => {
    expect(stripDateline(text)).toBe(text);
  });

  it('applies to the first sentence of an article only', () => {
    const article: Article = {
      title: '', source: 'text', lang: 'en',
      blocks: [{ type: 'paragraph', text: '(CNN)A storm hit. Later (CNN)Nothing else happened.' }],
    };
    expect(sentencesOf(article).map((s) => s.text)).toEqual(['A storm hit.', 'Later (CNN)Nothing else happened.']);
  });
});
