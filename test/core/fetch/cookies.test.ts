import { describe, expect, it } from 'vitest';
import { CookieJar, MAX_COOKIE_BYTES, MAX_COOKIE_HEADER_BYTES, MAX_COOKIES } from '../../../src/core/fetch/cookies.js';

const url = (href: string): URL => new URL(href);

/** A jar that received `setCookie` from `from`, and the Cookie header it would send to `to`. */
function sent(setCookie: string | string[], from: string, to: string = from): string | undefined {
  const jar = new CookieJar();
  jar.store(setCookie, url(from));
  return jar.header(url(to));
}

describe('CookieJar', () => {
  it('sends a cookie back to the host that set it', () => {
    expect(sent('consent=yes; Path=/; HttpOnly; SameSite=Lax', 'https://news.example/a')).toBe('consent=yes');
  });

  it('sends nothing when it holds nothing that applies', () => {
    expect(new CookieJar().header(url('https://news.example/'))).toBeUndefined();
    expect(sent('a=1', 'https://news.example/', 'https://other.example/')).toBeUndefined();
  });

  it('keeps a cookie without Domain to its host only, not subdomains or parents', () => {
    expect(sent('a=1', 'https://news.example/', 'https://www.news.example/')).toBeUndefined();
    expect(sent('a=1', 'https://www.news.example/', 'https://news.example/')).toBeUndefined();
    expect(sent('a=1', 'https://www.news.example/', 'https://WWW.News.Example/')).toBe('a=1');
  });

  it('sends a Domain cookie to the domain and its subdomains, leading dot or not', () => {
    for (const domain of ['news.example', '.news.example', 'NEWS.example']) {
      const jar = new CookieJar();
      jar.store(`a=1; Domain=${domain}`, url('https://consent.news.example/'));
      expect(jar.header(url('https://news.example/'))).toBe('a=1');
      expect(jar.header(url('https://www.news.example/'))).toBe('a=1');
      expect(jar.header(url('https://news.example.evil/'))).toBeUndefined();
      expect(jar.header(url('https://othernews.example/'))).toBeUndefined();
    }
  });

  it.each([
    ['a bare TLD', 'com', 'https://www.news.com/'],
    ['a public suffix with a dot', 'co.uk', 'https://www.bbc.co.uk/'],
    ['a private public suffix', 'github.io', 'https://someone.github.io/'],
    ['a single-label name', 'test', 'https://www.news.test/'],
    ['another site', 'other.example', 'https://news.example/'],
    ['a subdomain of the host', 'www.news.example', 'https://news.example/'],
    ['a lookalike suffix', 'ews.example', 'https://news.example/'],
    ['a domain with a trailing dot', 'news.example.', 'https://news.example/'],
    ['a parent of an IP address', '0.0.1', 'http://127.0.0.1/'],
  ])('refuses a Domain of %s', (_label, domain, from) => {
    const jar = new CookieJar();
    jar.store(`a=1; Domain=${domain}`, url(from));
    expect(jar.size).toBe(0);
  });

  it('keeps a cookie whose Domain is the host itself as host-only when that host is a public suffix or an IP', () => {
    const jar = new CookieJar();
    jar.store('a=1; Domain=github.io', url('https://github.io/'));
    jar.store('b=2; Domain=127.0.0.1', url('http://127.0.0.1:8080/'));
    expect(jar.header(url('https://github.io/'))).toBe('a=1');
    expect(jar.header(url('https://someone.github.io/'))).toBeUndefined();
    expect(jar.header(url('http://127.0.0.1:9090/'))).toBe('b=2');
  });

  it('keeps a cookie from an IPv6 address to that address, refusing a Domain for it', () => {
    const jar = new CookieJar();
    jar.store(['a=1', 'b=2; Domain=[::1]', 'c=3; Domain=::1'], url('http://[::1]:8080/'));
    expect(jar.header(url('http://[::1]:9090/'))).toBe('a=1');
    expect(jar.header(url('http://[::2]:8080/'))).toBeUndefined();
  });

  it('compares internationalized domains in their ASCII form', () => {
    expect(sent('a=1; Domain=bücher.example', 'https://www.bücher.example/', 'https://xn--bcher-kva.example/')).toBe('a=1');
  });

  it('scopes a cookie to its Path, or to the directory of the URL that set it', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Path=/news', 'b=2', 'c=3; Path=relative'], url('https://site.example/docs/page?x=1'));
    expect(jar.header(url('https://site.example/news'))).toBe('a=1');
    expect(jar.header(url('https://site.example/news/today'))).toBe('a=1');
    expect(jar.header(url('https://site.example/newsletter'))).toBeUndefined();
    expect(jar.header(url('https://site.example/docs/other'))).toBe('b=2; c=3');
    expect(jar.header(url('https://site.example/docs'))).toBe('b=2; c=3');
    expect(jar.header(url('https://site.example/'))).toBeUndefined();
  });

  it('sends longer paths first, then oldest first', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Path=/', 'b=2; Path=/x', 'c=3; Path=/'], url('https://site.example/'));
    expect(jar.header(url('https://site.example/x/y'))).toBe('b=2; a=1; c=3');
  });

  it('sends Secure cookies only over https, and takes none from http', () => {
    const jar = new CookieJar();
    jar.store('s=1; Secure', url('https://site.example/'));
    jar.store('t=2; Secure', url('http://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('s=1');
    expect(jar.header(url('http://site.example/'))).toBeUndefined();
  });

  it('takes no Secure cookie from plain http on a loopback host, and sends none there', () => {
    const jar = new CookieJar();
    jar.store('s=1; Secure', url('http://localhost/'));
    expect(jar.size).toBe(0);
    jar.store('t=2; Secure', url('https://127.0.0.1/'));
    expect(jar.header(url('http://127.0.0.1/'))).toBeUndefined();
  });

  it('lets http neither overwrite nor delete a Secure cookie', () => {
    const jar = new CookieJar();
    jar.store('s=1; Secure', url('https://site.example/'));
    jar.store('s=evil', url('http://site.example/'));
    jar.store('s=; Max-Age=0', url('http://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('s=1');
  });

  it('honours the __Secure- and __Host- name prefixes', () => {
    const jar = new CookieJar();
    jar.store(['__Secure-a=1', '__Secure-b=2; Secure', '__Host-c=3; Secure; Path=/', '__Host-d=4; Secure; Path=/; Domain=site.example'], url('https://site.example/'));
    jar.store('__Host-e=5; Secure; Path=/', url('http://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('__Secure-b=2; __Host-c=3');
  });

  it('replaces a cookie of the same name, domain and path, keeping its place', () => {
    const jar = new CookieJar();
    jar.store(['a=1', 'b=2'], url('https://site.example/'));
    jar.store('a=3', url('https://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('a=3; b=2');
  });

  it('removes a cookie on Max-Age=0, a negative Max-Age or a past Expires', () => {
    const jar = new CookieJar();
    jar.store(['a=1', 'b=2', 'c=3', 'd=4'], url('https://site.example/'));
    jar.store(['a=; Max-Age=0', 'b=; Max-Age=-1', 'c=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], url('https://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('d=4');
    expect(jar.size).toBe(1);
  });

  it('removes only the cookie of the same domain and path', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Path=/x', 'a=2'], url('https://site.example/'));
    jar.store('a=; Max-Age=0', url('https://other.example/'));
    jar.store('a=; Max-Age=0; Path=/x', url('https://site.example/'));
    expect(jar.header(url('https://site.example/x'))).toBe('a=2');
  });

  it('lets a cookie expire with its Max-Age, which wins over Expires', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store(['a=1; Max-Age=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'b=2; Expires=Wed, 01 Jan 2200 00:00:00 GMT'], url('https://site.example/'));
    expect(jar.header(url('https://site.example/'))).toBe('a=1; b=2');
    now += 2_000;
    expect(jar.header(url('https://site.example/'))).toBe('b=2');
  });

  it.each([
    ['no equals sign', 'justavalue'],
    ['an empty name', '=value'],
    ['a control character in the value', 'a=1\u0001'],
    ['a space in the name', 'a b=1'],
    ['a character no header can carry', 'a=\u2603'],
    ['an oversized cookie', `a=${'x'.repeat(MAX_COOKIE_BYTES)}`],
  ])('ignores a cookie with %s', (_label, header) => {
    const jar = new CookieJar();
    jar.store(header, url('https://site.example/'));
    expect(jar.size).toBe(0);
  });

  it(`keeps at most ${MAX_COOKIES} cookies, still letting a kept one be replaced`, () => {
    const jar = new CookieJar();
    jar.store(Array.from({ length: 40 }, (_, i) => `a${i}=1`), url('https://site.example/'));
    jar.store(Array.from({ length: 40 }, (_, i) => `b${i}=1`), url('https://site.example/'));
    expect(jar.size).toBe(MAX_COOKIES);
    jar.store('a0=2', url('https://site.example/'));
    expect(jar.header(url('https://site.example/'))).toMatch(/^a0=2; a1=1/);
  });

  it('reads at most 50 Set-Cookie headers of one response', () => {
    const jar = new CookieJar();
    jar.store([...Array.from({ length: 50 }, (_, i) => `a${i}=1`), 'a0=2'], url('https://site.example/'));
    expect(jar.header(url('https://site.example/'))).toMatch(/^a0=1; /);
  });

  it('keeps a cookie whose Max-Age lies beyond any date', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store('a=1; Max-Age=99999999999999999', url('https://site.example/'));
    now += 1e12;
    expect(jar.header(url('https://site.example/'))).toBe('a=1');
  });

  it('keeps the Cookie header under its size cap', () => {
    const jar = new CookieJar();
    const big = 'x'.repeat(MAX_COOKIE_BYTES - 10);
    jar.store(['a=1', `b=${big}`, `c=${big}`, `d=${big}`, 'e=5'], url('https://site.example/'));
    const header = jar.header(url('https://site.example/')) ?? '';
    expect(header.length).toBeLessThanOrEqual(MAX_COOKIE_HEADER_BYTES);
    expect(header.startsWith('a=1; b=')).toBe(true);
    expect(header.endsWith('; e=5')).toBe(true);
  });
});
