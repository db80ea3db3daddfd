import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences, stripDateline } from '../../../src/core/analyse/sentences.js';
import type { Article } from '../../../src/core/types.js';
import { HARD_CASES } from './sentenceCases.js';

describe('splitSentences', () => {
  it.each(HARD_CASES)('splits %s correctly', (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('uses the language for what may follow an abbreviation', () => {
    expect(splitSentences('Er wohnt in den U.S. Der Hund bellt.', 'de')).toEqual(['Er wohnt in den U.S.', 'Der Hund bellt.']);
    expect(splitSentences('Es gibt z.B. Äpfel. Sie sind rot.', 'de')).toEqual(['Es gibt z.B. Äpfel.', 'Sie sind rot.']);
  });

  it.each([
    ['FCC v. Pacifica Foundation was decided. It stands.', ['FCC v. Pacifica Foundation was decided.', 'It stands.']],
    ['The war (1700–21, Sweden v. Russia and allies) ended.', ['The war (1700–21, Sweden v. Russia and allies) ended.']],
    ['Smith vs. Jones went on. It ended.', ['Smith vs. Jones went on.', 'It ended.']],
    ['He prayed the psalm (Ps. 31:5) and slept.', ['He prayed the psalm (Ps. 31:5) and slept.']],
    ['Compare Matt. 5:3 with Luke 6:20. They differ.', ['Compare Matt. 5:3 with Luke 6:20.', 'They differ.']],
    ['In 1939, c. 1,300,000 people lived there.', ['In 1939, c. 1,300,000 people lived there.']],
    ['Einstein (b. 1879, d. 1955) won.', ['Einstein (b. 1879, d. 1955) won.']],
    ['See Fig. 3, pp. 12-14 and Vol. II for more. Fig. S1 too.', ['See Fig. 3, pp. 12-14 and Vol. II for more.', 'Fig. S1 too.']],
    ['Work by Jones et al. 1998 and Cohn, Jr. (2002) agrees.', ['Work by Jones et al. 1998 and Cohn, Jr. (2002) agrees.']],
    ['Army Spc. Caleb Barnes and Gen. Mark Milley met Lt. Dan.', ['Army Spc. Caleb Barnes and Gen. Mark Milley met Lt. Dan.']],
    ['It was built ca. 1200 and is approx. 30 m tall.', ['It was built ca. 1200 and is approx. 30 m tall.']],
  ])('keeps %j whole at its abbreviations', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it.each([
    ['He was No. 1. The team was not.', ['He was No. 1.', 'The team was not.']],
    ['He said No. That was all.', ['He said No.', 'That was all.']],
    ['It was cited by Smith et al. The team agreed.', ['It was cited by Smith et al.', 'The team agreed.']],
    ['I met Al. He was nice.', ['I met Al.', 'He was nice.']],
    ['She lives on Main St. The house is old.', ['She lives on Main St.', 'The house is old.']],
  ])('still ends %j at an abbreviation that closes a sentence', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it.each([
    ['He shouted "Stop!" and left.', ['He shouted "Stop!" and left.']],
    ['He shouted, “Stop! Thief!” and ran.', ['He shouted, “Stop! Thief!” and ran.']],
    ["'I can't breathe! I can't breathe!' he screams.", ["'I can't breathe! I can't breathe!' he screams."]],
    ['"Stop! Thief!" He ran.', ['"Stop! Thief!"', 'He ran.']],
    ['"Stop!" He left.', ['"Stop!"', 'He left.']],
    ['She asked "Why?" Nobody answered.', ['She asked "Why?"', 'Nobody answered.']],
  ])('treats the quoted cry in %j as part of its sentence only', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('still splits a long quotation at its inner sentence ends', () => {
    expect(splitSentences('"We played well today! The fans were brilliant all season," he said.')).toEqual([
      '"We played well today!',
      'The fans were brilliant all season," he said.',
    ]);
  });

  it('reads a number or dash opening a wrapped line of prose as part of the sentence, not as a list item', () => {
    const wrapped = 'The committee met on Tuesday and voted to raise the limit from 1 to\n2. The vote surprised everyone.';
    expect(splitSentences(wrapped)).toEqual([
      'The committee met on Tuesday and voted to raise the limit from 1 to 2.',
      'The vote surprised everyone.',
    ]);
    const dashed = 'The plan, agreed after a long night of talks in the capital,\n- to the surprise of many - passed.';
    expect(splitSentences(dashed)).toEqual(['The plan, agreed after a long night of talks in the capital, - to the surprise of many - passed.']);
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
