import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../../src/core/extract/plain/blocks.js';
import { contentsBlocks, withoutWikiFurniture } from '../../../../src/core/extract/plain/wikiFurniture.js';
import { analyseArticle } from '../../../../src/core/analyse/index.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import { RECIPE_STEPS, WIKI_PARAGRAPHS, WIKI_TITLE, wikiPaste } from './fixtures.js';

const all = (text: string) => {
  const blocks = splitBlocks(text);
  return { blocks, kept: blocks.map((_, i) => i) };
};
const texts = (text: string): string[] => {
  const { blocks, kept } = all(text);
  return withoutWikiFurniture(blocks, kept, contentsBlocks(blocks)).map((i) => blocks[i]!.text);
};

describe('withoutWikiFurniture', () => {
  it('drops a table of contents whose entries come again as headings, with its "Contents" line', () => {
    const text = ['Contents', '1 History', '2 Construction', '3 Legacy', '', 'History', '', 'It opened in 1932.', '', 'Construction', '', 'It took six years.', '', 'Legacy', '', 'It is still used.'].join('\n');
    expect(texts(text)).toEqual(['History', 'It opened in 1932.', 'Construction', 'It took six years.', 'Legacy', 'It is still used.']);
  });

  it('keeps a numbered list that names no later heading', () => {
    const steps = ['1 Preheat the oven to 180 degrees', '2 Mix the flour and the butter', '3 Bake for twenty minutes'];
    const { blocks } = all([...steps, '', 'Serve warm.'].join('\n'));
    expect(contentsBlocks(blocks).size).toBe(0);
    expect(texts([...steps, '', ...RECIPE_STEPS].join('\n'))).toEqual(splitBlocks([...steps, '', ...RECIPE_STEPS].join('\n')).map((b) => b.text));
  });

  it('drops a wiki\'s navigation notes', () => {
    const notes = [
      'This article is about the bridge in Riverton. For other uses, see Harbor Bridge (disambiguation).',
      '"Old Bridge" redirects here.',
      'Not to be confused with the Harbour Bridge in Sydney.',
      'Main article: Construction of the Harbor Bridge',
      'See also: List of bridges in Riverton',
    ];
    expect(texts([...notes, 'The bridge opened in 1932.'].join('\n\n'))).toEqual(['The bridge opened in 1932.']);
    // An article may say what it is about, when it does not send the reader elsewhere.
    expect(texts('This article is about how the bridge was built.\n\nIt took six years.')).toHaveLength(2);
  });

});

describe('cleanText on a wiki page pasted from a browser', () => {
  it('keeps the lead and the sections, and drops the contents, hatnote and pointers', () => {
    const article = cleanText(wikiPaste());
    const kept = article.blocks.map((b) => b.text);
    for (const paragraph of WIKI_PARAGRAPHS) expect(kept).toContain(paragraph);
    for (const gone of ['1 History', 'Main article: Construction of the Harbor Bridge']) expect(kept).not.toContain(gone);
    expect(kept.some((t) => t.startsWith('This article is about'))).toBe(false);
    expect(article.title).not.toMatch(/^\d/);
    expect([WIKI_TITLE, '']).toContain(article.title);
  });

  it('gives a digest without the references, the footer or the reference marks', () => {
    const digest = analyseArticle(cleanText(wikiPaste()), 'text:wiki');
    const kept = digest.article.blocks.map((b) => b.text);
    expect(kept).toContain(WIKI_PARAGRAPHS[1]!.replace('[2][3]', ''));
    expect(kept.some((t) => /^(?:References|\^ |Categories|Official website|This page was last edited)/.test(t))).toBe(false);
    expect(digest.entities.map((e) => e.name)).not.toContain('Smith');
  });
});
