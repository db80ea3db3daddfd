import { describe, expect, it } from 'vitest';
import { NotAnArticleError } from '../../../../src/core/errors.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import { looksLikeHtml } from '../../../../src/core/decode/index.js';
import type { Article } from '../../../../src/core/types.js';
import {
  CLEAN_MARKDOWN,
  CLEAN_PROSE,
  FRENCH_PARAGRAPHS,
  FRENCH_TITLE,
  JAPANESE_PARAGRAPHS,
  NEWS_PARAGRAPHS,
  NEWS_TITLE,
  RECIPE_INGREDIENTS,
  RECIPE_STEPS,
  commentsPaste,
  frenchPaste,
  japanesePaste,
  newsPaste,
  recipePaste,
  teaserPaste,
} from './fixtures.js';

const texts = (a: Article) => a.blocks.map((b) => b.text);
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the input's words found, in order of appearance, among the article's title and blocks. */
function keptShare(input: string, article: Article): number {
  const kept = new Map<string, number>();
  for (const w of words([article.title, ...texts(article)].join(' '))) kept.set(w, (kept.get(w) ?? 0) + 1);
  // List numbers and other Markdown markers are markup, not words of the text.
  const all = words(input.replace(/^[ \t]*(?:#{1,6}|[-*+]|\d+[.)])[ \t]+/gm, ''));
  let found = 0;
  for (const w of all) {
    const n = kept.get(w) ?? 0;
    if (n > 0) {
      found++;
      kept.set(w, n - 1);
    }
  }
  return found / all.length;
}

describe('cleanText on pastes from web pages', () => {
  it('keeps the article paragraphs and drops the menu, share bar, teasers, cookie notice and footer', () => {
    const article = cleanText(newsPaste());
    expect(texts(article)).toEqual(NEWS_PARAGRAPHS);
    expect(article.source).toBe('text');
    expect(article.lang).toBe('en');
  });

  it('finds the heading-like line above the article as its title', () => {
    expect(cleanText(newsPaste()).title).toBe(NEWS_TITLE);
  });

  it('takes a headline with a share bar\'s word as the title when it announces the article', () => {
    const headline = 'Facebook Users Cheer as Council Backs Bicycle Lanes';
    expect(cleanText(newsPaste().replace(NEWS_TITLE, headline)).title).toBe(headline);
  });

  it('takes a headline that opens with a number as the title', () => {
    const headline = '10 Things to Know About the Council Plan for Bicycle Lanes';
    expect(cleanText(newsPaste().replace(NEWS_TITLE, headline)).title).toBe(headline);
  });

  it('takes a headline that holds a year as the title, and still skips the dateline under it', () => {
    const headline = 'The 2024 Bicycle Plan Wins the Council Vote';
    expect(cleanText(newsPaste().replace(NEWS_TITLE, headline)).title).toBe(headline);
  });

  it('takes no dateline for a title when the paste has no headline', () => {
    const paste = newsPaste().replace(NEWS_TITLE, '').replace('March 4, 2024 7:15 pm ET', 'Updated March 4, 2024 at 7:15 pm ET');
    expect(cleanText(paste).title).toBe('');
  });

  it('keeps a recipe whose body is mostly lists, ingredients included', () => {
    const kept = texts(cleanText(recipePaste()));
    for (const line of [...RECIPE_INGREDIENTS, ...RECIPE_STEPS]) expect(kept).toContain(line);
    expect(kept).not.toContain('Print Recipe');
    expect(kept).not.toContain('Politics');
  });

  it('keeps the main article only when teasers of other articles follow it', () => {
    const kept = texts(cleanText(teaserPaste()));
    expect(kept).toEqual(NEWS_PARAGRAPHS);
  });

  it('stops before the comments that follow the article', () => {
    const kept = texts(cleanText(commentsPaste()));
    expect(kept).toEqual(NEWS_PARAGRAPHS);
  });

  it('cleans a French paste with French stopwords and finds its title', () => {
    const article = cleanText(frenchPaste());
    expect(article.lang).toBe('fr');
    expect(texts(article)).toEqual(FRENCH_PARAGRAPHS);
    expect(article.title).toBe(FRENCH_TITLE);
  });

  it('falls back to language-independent signals for a language written without spaces', () => {
    const article = cleanText(japanesePaste());
    expect(article.lang).toBe('ja');
    expect(texts(article)).toEqual(JAPANESE_PARAGRAPHS);
  });

  it('uses the title given in the options', () => {
    expect(cleanText(newsPaste(), { title: 'Given', url: 'https://example.com/a' })).toMatchObject({
      title: 'Given',
      url: 'https://example.com/a',
    });
  });
});

describe('cleanText on text that is already clean', () => {
  it('keeps all of a few paragraphs of prose', () => {
    const article = cleanText(CLEAN_PROSE);
    expect(keptShare(CLEAN_PROSE, article)).toBeGreaterThanOrEqual(0.98);
    expect(article.blocks.every((b) => b.type === 'paragraph')).toBe(true);
  });

  it('keeps Markdown whole, with headings, list items and joined paragraphs', () => {
    const article = cleanText(CLEAN_MARKDOWN);
    expect(keptShare(CLEAN_MARKDOWN, article)).toBeGreaterThanOrEqual(0.98);
    expect(article.title).toBe('How to Repot a Houseplant');
    expect(article.blocks).toContainEqual({ type: 'heading', text: 'What you need' });
    expect(article.blocks).toContainEqual({ type: 'list-item', text: 'Fresh potting mix' });
    expect(article.blocks).toContainEqual({
      type: 'list-item',
      text: 'Water the plant a day before, so that the root ball holds together.',
    });
    const first = article.blocks[0]!;
    expect(first.type).toBe('paragraph');
    expect(first.text).toMatch(/^Most houseplants need a bigger pot every year or two\. If roots .* time to repot\.$/);
  });

  it('joins prose wrapped at a fixed width into paragraphs', () => {
    const text =
      'The quarterly numbers came in this morning and they are better than we\n' +
      'expected. Sales in the northern region grew by twelve percent, mostly\n' +
      'because of the new product line that we launched in the spring.\n\n' +
      'We will discuss the details at the meeting on Friday. Please bring your\n' +
      'own figures so that we can compare them with the forecast.';
    expect(cleanText(text).blocks).toEqual([
      { type: 'paragraph', text: text.split('\n\n')[0]!.replace(/\n/g, ' ') },
      { type: 'paragraph', text: text.split('\n\n')[1]!.replace(/\n/g, ' ') },
    ]);
  });

  it('keeps a single short paragraph', () => {
    const text = 'The museum will be closed on Monday for repairs to the roof.';
    expect(texts(cleanText(text))).toEqual([text]);
  });
});

describe('cleanText when nothing is an article', () => {
  it('throws NotAnArticleError for empty text, punctuation and a bare menu', () => {
    expect(() => cleanText('')).toThrow(NotAnArticleError);
    expect(() => cleanText('  \n\n \t ')).toThrow(NotAnArticleError);
    expect(() => cleanText('... --- !!! ???\n* * *\n')).toThrow(NotAnArticleError);
    expect(() => cleanText('Home\nWorld\nPolitics\nBusiness\nSports\nContact Us\nPrivacy Policy')).toThrow(
      NotAnArticleError,
    );
  });
});

describe('cleanText error wording', () => {
  it('tells a short paste that it holds too little article text, without speaking of a page', () => {
    const error = (() => {
      try {
        cleanText('Hello there');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NotAnArticleError);
    expect(error).toMatchObject({ code: 'NOT_AN_ARTICLE', message: 'There is too little article text in that paste to summarize.' });
  });

  it('keeps the page wording for text fetched from a URL', () => {
    expect(() => cleanText('Hello there', { url: 'https://example.com/a.txt' })).toThrow('No article text was found on that page.');
  });
});

describe('cleanText on hostile input', () => {
  it('reads a single line of a million characters whole, without cutting it', () => {
    const line = 'The river rose again this week. '.repeat(30_000).trim();
    expect(texts(cleanText(line))).toEqual([line]);
  });

  it('handles binary junk without crashing', () => {
    const bytes = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    try {
      cleanText(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(NotAnArticleError);
    }
  });

  it('handles right-to-left text', () => {
    const arabic =
      'أعلنت البلدية يوم الثلاثاء عن خطة جديدة لزراعة عشرة آلاف شجرة في شوارع المدينة خلال السنوات الخمس المقبلة من أجل مواجهة الحر في الصيف.';
    const article = cleanText(`الرئيسية\nأخبار\nرياضة\n\n${arabic}\n\n${arabic.replace('الثلاثاء', 'الأربعاء')}`);
    expect(texts(article).join(' ')).toContain('أعلنت البلدية');
  });

  it('finds the article in a 100 KB paste of the same page over and over', () => {
    let paste = '';
    while (paste.length < 100_000) paste += `${newsPaste()}\n`;
    expect(texts(cleanText(paste)).join(' ')).toContain(NEWS_PARAGRAPHS[0]);
  });
});

describe('looksLikeHtml', () => {
  it('is true for an HTML document and for a fragment full of tags', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<div class="a"><p>One</p><p>Two</p><ul><li>x</li><li>y</li></ul></div>')).toBe(true);
  });

  it('is false for prose, Markdown and text that mentions a tag or two', () => {
    expect(looksLikeHtml(CLEAN_PROSE)).toBe(false);
    expect(looksLikeHtml(CLEAN_MARKDOWN)).toBe(false);
    expect(looksLikeHtml(`${CLEAN_PROSE}\n\nUse <br> for a line break and <b>bold</b> text.`)).toBe(false);
  });
});
