import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { Entity } from '../../../src/core/types.js';
import { embedLength } from 'discord.js';
import { EMBED_LIMITS, renderSummaryEmbed } from '../../../src/discord/render/embed.js';
import { fakeDigest } from '../fakes.js';

function expectWithinLimits(embed: APIEmbed, budget: number = EMBED_LIMITS.total): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.author);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(budget);
}

/** A sentence of its own words, so the summarizer sees no two as near-duplicates. */
const sentence = (i: number, words = 12) => `Sentence ${i} ${Array.from({ length: words }, (_, k) => `w${i}x${k}`).join(' ')} ends.`;

describe('renderSummaryEmbed', () => {
  it('shows the title linked to the source, the site, byline and date, bullets, entities and the footer', () => {
    const digest = fakeDigest({
      title: 'Harbor City opens a tidal station',
      url: 'https://herald.example/news/tidal',
      siteName: 'The Coastline Herald',
      byline: 'By Maria Okafor',
      publishedTime: '2026-03-14T09:30:00Z',
      wordCount: 700,
      entities: [
        { name: 'Daniel Reyes', type: 'person', mentions: 3 },
        { name: 'Helen Park', type: 'person', mentions: 2 },
        { name: 'Northwind Marine Energy', type: 'organization', mentions: 2 },
        { name: 'Portland', type: 'place', mentions: 1 },
      ],
    });
    const embed = renderSummaryEmbed(digest);
    expect(embed.title).toBe('Harbor City opens a tidal station');
    expect(embed.url).toBe('https://herald.example/news/tidal');
    expect(embed.author?.name).toBe('The Coastline Herald');
    expect(embed.description).toContain('By Maria Okafor · <t:1773480600:D>');
    expect(embed.description).toContain('• Alice Smith met the board in Paris on Monday.');
    expect(embed.fields).toEqual([
      { name: 'People', value: 'Daniel Reyes, Helen Park', inline: true },
      { name: 'Organizations', value: 'Northwind Marine Energy', inline: true },
      { name: 'Places', value: 'Portland', inline: true },
    ]);
    expect(embed.footer?.text).toBe('4 min read · 700 words');
  });

  it('links the canonical URL the page declares on its site, else the fetched URL without tracking parameters', () => {
    const tracked = fakeDigest({ url: 'https://news.example/story?id=7&utm_source=discord&fbclid=x#comments' });
    expect(renderSummaryEmbed(tracked).url).toBe('https://news.example/story?id=7');
    const declared = fakeDigest({ url: 'https://m.news.example/story?utm_medium=social' });
    declared.article.canonicalUrl = 'https://www.news.example/2026/story';
    expect(renderSummaryEmbed(declared).url).toBe('https://www.news.example/2026/story');
    const elsewhere = fakeDigest({ url: 'https://news.example/story' });
    elsewhere.article.canonicalUrl = 'https://other.example/story';
    expect(renderSummaryEmbed(elsewhere).url).toBe('https://news.example/story');
  });

  it("shows the page's preview image as the thumbnail only when it is an absolute https URL", () => {
    const digest = fakeDigest();
    digest.article.imageUrl = 'https://cdn.news.example/lead.jpg';
    expect(renderSummaryEmbed(digest).thumbnail).toEqual({ url: 'https://cdn.news.example/lead.jpg' });
    for (const imageUrl of ['http://cdn.news.example/lead.jpg', 'data:image/png;base64,AAAA', '/lead.jpg']) {
      digest.article.imageUrl = imageUrl;
      expect(renderSummaryEmbed(digest).thumbnail).toBeUndefined();
    }
  });

  it('says "cached" in the footer for a cached result', () => {
    expect(renderSummaryEmbed(fakeDigest(), { cached: true }).footer?.text).toMatch(/· cached$/);
  });

  it('uses the host as the site name and leaves out the link for pasted text', () => {
    expect(renderSummaryEmbed(fakeDigest({ url: 'https://www.example.org/a' })).author?.name).toBe('example.org');
    const pasted = renderSummaryEmbed(fakeDigest({ url: '' }));
    expect(pasted.url).toBeUndefined();
    expect(pasted.author).toBeUndefined();
  });

  it('keeps the summary length asked for, in article order', () => {
    const digest = fakeDigest({ sentences: [sentence(0), sentence(1), sentence(2), sentence(3), sentence(4)] });
    const bullets = renderSummaryEmbed(digest, { sentences: 2 }).description!.split('\n').filter((l) => l.startsWith('• '));
    expect(bullets).toEqual([`• ${sentence(0)}`, `• ${sentence(1)}`]);
  });

  it('respects every limit with an oversized article, cutting only between whole bullets and names', () => {
    const sentences = Array.from({ length: 60 }, (_, i) => sentence(i, 60));
    const entities: Entity[] = Array.from({ length: 80 }, (_, i) => ({
      name: `Entity ${i} ${'x'.repeat(90)}`,
      type: (['person', 'organization', 'place', 'other'] as const)[i % 4]!,
      mentions: 1,
    }));
    const digest = fakeDigest({ title: 'T'.repeat(1000), siteName: 'S'.repeat(600), byline: 'B'.repeat(300), sentences, entities, defaultLength: 60 });
    const embed = renderSummaryEmbed(digest, { sentences: 60 });
    expectWithinLimits(embed);
    const lines = embed.description!.split('\n').filter((l) => l.startsWith('• '));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(sentences).toContain(line.slice(2));
    for (const field of embed.fields ?? []) {
      for (const name of field.value.split(', ')) expect(entities.map((e) => e.name)).toContain(name);
    }
  });

  it('shares a smaller budget when several embeds go in one message', () => {
    const digest = fakeDigest({ sentences: Array.from({ length: 30 }, (_, i) => sentence(i, 40)), defaultLength: 30 });
    const embeds = [1, 2, 3].map(() => renderSummaryEmbed(digest, { sentences: 30, budget: 2000 }));
    for (const embed of embeds) expectWithinLimits(embed, 2000);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });

  it('cuts one over-long sentence at a sentence end or a word, never inside a word', () => {
    const long = `${'First part of a very long sentence '.repeat(200)}end.`;
    const embed = renderSummaryEmbed(fakeDigest({ sentences: [long], defaultLength: 1 }));
    expectWithinLimits(embed);
    const kept = embed.description!.replace(/^• /, '');
    expect(kept.endsWith('…')).toBe(true);
    const prefix = kept.slice(0, -1);
    expect(long.startsWith(prefix)).toBe(true);
    expect(long[prefix.length]).toBe(' ');
  });

  it('escapes markdown, mentions and masked links in every piece of article text', () => {
    const digest = fakeDigest({
      title: '**Bold** @everyone <@123456789012345678> [click](https://evil.example)',
      byline: '<@&123456789012345678> __Someone__',
      sentences: ['Visit [the bank](https://evil.example/login) now, @here, and ping <#123456789012345678>.', '# Not a heading ||spoiler|| `code`'],
      entities: [{ name: '*Evil* <@1234567890123456>', type: 'person', mentions: 1 }],
    });
    const embed = renderSummaryEmbed(digest);
    const text = [embed.title, embed.description, ...(embed.fields ?? []).map((f) => f.value)].join('\n');
    expect(text).not.toMatch(/(?<!\\)<[@#]/);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(embed.title).toContain('\\*\\*Bold\\*\\*');
    expect(embed.description).toContain('\\|\\|spoiler\\|\\|');
    expect(embed.description).toContain('\\`code\\`');
  });

  it('holds every limit for any article (property)', () => {
    const text = fc.string({ maxLength: 700, unit: fc.constantFrom('a', 'B', ' ', '.', '*', '_', '@', '<', '>', '[', ']', '(', ')', '\\', '`', '|', '#', '\n', 'é', '😀') });
    fc.assert(
      fc.property(
        text,
        fc.array(text, { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ name: text.filter((s) => s.trim() !== ''), type: fc.constantFrom('person', 'organization', 'place', 'other') }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(6000, 3000, 2000, 1200, 600),
        (title, sentences, entities, n, budget) => {
          const digest = fakeDigest({ title, sentences, entities: entities.map((e) => ({ ...e, mentions: 1 }) as Entity), byline: title });
          expectWithinLimits(renderSummaryEmbed(digest, { sentences: n, budget }), budget);
        },
      ),
      { numRuns: 200 },
    );
  });
});
