import { domainToASCII } from 'node:url';
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

/** One stored cookie, as RFC 6265 §5.3 describes it. */
interface StoredCookie {
  name: string;
  value: string;
  /** Lowercased, ASCII (punycode) host or domain. */
  domain: string;
  /** Sent only to `domain` itself, not its subdomains (no Domain attribute). */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Milliseconds since the epoch; undefined for a session cookie. */
  expiresAt: number | undefined;
  /** Insertion order, for the RFC's sending order. */
  order: number;
}

/** The attributes Skim reads from a Set-Cookie header; the others (HttpOnly, SameSite) do not apply to it. */
interface CookieAttributes {
  domain?: string;
  path?: string;
  secure: boolean;
  maxAgeSeconds?: number;
  expires?: number;
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

/**
 * Cookies set during one fetch's redirect chain, sent back on the later requests of that chain only: a consent
 * wall or news site that answers `302 + Set-Cookie` to the same URL then serves the page instead of looping.
 * One jar lives and dies with one fetch, so nothing is kept between fetches or users. Follows RFC 6265 where it
 * matters here: host-only and Domain cookies (never on a public suffix such as `com` or `co.uk`, never for a
 * host the response did not come from), Path, Secure (https only), expiry and deletion, with caps on count
 * and size.
 */
export class CookieJar {
  readonly #cookies: StoredCookie[] = [];
  readonly #now: () => number;
  #order = 0;

  /** @param now the clock, for expiry (tests pass their own). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** How many cookies the jar holds (expired ones included until the next store or read). */
  get size(): number {
    return this.#cookies.length;
  }

  /** Stores the cookies a response from `url` set; malformed, foreign or oversized ones are ignored. */
  store(setCookie: string | string[] | undefined, url: URL): void {
    const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
    this.#dropExpired();
    for (const header of headers.slice(0, MAX_SET_COOKIES_PER_RESPONSE)) {
      const cookie = this.#parse(header, url);
      if (cookie) this.#put(cookie, url);
    }
  }

  /** The Cookie header for a request to `url`, or undefined when no cookie applies. */
  header(url: URL): string | undefined {
    this.#dropExpired();
    const host = canonicalHost(url.hostname);
    const secure = url.protocol === 'https:';
    const matching = this.#cookies
      .filter((c) => (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)))
      .filter((c) => pathMatches(url.pathname || '/', c.path) && (secure || !c.secure))
      .sort((a, b) => b.path.length - a.path.length || a.order - b.order);
    const pairs: string[] = [];
    let bytes = 0;
    for (const cookie of matching) {
      const pair = `${cookie.name}=${cookie.value}`;
      const added = pair.length + (pairs.length > 0 ? 2 : 0);
      if (bytes + added > MAX_COOKIE_HEADER_BYTES) continue;
      pairs.push(pair);
      bytes += added;
    }
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  /** Builds the cookie a Set-Cookie header from `url` describes, or undefined when it must be ignored. */
  #parse(header: string, url: URL): StoredCookie | undefined {
    const [pair = '', ...rest] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) return undefined;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!name || !isCookieText(name, true) || !isCookieText(value, false)) return undefined;
    if (name.length + value.length > MAX_COOKIE_BYTES) return undefined;
    const attributes = parseAttributes(rest);
    const secureRequest = url.protocol === 'https:';
    if (attributes.secure && !secureRequest) return undefined;
    const scope = cookieScope(attributes.domain, url);
    if (!scope) return undefined;
    const path = attributes.path?.startsWith('/') ? attributes.path : defaultPath(url);
    if (!prefixAllows(name, attributes, secureRequest)) return undefined;
    return { name, value, ...scope, path, secure: attributes.secure, expiresAt: expiry(attributes, this.#now()), order: 0 };
  }

  /** Adds, replaces or (when already expired) deletes a cookie. */
  #put(cookie: StoredCookie, url: URL): void {
    const same = (c: StoredCookie): boolean =>
      c.name === cookie.name && c.domain === cookie.domain && c.hostOnly === cookie.hostOnly && c.path === cookie.path;
    // An insecure response may not shadow or replace a Secure cookie (RFC 6265bis "Leave Secure Cookies Alone").
    if (url.protocol !== 'https:' && this.#cookies.some((c) => c.secure && c.name === cookie.name && overlaps(c, cookie))) return;
    const index = this.#cookies.findIndex(same);
    const old = index >= 0 ? this.#cookies.splice(index, 1)[0] : undefined;
    if (cookie.expiresAt !== undefined && cookie.expiresAt <= this.#now()) return;
    if (!old && this.#cookies.length >= MAX_COOKIES) return;
    this.#cookies.push({ ...cookie, order: old?.order ?? this.#order++ });
  }

  #dropExpired(): void {
    const now = this.#now();
    for (let i = this.#cookies.length - 1; i >= 0; i--) {
      const expiresAt = this.#cookies[i]?.expiresAt;
      if (expiresAt !== undefined && expiresAt <= now) this.#cookies.splice(i, 1);
    }
  }
}

/** Reads the attributes after the name-value pair; the last of each wins, unknown ones are skipped. */
function parseAttributes(parts: string[]): CookieAttributes {
  const attributes: CookieAttributes = { secure: false };
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === 'secure') attributes.secure = true;
    else if (key === 'path') attributes.path = value;
    else if (key === 'domain' && value) attributes.domain = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) attributes.maxAgeSeconds = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) attributes.expires = Date.parse(value);
  }
  return attributes;
}

