import { describe, expect, it } from 'vitest';
import { buildLexicon, type LexiconPage } from '../../training/pasteLexicon.js';

/** A page of one article paragraph and one furniture line, with its own topic word. */
function page(topic: string, furniture: string[], article = ['the', 'council', 'said', topic]): LexiconPage {
  return { tokens: [furniture, article], labels: [0, 1] };
}

describe('buildLexicon', () => {
  const pages = ['budget', 'storm', 'election', 'match'].map((topic) => page(topic, ['subscribe', 'newsletter', topic === 'storm' ? 'cookies' : 'menu']));
  const lexicon = buildLexicon(pages);

  it('lists words that stand in the furniture of many sites as furniture', () => {
    expect(lexicon.subscribe).toBeGreaterThan(1);
    expect(lexicon.newsletter).toBeGreaterThan(1);
    expect(lexicon.menu).toBeGreaterThan(1);
  });

  it('leaves out article words and the words of too few pages', () => {
    expect(lexicon.said).toBeUndefined();
    expect(lexicon.council).toBeUndefined();
    expect(lexicon.cookies).toBeUndefined();
    expect(lexicon.storm).toBeUndefined();
  });

  it('counts one site\'s menu repeated down its page as one site', () => {
    const withShare = (times: number) =>
      pages.map((p, i) => ({ ...p, tokens: [[...p.tokens[0]!, ...Array<string>(i === 0 ? times : 1).fill('share')], [...p.tokens[1]!, 'share']] }));
    expect(buildLexicon(withShare(50)).share).toBe(buildLexicon(withShare(3)).share);
    expect(buildLexicon(withShare(3)).share).toBeGreaterThan(buildLexicon(withShare(1)).share ?? 0);
  });

  it('gives the same lexicon for the same pages', () => {
    expect(JSON.stringify(buildLexicon(pages))).toBe(JSON.stringify(lexicon));
  });
});
