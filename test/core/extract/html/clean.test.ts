import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAnArticleError } from '../../../../src/core/errors.js';
import { cleanHtml, stripInert } from '../../../../src/core/extract/html/clean.js';

const sample = readFileSync(new URL('../../../fixtures/sample-article.html', import.meta.url), 'utf8');
const prose =
  'The river rose again on Tuesday and the town council met late into the night to decide what to do about the flooded roads and the closed school.';

const textOf = (html: string, url?: string) => cleanHtml(html, url ? { url } : {}).blocks.map((b) => b.text).join('\n');

describe('cleanHtml', () => {
  it('extracts the title, metadata and article paragraphs', () => {
    const article = cleanHtml(sample, { url: 'https://herald.example/news/harbor-city-tidal-power?utm_source=x' });
    expect(article.title).toBe('Harbor City opens its first tidal power station');
    expect(article.byline).toBe('Maria Okafor');
    expect(article.siteName).toBe('The Coastline Herald');
    expect(article.lang).toBe('en');
    expect(article.publishedTime).toBe('2026-03-14T09:30:00Z');
    expect(article.canonicalUrl).toBe('https://herald.example/news/harbor-city-tidal-power');
    expect(article.imageUrl).toBe('https://herald.example/images/tidal-station.jpg');
    expect(article.blocks[0]?.text).toMatch(/^Harbor City switched on its first tidal power station/);
    expect(article.blocks).toContainEqual({ type: 'heading', text: 'Concerns about wildlife' });
    expect(article.fallback).toBeUndefined();
  });

  it('takes the page\'s heading for its title when the title is that heading and the site\'s name', () => {
    const page = (title: string, headings: string) =>
      `<html><head><title>${title}</title></head><body><article>${headings}<p>${prose}</p><p>${prose}</p></article></body></html>`;
    expect(cleanHtml(page('Harbor Bridge - Wikipedia', '<h1>Harbor Bridge</h1>')).title).toBe('Harbor Bridge');
    expect(cleanHtml(page('Flood closes the school | The Herald', '<h1>Flood closes the school</h1>')).title).toBe('Flood closes the school');
    // A heading that is only the start of the title's words, or one of two headings, leaves the title alone.
    expect(cleanHtml(page('Harbor Bridges of the world', '<h1>Harbor Bridge</h1>')).title).toBe('Harbor Bridges of the world');
    expect(cleanHtml(page('Harbor Bridge - Wikipedia', '<h1>Harbor Bridge</h1><h1>Other</h1>')).title).toBe('Harbor Bridge - Wikipedia');
  });

  it('drops the menu, share bar, caption, related links, newsletter box and footer', () => {
    const text = textOf(sample);
    for (const junk of ['Home', 'Share on Facebook', 'Photo: Coastline Herald', 'Read more:', 'Sign up', 'Ferry service resumes', 'All rights reserved', 'We use cookies', 'By Maria Okafor', 'Published March 14']) {
      expect(text).not.toContain(junk);
    }
    expect(text).toContain('Today the tide is paying our bills.');
  });

  it('keeps list items and headings as their own blocks, with no markup or entities left', () => {
    const html = `<html><head><title>Recipe</title></head><body><article><h1>Recipe</h1><p>${prose} &amp; more &lt;b&gt; text.</p>
      <h2>Ingredients</h2><ul><li>Two cups of <b>flour</b></li><li>One egg</li><li>A pinch of salt</li></ul><p>${prose}</p></article></body></html>`;
    const blocks = cleanHtml(html).blocks;
    expect(blocks).toContainEqual({ type: 'list-item', text: 'Two cups of flour' });
    expect(blocks).toContainEqual({ type: 'heading', text: 'Ingredients' });
    expect(blocks[0]?.text).toContain('& more <b> text.');
  });

  it('never runs scripts', () => {
    const html = `<html><head><title>Original</title><script>document.title = 'Hacked'; globalThis.__skimRan = true;</script></head>
      <body><article><p>${prose}</p><p>${prose}</p><script>document.body.innerHTML = '<p>replaced</p>'</script></article></body></html>`;
    const article = cleanHtml(html);
    expect(article.title).toBe('Original');
    expect(article.blocks.map((b) => b.text).join(' ')).not.toContain('replaced');
    expect((globalThis as { __skimRan?: boolean }).__skimRan).toBeUndefined();
  });

  it('falls back to a simpler extraction when Readability rejects the page, and says so', () => {
    const html = `<html><body><div style="display:none">${`<p>${prose}</p>`.repeat(4)}</div></body></html>`;
    const article = cleanHtml(html);
    expect(article.fallback).toBe(true);
    expect(article.blocks[0]?.text).toBe(prose);
  });

  it('raises NotAnArticle for a page without an article', () => {
    expect(() => cleanHtml('<html><body><nav><a href="/">Home</a></nav><p>Nothing here.</p></body></html>')).toThrow(NotAnArticleError);
    expect(() => cleanHtml('')).toThrow(NotAnArticleError);
  });

  it('survives hostile CSS and broken markup', () => {
    const css = `<style>${'@media screen { '.repeat(500)} a { color: red ${'}'.repeat(10)} @import url(x); ::-webkit-}</style>`;
    const html = `<html><head>${css}<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><div><p>${prose}<p>${prose}<table><td>${prose}</body>`;
    expect(textOf(html)).toContain('flooded roads');
  });
});

describe('stripInert', () => {
  it('drops script and style bodies but keeps JSON-LD', () => {
    const out = stripInert('<script>var a = "<p>";</script><style>p{}</style><script type="application/ld+json">{"a":1}</script><p>x</p>');
    expect(out).toBe('<script type="application/ld+json">{"a":1}</script><p>x</p>');
  });
});