/** Max-Age wins over Expires (RFC 6265 §5.3 step 3); a Max-Age of zero or less means "already expired". */
function expiry(attributes: CookieAttributes, now: number): number | undefined {
  if (attributes.maxAgeSeconds !== undefined) {
    return attributes.maxAgeSeconds <= 0 ? -Infinity : now + Math.min(attributes.maxAgeSeconds, 4e8) * 1000;
  }
  return attributes.expires;
}

/**
 * Where a cookie may go: host-only for the response's host when there is no Domain attribute, else the Domain,
 * which must contain the host and may not be a public suffix or a bare name. A Domain equal to the host of an
 * IP address or public suffix is kept as host-only, as browsers do; anything else is refused (undefined).
 */
function cookieScope(domainAttribute: string | undefined, url: URL): { domain: string; hostOnly: boolean } | undefined {
  const host = canonicalHost(url.hostname);
  if (domainAttribute === undefined) return { domain: host, hostOnly: true };
  const raw = domainAttribute.replace(/^\./, '');
  if (!raw || raw.endsWith('.')) return undefined;
  const domain = domainToASCII(raw).toLowerCase();
  if (!domain) return undefined;
  if (domain === host) return isPublicOrBare(host) ? { domain: host, hostOnly: true } : { domain, hostOnly: false };
  if (isPublicOrBare(domain) || !domainMatches(host, domain)) return undefined;
  return { domain, hostOnly: false };
}

/** True for an IP address, a single-label name, or a public suffix (`com`, `co.uk`, `github.io`). */
function isPublicOrBare(domain: string): boolean {
  if (parseIpLiteral(domain) || !domain.includes('.')) return true;
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}

/** RFC 6265 §5.1.3: the host is the domain or one of its subdomains, and is a name, not an IP address. */
function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return host.endsWith(`.${domain}`) && !parseIpLiteral(host);
}

/** RFC 6265 §5.1.4. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265 §5.1.4: the request path up to, not including, its last slash; `/` when there is none past the first. */
function defaultPath(url: URL): string {
  const path = url.pathname;
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

/** Whether two cookies could be sent on the same request (either's domain covers the other's, paths nest). */
function overlaps(a: StoredCookie, b: StoredCookie): boolean {
  const domains = domainMatches(a.domain, b.domain) || domainMatches(b.domain, a.domain);
  return domains && pathMatches(b.path, a.path);
}

/** The `__Secure-` and `__Host-` name prefixes (RFC 6265bis §4.1.3), which a site relies on to mean "from https". */
function prefixAllows(name: string, attributes: CookieAttributes, secureRequest: boolean): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('__secure-')) return attributes.secure && secureRequest;
  if (lower.startsWith('__host-')) return attributes.secure && secureRequest && attributes.domain === undefined && attributes.path === '/';
  return true;
}

/** The host as cookies compare it: lowercase, IPv6 without brackets. */
function canonicalHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
