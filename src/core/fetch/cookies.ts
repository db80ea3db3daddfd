import { domainToASCII } from 'node:url';
import {
  Cookie,
  defaultPath,
  domainMatch,
  MemoryCookieStore,
  pathMatch,
  CookieJar as ToughCookieJar,
} from 'tough-cookie';
import { getPublicSuffix } from 'tldts';
import { parseIpLiteral } from './address.js';

/** Cookies one fetch keeps at most; sites that set more are not ones a consent wall needs. */
export const MAX_COOKIES = 50;
/** Largest `name=value` kept (browsers cap a cookie at 4096 bytes). */
export const MAX_COOKIE_BYTES = 4096;
/** Largest Cookie header sent, well under the header limits servers apply. */
export const MAX_COOKIE_HEADER_BYTES = 8192;
/** Set-Cookie headers read from one response; the rest are ignored. */
const MAX_SET_COOKIES_PER_RESPONSE = 50;

/**
 * Cookies set during one fetch's redirect chain, sent back on the later requests of that chain only: a consent
 * wall or news site that answers `302 + Set-Cookie` to the same URL then serves the page instead of looping.
 * One jar lives and dies with one fetch, so nothing is kept between fetches or users.
 *
 * tough-cookie does the RFC 6265 work (parsing, host-only and Domain cookies against the public-suffix list,
 * Path, Secure only over https, `__Secure-`/`__Host-` prefixes, replacement and sending order). This wrapper adds
 * what it lacks: caps on count and size, names and values a header can carry, a Domain equal to a host that is
 * a public suffix kept as host-only (RFC 6265 §5.3 step 6), Max-Age counted from when the cookie was set (not
 * last read), an injectable clock, and "leave Secure cookies alone" (RFC 6265bis §5.7 step 16).
 */
export class CookieJar {
  readonly #store = new MemoryCookieStore();
  readonly #jar = new ToughCookieJar(this.#store, { allowSecureOnLocal: false, prefixSecurity: 'silent' });
  readonly #now: () => number;

  /** @param now the clock, for expiry (tests pass their own). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** How many unexpired cookies the jar holds. */
  get size(): number {
    this.#dropExpired();
    return this.#all().length;
  }

  /** Stores the cookies a response from `url` set; malformed, foreign or oversized ones are ignored. */
  store(setCookie: string | string[] | undefined, url: URL): void {
    const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
    this.#dropExpired();
    for (const header of headers.slice(0, MAX_SET_COOKIES_PER_RESPONSE)) {
      const cookie = this.#parse(header, url);
      if (cookie && !this.#shadowsSecure(cookie, url)) this.#put(cookie, url);
    }
  }

  /** The Cookie header for a request to `url`, or undefined when no cookie applies. */
  header(url: URL): string | undefined {
    this.#dropExpired();
    const matching = this.#jar.getCookiesSync(url.href, { expire: false, sort: true });
    const pairs: string[] = [];
    let bytes = 0;
    for (const cookie of matching) {
      const pair = cookie.cookieString();
      const added = pair.length + (pairs.length > 0 ? 2 : 0);
      if (bytes + added > MAX_COOKIE_HEADER_BYTES) continue;
      pairs.push(pair);
      bytes += added;
    }
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  /** Parses a Set-Cookie header and applies the rules tough-cookie leaves out; undefined when it must be ignored. */
  #parse(header: string, url: URL): Cookie | undefined {
    const cookie = Cookie.parse(header);
    if (!cookie?.key || !isCookieText(cookie.key, true) || !isCookieText(cookie.value, false)) return undefined;
    if (cookie.key.length + cookie.value.length > MAX_COOKIE_BYTES) return undefined;
    if (cookie.domain) {
      // Node's conversion refuses what no host name can be (an IPv6 literal), which tough-cookie would accept.
      const domain = domainToASCII(cookie.domain).toLowerCase();
      if (!domain) return undefined;
      // A Domain naming the host itself is host-only where the host cannot carry domain cookies.
      cookie.domain = domain === canonicalHost(url.hostname) && isPublicOrBare(domain) ? null : domain;
    }
    if (typeof cookie.maxAge === 'number' || cookie.maxAge === '-Infinity') {
      const seconds = typeof cookie.maxAge === 'number' ? cookie.maxAge : -1;
      // A Max-Age beyond the Date range gives an invalid date, whose NaN expiry never compares as passed.
      cookie.expires = new Date(seconds <= 0 ? 0 : this.#now() + seconds * 1000);
      cookie.maxAge = null;
    }
    return cookie;
  }

  /** Whether an insecure response tries to set a cookie that would shadow or replace a Secure one. */
  #shadowsSecure(cookie: Cookie, url: URL): boolean {
    if (url.protocol === 'https:') return false;
    const domain = cookie.domain ?? canonicalHost(url.hostname);
    const path = cookie.path?.startsWith('/') ? cookie.path : defaultPath(url.pathname);
    return this.#all().some(
      (old) =>
        old.secure &&
        old.key === cookie.key &&
        (domainMatch(old.domain, domain) === true || domainMatch(domain, old.domain) === true) &&
        pathMatch(path, old.path ?? '/'),
    );
  }

  /** Adds, replaces or (when already expired) deletes a cookie, keeping the count under its cap. */
  #put(cookie: Cookie, url: URL): void {
    const before = this.#all().length;
    const stored = this.#jar.setCookieSync(cookie, url.href, { ignoreError: true, now: new Date(this.#now()) });
    if (stored && this.#all().length > Math.max(before, MAX_COOKIES)) this.#remove(stored);
    this.#dropExpired();
  }

  #dropExpired(): void {
    const now = this.#now();
    for (const cookie of this.#all()) {
      const expiresAt = cookie.expiryTime();
      if (expiresAt !== undefined && expiresAt <= now) this.#remove(cookie);
    }
  }

  #all(): Cookie[] {
    let cookies: Cookie[] = [];
    // MemoryCookieStore answers synchronously, so the callback has run when the call returns.
    this.#store.getAllCookies((error, result) => {
      if (error) throw error;
      cookies = result ?? [];
    });
    return cookies;
  }

  #remove(cookie: Cookie): void {
    this.#store.removeCookie(cookie.domain ?? '', cookie.path ?? '', cookie.key, (error) => {
      if (error) throw error;
    });
  }
}

/**
 * Whether a cookie name or value can be stored and sent back: no control character but tab (RFC 6265bis), no
 * `;`, nothing a header cannot carry (above U+00FF), and for names no `=` or white space.
 */
function isCookieText(text: string, isName: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code > 0xff || code === 0x3b) return false;
    if (isName && (code === 0x3d || /\s/.test(text.charAt(i)))) return false;
  }
  return true;
}

/** True for an IP address, a single-label name, or a public suffix (`com`, `co.uk`, `github.io`). */
function isPublicOrBare(domain: string): boolean {
  if (parseIpLiteral(domain) || !domain.includes('.')) return true;
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}

/** The host as cookies compare it: lowercase, IPv6 without brackets. */
function canonicalHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
