import { describe, expect, it } from 'vitest';
import { SkimError } from '../../src/core/errors.js';
import { failureKind, failureNotes, linkLabel } from '../../src/discord/linkFailures.js';

describe('failureKind', () => {
  it('waits out rate limits and a full queue, and notes everything else', () => {
    expect(failureKind(new SkimError('RATE_LIMITED'))).toBe('wait');
    expect(failureKind(new SkimError('BUSY'))).toBe('wait');
    expect(failureKind(new SkimError('NOT_AN_ARTICLE'))).toBe('note');
    expect(failureKind(new SkimError('BLOCKED_ADDRESS'))).toBe('note');
    expect(failureKind(new TypeError('bug'))).toBe('note');
  });
});

describe('failureNotes', () => {
  it("says why in the error's user-safe words, never its details", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(failureNotes([{ url: 'https://a.example/x', error: bug }], 1)).toBe("-# Couldn't summarize that link: Something went wrong on our side. Sorry!");
    const timeout = new SkimError('TIMEOUT', undefined, { details: { ms: 10_000 } });
    expect(failureNotes([{ url: 'https://a.example/x', error: timeout }], 2)).toBe("-# Couldn't summarize `a.example/x`: The site took too long to answer.");
  });
});

describe('linkLabel', () => {
  it('is the host and path, without scheme, query or a lone slash, cut to 60 characters', () => {
    expect(linkLabel('https://www.example.com/?utm_source=x')).toBe('www.example.com');
    expect(linkLabel('http://example.com/news/story?id=4#top')).toBe('example.com/news/story');
    const long = linkLabel(`https://example.com/${'a'.repeat(100)}`);
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('cannot break out of its code span', () => {
    expect(linkLabel('https://example.com/a`@everyone`')).not.toContain('`');
    expect(linkLabel('not a url `x`')).toBe('not a url x');
  });
});
