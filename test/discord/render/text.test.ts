import { describe, expect, it } from 'vitest';
import { CONTENT_LIMIT, renderBullets, renderEntitiesText, renderSourceText, renderSummaryText } from '../../../src/discord/render/text.js';
import { fakeDigest } from '../fakes.js';

describe('renderSummaryText', () => {
  it('shows the title, source, bullets and footer as plain content', () => {
    const text = renderSummaryText(fakeDigest({ title: 'A *title*', siteName: 'Site', wordCount: 500 }), { cached: true });
    expect(text).toBe(
      '**A \\*title\\***\nSite\n<https://news.example/story>\n\n• Alice Smith met the board in Paris on Monday.\n• The deal was signed after a long night.\n\n-# 3 min read · 500 words · cached',
    );
  });

  it('stays within 2000 characters (or a smaller budget), cutting between bullets', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i} ${Array.from({ length: 30 }, (_, k) => `w${i}x${k}`).join(' ')}.`);
    const digest = fakeDigest({ sentences, defaultLength: 40 });
    expect(renderSummaryText(digest, { sentences: 40 }).length).toBeLessThanOrEqual(CONTENT_LIMIT);
    const small = renderSummaryText(digest, { sentences: 40, budget: 600 });
    expect(small.length).toBeLessThanOrEqual(600);
    for (const line of small.split('\n').filter((l) => l.startsWith('• '))) expect(sentences).toContain(line.slice(2));
  });
});

describe('renderEntitiesText', () => {
  it('groups entities by type, escaped', () => {
    expect(
      renderEntitiesText([
        { name: 'Ann', type: 'person', mentions: 1 },
        { name: 'ACME_Corp', type: 'organization', mentions: 1 },
        { name: 'Bo', type: 'person', mentions: 1 },
      ]),
    ).toBe('**People:** Ann, Bo\n**Organizations:** ACME\\_Corp');
  });

  it('says when there are none', () => {
    expect(renderEntitiesText([])).toMatch(/No names/);
  });
});

describe('renderBullets and renderSourceText', () => {
  it('bullet sentences within a length', () => {
    expect(renderBullets(['One @everyone.', 'Two.'], 18)).toBe('• One @\u200beveryone.');
  });

  it('give the link, or say the text was pasted', () => {
    expect(renderSourceText(fakeDigest({ title: 'T' }))).toBe('**T**\nhttps://news.example/story');
    expect(renderSourceText(fakeDigest({ title: 'T', url: '' }))).toMatch(/pasted text/);
  });

  it('keep the link whole within a length: the title gives way, and a link too long shows its site', () => {
    const url = `https://news.example/${'a'.repeat(300)}`;
    const digest = fakeDigest({ title: 'A long title that goes on. And on and on for a while.', url });
    const short = renderSourceText(digest, url.length + 20);
    expect(short.length).toBeLessThanOrEqual(url.length + 20);
    expect(short.endsWith(`\n${url}`)).toBe(true);
    expect(short).toMatch(/^\*\*A long title/);
    expect(renderSourceText(digest, 100)).toBe('**A long title that goes on.**\nhttps://news.example (the full link is too long to show here)');
    expect(renderSourceText(digest, 70)).toBe('https://news.example (the full link is too long to show here)');
  });
});
