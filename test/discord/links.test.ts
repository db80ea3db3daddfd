import { describe, expect, it } from 'vitest';
import { articleUrl, extractLinks } from '../../src/discord/links.js';

describe('extractLinks', () => {
  it('finds links in order, each once, up to the maximum', () => {
    const content = 'see https://a.example/1 and https://b.example/2, then https://a.example/1 again and https://c.example/3.';
    expect(extractLinks(content)).toEqual(['https://a.example/1', 'https://b.example/2', 'https://c.example/3']);
    expect(extractLinks(content, 2)).toEqual(['https://a.example/1', 'https://b.example/2']);
  });

  it('leaves trailing punctuation out, as Discord does', () => {
    expect(extractLinks('(read https://news.example/story).')).toEqual(['https://news.example/story']);
    expect(extractLinks('"https://news.example/a?b=1"!')).toEqual(['https://news.example/a?b=1']);
  });

  it('keeps balanced parentheses that belong to the link', () => {
    expect(extractLinks('https://en.wikipedia.org/wiki/Mercury_(planet) is nice')).toEqual(['https://en.wikipedia.org/wiki/Mercury_(planet)']);
  });

  it('ignores links in code blocks and inline code', () => {
    expect(extractLinks('```\nhttps://code.example/a\n``` `https://inline.example/b` https://real.example/c')).toEqual(['https://real.example/c']);
  });

  it('ignores suppressed links and spoilers', () => {
    expect(extractLinks('<https://quiet.example/a> ||https://secret.example/b|| https://loud.example/c')).toEqual(['https://loud.example/c']);
  });

  it('counts masked links by their target, unless suppressed', () => {
    expect(extractLinks('[story](https://news.example/a) [quiet](<https://news.example/b>)')).toEqual(['https://news.example/a']);
  });

  it('ignores media, file and Discord links', () => {
    const content = [
      'https://cdn.discordapp.com/attachments/1/2/cat.png',
      'https://media.tenor.com/x.gif',
      'https://site.example/photo.JPG',
      'https://site.example/app.zip?x=1',
      'https://www.youtube.com/watch?v=abc',
      'https://youtu.be/abc',
      'https://discord.com/channels/1/2/3',
      'https://discord.gg/invite',
      'https://site.example/article.html',
      'https://site.example/report.pdf',
    ].join(' ');
    // A PDF is read like a page; other files are not articles.
    expect(extractLinks(content)).toEqual(['https://site.example/article.html', 'https://site.example/report.pdf']);
  });

  it('finds nothing in text without links', () => {
    expect(extractLinks('no links here, just example.com mentioned')).toEqual([]);
  });
});

describe('articleUrl', () => {
  it('normalises an article link and refuses other schemes and garbage', () => {
    expect(articleUrl('HTTPS://News.Example/a')).toBe('https://news.example/a');
    expect(articleUrl('ftp://files.example/a')).toBeUndefined();
    expect(articleUrl('https://')).toBeUndefined();
  });
});
