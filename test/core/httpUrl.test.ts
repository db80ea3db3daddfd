import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/core/cache/urlKey.js';
import { SkimError } from '../../src/core/errors.js';
import { parseHttpUrl } from '../../src/core/httpUrl.js';

function refusal(input: string): SkimError {
  try {
    parseHttpUrl(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SkimError);
    return error as SkimError;
  }
  throw new Error(`${input} was accepted`);
}

describe('parseHttpUrl', () => {
  it('keeps http and https links, trimmed and without the fragment', () => {
    expect(parseHttpUrl(' https://Example.com/a?b=1#top ').href).toBe('https://example.com/a?b=1');
  });

  it('resolves a link against a base', () => {
    expect(parseHttpUrl('../c', new URL('https://example.com/a/b/')).href).toBe('https://example.com/a/c');
  });

  it('refuses another scheme, saying which ones it takes', () => {
    const error = refusal('ftp://example.com/file');
    expect(error.code).toBe('BAD_URL');
    expect(error.message).toBe('Only http and https links can be fetched.');
  });

  it('refuses a user name or password, saying so', () => {
    const error = refusal('https://user:secret@example.com/');
    expect(error.code).toBe('BAD_URL');
    expect(error.message).toBe("Links with a user name or password can't be fetched.");
  });

  it('resolves a protocol-relative redirect against the page it came from', () => {
    expect(parseHttpUrl('//other.example/x', new URL('https://example.com/')).href).toBe('https://other.example/x');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'gopher://example.com/', 'ws://example.com/', 'http://[::1/'])(
    'refuses %s',
    (url) => {
      expect(refusal(url).code).toBe('BAD_URL');
    },
  );

  it.each(['not a url', '', 'example.com/no-scheme', 'http://'])('refuses %j as BAD_URL', (input) => {
    expect(refusal(input).code).toBe('BAD_URL');
  });

  it('is the parser of cache keys too: a link is keyed exactly when it could be fetched', () => {
    expect(() => canonicalizeUrl('https://user:secret@example.com/')).toThrow(expect.objectContaining({ code: 'BAD_URL' }));
    expect(canonicalizeUrl(' https://Example.com/a#top ')).toBe('https://example.com/a');
  });
});
