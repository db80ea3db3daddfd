import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { digestRaw } from '../../src/core/digest.js';
import { analyseArticle } from '../../src/core/analyse/index.js';
import { LONG_TEXT, liftLongText, restoreLongText } from '../../src/core/extract/html/clean.js';
import { sentencesOf } from '../../src/core/analyse/sentences.js';
import { MAX_ANALYSED_WORDS, rankSentences } from '../../src/core/analyse/summary/summarize.js';
import type { Article } from '../../src/core/types.js';
import { countWords, countWordsUpTo } from '../../src/core/text/wordCount.js';

/** News-like prose with varied sentences, so that ranking and entities have something to work on. */
function prose(words: number): string {
  const towns = ['Marlow', 'Henley', 'Reading', 'Oxford', 'Abingdon', 'Wallingford', 'Goring', 'Pangbourne'];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const town = towns[i % towns.length]!;
    const sentence = `Officials in ${town} said on day ${i} that the river had risen by ${i % 7} centimetres, and mayor Ann Carter asked residents near the bridge to move their cars.`;
    out.push(sentence);
    n += countWords(sentence);
  }
  return out.join(' ');
}

const article = (text: string): Article => ({ title: 'Floods', source: 'text', lang: 'en', blocks: [{ type: 'paragraph', text }] });

/** Parses markup as the HTML cleaner does, with or without lifting long text out first. */
function serialize(markup: string, lift: boolean): string {
  const lifted = lift ? liftLongText(markup) : { markup, stretches: [] };
  const dom = new JSDOM(lifted.markup, { virtualConsole: new VirtualConsole() });
  restoreLongText(dom.window.document, lifted.stretches);
  return dom.serialize();
}

describe('liftLongText', () => {
  const long = 'The council met again. '.repeat(Math.ceil((LONG_TEXT * 2) / 23)).trim();

  it('lifts long stretches of plain text out of the markup and leaves short ones', () => {
    const { markup, stretches } = liftLongText(`<html><body><p>Short one.</p><p>${long}</p></body></html>`);
    expect(stretches).toEqual([long]);
    expect(markup).toContain('<p>Short one.</p>');
    expect(markup.length).toBeLessThan(200);
  });

  it('gives the same document, once restored, as parsing the markup whole', () => {
    const page = [
      `<html><head><title>${long}</title>`,
      `<script type="application/ld+json">{"articleBody": "${long}"}</script></head>`,
      `\n  ${long} &amp; AT&amp;T &notit; &#x1F600; ${long}\r\n${long}\n`,
      `<!-- ${long} --><table><tr><td>cell</td></tr> ${long} </table>`,
      `<pre>\n${long}</pre><textarea>${long} &lt;</textarea><p>a\u0000b ${long}</p></body></html>`,
    ].join('');
    expect(liftLongText(page).stretches.length).toBeGreaterThan(5);
    expect(serialize(page, true)).toBe(serialize(page, false));
  });

  it('reads tags as the tokenizer does: no marker lands in an attribute value holding brackets', () => {
    const page = [
      `<html><body><img alt="a > b" title="${long} "quoted" it's">`,
      `<div data-props='{"html": "<p>${long}</p>", "x": "${long}"}'>`,
      `<p>${long}</p></div><a href=x>y>${long}</a><p>1 < 2 ${long}</p></body></html>`,
    ].join('');
    const { markup, stretches } = liftLongText(page);
    expect(stretches).toHaveLength(3);
    expect(markup).toContain(`title="${long} "quoted" it's"`);
    expect(serialize(page, true)).toBe(serialize(page, false));
  });

  it('keeps JSON-LD and comments as they are', () => {
    const { markup } = liftLongText(`<script type="application/ld+json">"${long}"</script><!--${long}--><p>x</p>`);
    expect(markup).toContain(`"${long}"`);
    expect(markup).toContain(`<!--${long}-->`);
  });

  it('leaves markup that already holds its marker characters alone', () => {
    const page = `<p>\ue000 ${long}</p>`;
    expect(liftLongText(page)).toEqual({ markup: page, stretches: [] });
  });
});

describe('countWordsUpTo', () => {
  it('counts as countWords does, a stretch at a time', () => {
    const texts = [prose(3000), `${'word '.repeat(5000)}\n\n${'東京都の天気'.repeat(2000)}`, '  lead\tand\ntrail  ', '— 12 , x'.repeat(3000)];
    for (const text of texts) expect(countWordsUpTo(text)).toBe(countWords(text));
  });

  it('stops once the limit is reached', () => {
    expect(countWordsUpTo(prose(20_000), 30)).toBeLessThan(2000);
    expect(countWordsUpTo('one two three', 30)).toBe(3);
  });
});

describe('sentencesOf with a word budget', () => {
  it('stops before the sentence that would pass the budget, keeping at least one', () => {
    const text = prose(2000);
    const all = sentencesOf(article(text));
    const capped = sentencesOf(article(text), 500);
    expect(capped).toEqual(all.slice(0, capped.length));
    expect(capped.reduce((n, s) => n + countWords(s.text), 0)).toBeLessThanOrEqual(500);
    expect(capped.reduce((n, s) => n + countWords(s.text), 0) + countWords(all[capped.length]!.text)).toBeGreaterThan(500);
    expect(sentencesOf(article(text), 1)).toHaveLength(1);
  });
});

describe('rankSentences on a giant text', () => {
  it('ranks only the sentences within maxWords, from the start', () => {
    const text = prose(3000);
    const r = rankSentences(article(text), { maxWords: 1000 });
    expect(r.sentences).toEqual(sentencesOf(article(text), 1000));
    expect([...r.ranking].sort((a, b) => a - b)).toEqual(r.sentences.map((_, i) => i));
  });
});

describe('digestRaw on a huge block', () => {
  const paragraph = prose(50_000);

  it('summarizes a 50,000-word paragraph, pasted or in a page, analysing its first MAX_ANALYSED_WORDS words', () => {
    for (const raw of [
      { kind: 'text' as const, text: paragraph },
      { kind: 'html' as const, html: `<html><body><article><p>${paragraph}</p></article></body></html>` },
    ]) {
      const digest = digestRaw(raw, 'k');
      expect(digest.wordCount).toBe(countWords(paragraph));
      expect(digest.defaultLength).toBeGreaterThan(0);
      expect(digest.ranking.slice(0, digest.defaultLength).length).toBe(digest.defaultLength);
      const analysed = digest.sentences.reduce((n, s) => n + countWords(s.text), 0);
      expect(analysed).toBeLessThanOrEqual(MAX_ANALYSED_WORDS);
      expect(analysed).toBeGreaterThan(MAX_ANALYSED_WORDS - 100);
      expect(digest.entities.map((e) => e.name)).toContain('Ann Carter');
    }
  });

  it('keeps the whole text of the article while analysing a part', () => {
    const digest = analyseArticle(article(paragraph), 'k');
    expect(digest.article.blocks.map((b) => b.text).join(' ')).toBe(paragraph);
    expect(digest.sentences.at(-1)!.text.length).toBeGreaterThan(0);
  });
});
