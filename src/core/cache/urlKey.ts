import { createHash } from 'node:crypto';
import { getDomain } from 'tldts';
import { SkimError } from '../errors.js';
import { parseHttpUrl } from '../httpUrl.js';
import { isTrackingParam } from './trackingParams.js';

/** `index.html`, `default.aspx` and friends: servers answer them for the folder itself. */
const INDEX_FILE = /\/(?:index\.(?:html?|shtml|php|aspx?|jsp)|default\.(?:html?|aspx?))$/i;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The canonical form of a web link, for cache keys: scheme and host lowercased, default port, fragment and
 * tracking parameters dropped, remaining query parameters sorted by name, percent-escapes normalised,
 * and `/a/`, `/a/index.html` folded into `/a`. The result is a valid URL that fetches the same page.
 * @throws SkimError('BAD_URL') for a link the fetcher would refuse to parse: malformed, a scheme other than
 *   http(s), a user name or password.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  const hostname = parsed.hostname.replace(/\.$/, '');
  if (hostname === '') throw new SkimError('BAD_URL', undefined, { details: { url } });
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return `${parsed.protocol}//${hostname}${port}${canonicalPath(parsed.pathname)}${canonicalQuery(parsed.search)}`;
}

/**
 * The page's declared canonical URL, canonicalised, when it can be trusted as another name of the same page:
 * http(s), on the same site (the same registrable domain under the public-suffix list, private suffixes such as
 * `github.io` included, so `www.`, `m.` or `amp.` variants match but two `co.uk` sites or two `github.io` users
 * do not; an IP address or single-label host only matches itself), and not the site's home page
 * declared by an inner page (a common template mistake that would fold every article into one entry).
 * Relative canonical links are resolved against the page URL. Returns undefined otherwise; never throws.
 */
export function sameSiteCanonical(pageUrl: string, canonical: string | undefined): string | undefined {
  if (canonical === undefined || canonical.trim() === '') return undefined;
  try {
    const page = new URL(canonicalizeUrl(pageUrl));
    const result = canonicalizeUrl(new URL(canonical.trim(), page).href);
    const target = new URL(result);
    if (siteOf(page.hostname) !== siteOf(target.hostname)) return undefined;
    if (isHome(target) && !isHome(page)) return undefined;
    return result;
  } catch {
    return undefined;
  }
}

/** The cache key of a link: `url:` and its canonical form. @throws SkimError('BAD_URL') like {@link canonicalizeUrl}. */
export function urlKey(url: string): string {
  return `url:${canonicalizeUrl(url)}`;
}

/**
 * The cache key of pasted text or an uploaded file: its kind (`text:` or `html:`) and the SHA-256 of the
 * content after Unicode NFC, removal of invisible characters (zero-width spaces, word joiners, soft hyphens,
 * BOMs), CRLF as LF, spaces and tabs collapsed within each line, and runs of blank lines as one. Line
 * breaks stay in the key: they decide how text is split into paragraphs, and so what Skim makes of it,
 * so two texts that differ in them never share an entry (nor a remembered refusal).
 */
export function contentKey(kind: 'text' | 'html', text: string): string {
  const normalized = text
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\u200B\u2060\u00AD\uFEFF]/g, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    // Runs of spaces collapse and lines are trimmed without touching single spaces: a 10 MB line costs a
    // match per run, not one per word.
    .replace(/[^\S\n]{2,}|[^\S\n ]/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${kind}:${createHash('sha256').update(normalized).digest('hex')}`;
}

/** The cache key of a file read by its bytes (a PDF): its kind and the SHA-256 of the bytes as they are. */
export function bytesKey(kind: 'pdf', bytes: Uint8Array): string {
  return `${kind}:${createHash('sha256').update(bytes).digest('hex')}`;
}

function canonicalPath(pathname: string): string {
  const path = normalizeEscapes(pathname).replace(INDEX_FILE, '/');
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** Drops tracking and empty parameters and sorts the rest by name; repeated names keep their order. */
function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => ({ piece: normalizeEscapes(piece), name: paramName(piece) }))
    .filter(({ name }) => !isTrackingParam(name));
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return kept.length === 0 ? '' : `?${kept.map(({ piece }) => piece).join('&')}`;
}

function paramName(piece: string): string {
  const raw = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** RFC 3986 normalisation: hex digits of escapes uppercased, escaped unreserved characters decoded. */
function normalizeEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function isHome(url: URL): boolean {
  return url.pathname === '/' && url.search === '';
}

/** The registrable domain of a host (`bbc.co.uk` for `www.bbc.co.uk`), or the host itself when it has none. */
function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}
