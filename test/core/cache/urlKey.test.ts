import { describe, expect, it } from 'vitest';
import { SkimError } from '../../../src/core/errors.js';
import { canonicalizeUrl, contentKey, sameSiteCanonical, urlKey } from '../../../src/core/cache/urlKey.js';

describe('canonicalizeUrl', () => {
  it.each([
    ['lowercases the scheme and host', 'HTTPS://WWW.Example.COM/Path', 'https://www.example.com/Path'],
    ['drops default ports', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops the default http port', 'http://example.com:80/a', 'http://example.com/a'],
    ['keeps other ports', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['drops the fragment', 'https://example.com/a#section-2', 'https://example.com/a'],
    ['drops a trailing dot of the host', 'https://example.com./a', 'https://example.com/a'],
    ['folds a trailing slash', 'https://example.com/news/story/', 'https://example.com/news/story'],
    ['folds index.html', 'https://example.com/news/index.html', 'https://example.com/news'],
    ['folds index.php and default.aspx', 'https://example.com/a/Default.aspx', 'https://example.com/a'],
    ['keeps the root path', 'https://example.com', 'https://example.com/'],
    ['folds the root index.html', 'https://example.com/index.html', 'https://example.com/'],
    ['sorts query parameters by name', 'https://example.com/a?b=2&a=1&c=3', 'https://example.com/a?a=1&b=2&c=3'],
    ['keeps the order of repeated names', 'https://example.com/a?t=2&a=0&t=1', 'https://example.com/a?a=0&t=2&t=1'],
    ['drops an empty query', 'https://example.com/a?', 'https://example.com/a'],
    ['drops empty parameters', 'https://example.com/a?&&id=4&', 'https://example.com/a?id=4'],
    ['uppercases escapes and decodes unreserved ones', 'https://example.com/%7euser/caf%c3%a9?q=%41', 'https://example.com/~user/caf%C3%A9?q=A'],
    ['keeps meaningful parameters', 'https://example.com/watch?v=abc&list=x', 'https://example.com/watch?list=x&v=abc'],
    ['keeps the query of an index page', 'https://example.com/index.php?p=42', 'https://example.com/?p=42'],
  ])('%s', (_, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    'utm_source=x&utm_medium=y&utm_campaign=z&UTM_Term=w',
    'fbclid=IwAR0abc',
    'gclid=Cj0K',
    'mc_cid=1&mc_eid=2',
    'igshid=MzRlODBiNWFlZA',
    'ref=hn',
    'ref_src=twsrc',
    'msclkid=abc&yclid=1&_ga=2.1&_gl=1*abc',
    'pk_campaign=a&mtm_source=b',
  ])('drops tracking parameters (%s)', (query) => {
    expect(canonicalizeUrl(`https://example.com/story?id=7&${query}`)).toBe('https://example.com/story?id=7');
  });

  it('drops tracking parameters written with escapes', () => {
    expect(canonicalizeUrl('https://example.com/a?utm%5Fsource=x&id=1')).toBe('https://example.com/a?id=1');
  });

  it('gives one key to the variants of a shared link', () => {
    const variants = [
      'https://Example.com:443/news/story/?utm_source=twitter&b=2&a=1#comments',
      'https://example.com/news/story/index.html?a=1&b=2&fbclid=xyz',
      'https://example.com/news/story?b=2&gclid=1&a=1',
      '  https://example.com/news/story?a=1&b=2  ',
    ];
    expect(new Set(variants.map(canonicalizeUrl))).toEqual(new Set(['https://example.com/news/story?a=1&b=2']));
  });

  it('keeps pages apart that differ in path, query or scheme', () => {
    const keys = ['https://a.com/x', 'https://a.com/y', 'https://a.com/x?id=1', 'http://a.com/x', 'https://www.a.com/x'].map(canonicalizeUrl);
    expect(new Set(keys).size).toBe(5);
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTP://Example.com:80/a/b/index.html?z=1&utm_source=x&a=%7e#f');
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it('normalises international hosts to punycode', () => {
    expect(canonicalizeUrl('https://BÜCHER.example/a')).toBe('https://xn--bcher-kva.example/a');
  });

  it.each(['ftp://example.com/file', 'javascript:alert(1)', 'mailto:a@b.c', 'not a url', '', 'example.com/no-scheme'])(
    'rejects %j as BAD_URL',
    (input) => {
      expect(() => canonicalizeUrl(input)).toThrow(SkimError);
      try {
        canonicalizeUrl(input);
      } catch (error) {
        expect((error as SkimError).code).toBe('BAD_URL');
      }
    },
  );
});

describe('sameSiteCanonical', () => {
  const page = 'https://www.example.com/news/2024/story.html?utm_source=feed';

  it('accepts a canonical URL on the same host, canonicalised', () => {
    expect(sameSiteCanonical(page, 'https://www.example.com/news/story/?fbclid=1')).toBe('https://www.example.com/news/story');
  });

  it('accepts the www and mobile variants of the host', () => {
    expect(sameSiteCanonical('https://m.example.com/a', 'https://www.example.com/a')).toBe('https://www.example.com/a');
    expect(sameSiteCanonical('https://example.com/a', 'https://www.example.com/a')).toBe('https://www.example.com/a');
  });

  it('accepts an https canonical for a page fetched over http', () => {
    expect(sameSiteCanonical('http://example.com/a', 'https://example.com/a')).toBe('https://example.com/a');
  });

  it('resolves a relative canonical link against the page', () => {
    expect(sameSiteCanonical(page, '/news/story')).toBe('https://www.example.com/news/story');
  });

  it('rejects another site', () => {
    expect(sameSiteCanonical(page, 'https://aggregator.net/news/story')).toBeUndefined();
    expect(sameSiteCanonical('https://example.com/a', 'https://example.com.evil.net/a')).toBeUndefined();
  });

  it('accepts another subdomain of the same registrable domain', () => {
    expect(sameSiteCanonical('https://amp.news.example.co.uk/a', 'https://www.example.co.uk/a')).toBe('https://www.example.co.uk/a');
  });

  it('rejects another site under the same multi-part or private public suffix', () => {
    expect(sameSiteCanonical('https://www.example.co.uk/a', 'https://www.other.co.uk/a')).toBeUndefined();
    expect(sameSiteCanonical('https://example.co.uk/a', 'https://co.uk/a')).toBeUndefined();
    expect(sameSiteCanonical('https://alice.github.io/a', 'https://bob.github.io/a')).toBeUndefined();
  });

  it('matches an IP address or a single-label host only to itself', () => {
    expect(sameSiteCanonical('http://10.0.0.1/a', 'http://10.0.0.1/b')).toBe('http://10.0.0.1/b');
    expect(sameSiteCanonical('http://10.0.0.1/a', 'http://20.0.0.1/a')).toBeUndefined();
    expect(sameSiteCanonical('http://intranet/a', 'http://wiki/a')).toBeUndefined();
  });

  it('rejects the home page declared by an inner page', () => {
    expect(sameSiteCanonical(page, 'https://www.example.com/')).toBeUndefined();
    expect(sameSiteCanonical('https://example.com/', 'https://example.com/index.html')).toBe('https://example.com/');
  });

  it('rejects missing, malformed and non-web canonical links', () => {
    expect(sameSiteCanonical(page, undefined)).toBeUndefined();
    expect(sameSiteCanonical(page, '   ')).toBeUndefined();
    expect(sameSiteCanonical(page, 'http://[bad')).toBeUndefined();
    expect(sameSiteCanonical(page, 'ftp://www.example.com/news/story')).toBeUndefined();
    expect(sameSiteCanonical('not a url', 'https://example.com/a')).toBeUndefined();
  });
});

describe('urlKey', () => {
  it('prefixes the canonical URL', () => {
    expect(urlKey('https://Example.com/a/?utm_source=x')).toBe('url:https://example.com/a');
  });
});

describe('contentKey', () => {
  it('is a SHA-256 under the kind of content', () => {
    expect(contentKey('text', 'hello')).toMatch(/^text:[0-9a-f]{64}$/);
    expect(contentKey('html', 'hello')).toMatch(/^html:[0-9a-f]{64}$/);
    expect(contentKey('html', 'hello')).not.toBe(contentKey('text', 'hello'));
  });

  it('ignores spaces within lines, line-end style, invisible characters and Unicode composition', () => {
    const key = contentKey('text', 'Café au lait.\n\nSecond paragraph.');
    expect(contentKey('text', '  Cafe\u0301 au\tlait.  \r\n\r\n\r\nSecond \u00a0paragraph. ')).toBe(key);
    expect(contentKey('text', '\uFEFFCafé au la\u00ADit.\u200B\n\nSecond paragraph.')).toBe(key);
  });

  it('keeps two splits of the same words apart', () => {
    const oneLine = contentKey('text', 'First paragraph here. Second paragraph here.');
    expect(contentKey('text', 'First paragraph here.\nSecond paragraph here.')).not.toBe(oneLine);
    expect(contentKey('text', 'First paragraph here.\n\nSecond paragraph here.')).not.toBe(oneLine);
  });

  it('hashes text with lone surrogates as if they were U+FFFD', () => {
    expect(contentKey('text', 'Hello \udfff world')).toBe(contentKey('text', 'Hello \ufffd world'));
  });

  it('keeps different texts apart', () => {
    expect(contentKey('text', 'The cat sat.')).not.toBe(contentKey('text', 'The cat sat!'));
    expect(contentKey('text', 'the cat sat.')).not.toBe(contentKey('text', 'The cat sat.'));
  });
});
