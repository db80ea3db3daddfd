import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.js';
import { splitSentences } from '../../../src/core/analyse/sentences.js';
import type { Article } from '../../../src/core/types.js';
import { STORY_PARAGRAPHS } from '../extract/plain/pasteForms.js';

describe('analyseArticle on a long block', () => {
  it('cuts a story pasted as one line between sentences, never inside one', () => {
    // Three copies with their sentences told apart: about 7,000 characters on one line.
    const text = [1, 2, 3].map((n) => STORY_PARAGRAPHS.map((p) => p.replace(/\.( |$)/g, ` (part ${n}).$1`)).join(' ')).join(' ');
    const article: Article = { title: '', source: 'text', lang: 'en', blocks: [{ type: 'paragraph', text }] };
    const digest = analyseArticle(article, 'text:test');
    expect(digest.sentences.map((s) => s.text)).toEqual(splitSentences(text, 'en'));
  });
});

describe('analyseArticle on a wiki article', () => {
  const article: Article = {
    title: 'Oil crisis[edit]',
    source: 'html',
    lang: 'en',
    blocks: [
      { type: 'heading', text: 'Background[edit]' },
      {
        type: 'paragraph',
        text: 'The crisis created a rift within NATO.[3] Several European nations agreed with the embargo.[4][5] Others did not.[citation needed] Prices fell again in 1974.[a]',
      },
    ],
  };

  it('drops the reference and edit marks, so that the sentences come apart', () => {
    const digest = analyseArticle(article, 'html:test');
    expect(digest.sentences.map((s) => s.text)).toEqual([
      'The crisis created a rift within NATO.',
      'Several European nations agreed with the embargo.',
      'Others did not.',
      'Prices fell again in 1974.',
    ]);
    expect(digest.article.title).toBe('Oil crisis');
    expect(digest.article.blocks.map((b) => b.text)).toEqual(['Background', expect.stringMatching(/^The crisis created a rift within NATO\. Several/)]);
  });
});
