import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.js';
import { traceAnswer } from '../../../src/core/answer/index.js';
import { articleIndex } from '../../../src/core/answer/articleIndex.js';
import { parseRelatedTerms, relatedTermsFor } from '../../../src/core/answer/relatedTerms.js';
import { softCoverage } from '../../../src/core/answer/softMatch.js';
import { matchForm } from '../../../src/core/answer/terms.js';
import { MODEL } from '../../../src/core/answer/weights.js';
import { rowSimilarity, wordVectorsFor } from '../../../src/core/text/index.js';
import type { Article } from '../../../src/core/types.js';

function similarity(a: string, b: string): number {
  const v = wordVectorsFor('en')!;
  return rowSimilarity(v, v.index.get(a)!, v.index.get(b)!);
}

function article(paragraphs: string[], lang = 'en'): Article {
  return { title: '', source: 'text', lang, blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })) };
}

describe('relatedTermsFor', () => {
  it('relates derived forms and synonyms by their match terms', () => {
    const related = relatedTermsFor('en');
    expect(related.get(matchForm('die', 'en'))).toContain(matchForm('death', 'en'));
    expect(related.get(matchForm('invent', 'en'))).toContain(matchForm('inventor', 'en'));
  });

  it('reads one term and its related terms a line, skipping blank lines', () => {
    expect(parseRelatedTerms('die death perish\n\nbuy purchas\n')).toEqual(
      new Map([
        ['die', ['death', 'perish']],
        ['buy', ['purchas']],
      ]),
    );
    expect(relatedTermsFor('fr').size).toBe(0);
  });
});

describe('softCoverage', () => {
  const digest = analyseArticle(
    article([
      'Tesla inadvertently faulted a power station generator, causing a power outage. The town was dark for an hour.',
      'Tesla liked pigeons. He fed them every day in the park.',
    ]),
    'test:soft',
  );
  const index = articleIndex(digest);
  const words = [
    { term: matchForm('accidentally', 'en'), word: 'accidentally' },
    { term: matchForm('tesla', 'en'), word: 'tesla' },
  ];

  it('counts a word itself as 1 and a word of like meaning as its similarity', () => {
    const c = softCoverage(index, words, [1, 1]);
    const alike = similarity('accidentally', 'inadvertently');
    expect(c.own[0]).toBeCloseTo((1 + alike) / 2, 5);
    expect(c.alike[0]).toBeCloseTo(alike / 2, 5);
    expect(c.own[2]).toBeCloseTo(0.5, 5);
    expect(c.alike[2]).toBe(0);
  });

  it('lends neighbours and the paragraph what the sentence lacks', () => {
    const c = softCoverage(index, words, [1, 1]);
    expect(c.own[1]).toBe(0);
    expect(c.window[1]).toBeCloseTo(c.own[0]!, 5);
    expect(c.block[1]).toBeCloseTo(c.own[0]!, 5);
    expect(c.block[3]).toBeCloseTo(0.5, 5);
  });

  it('matches exactly only in a language without vectors', () => {
    const french = analyseArticle(article(['Tesla a causé une panne par accident.'], 'fr'), 'test:soft:fr');
    const c = softCoverage(articleIndex(french), [{ term: 'involontair', word: 'involontairement' }], [1]);
    expect(c.own[0]).toBe(0);
  });

  it('lets a question find the sentence that says it in other words', () => {
    const outage = analyseArticle(
      article([
        'Tesla moved to Colorado Springs in 1899. His coil there threw sparks a metre long, and Tesla tested it at night.',
        'While experimenting, Tesla inadvertently faulted a power station generator and blacked out the town.',
      ]),
      'test:soft:outage',
    );
    const question = 'What did Tesla accidentally cause?';
    const literal = { ...MODEL, ranker: { ...MODEL.ranker, like: 0, likeOnly: 0, likeWindow: 0, likeBlock: 0, related: 0 } };
    expect(outage.sentences[traceAnswer(outage, question, { model: literal }).order[0]!]!.text).not.toContain('blacked out');
    expect(outage.sentences[traceAnswer(outage, question).order[0]!]!.text).toContain('blacked out');
  });
});
