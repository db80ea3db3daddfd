import { SkimError } from '../errors.js';
import { sniffBinary, type BinaryKind } from '../decode/index.js';

/** A Content-Type header, taken apart. */
export interface MediaType {
  /** Lowercased `type/subtype`, without parameters. */
  type: string;
  charset?: string;
}

/** The media types Skim reads; anything else is refused before its body is downloaded. */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf']);

/** Another name servers give PDFs. */
const PDF_ALIASES: ReadonlySet<string> = new Set(['application/x-pdf', 'application/acrobat']);

/**
 * Types that say only "a file": downloaded (within the byte cap) and read only when their bytes are a PDF,
 * since servers send PDFs under them.
 */
const UNTYPED: ReadonlySet<string> = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download']);

/** Whether a response of this declared type is worth downloading: an article type, a PDF, or an untyped file. */
export function mayRead(type: string): boolean {
  return ARTICLE_TYPES.has(type) || PDF_ALIASES.has(type) || UNTYPED.has(type);
}

/**
 * The type a downloaded body is read as, from its bytes and the declared type (undefined when none): a PDF by
 * its header whatever it was served as; other binary content is refused naming what it looks like, even
 * when served as HTML or text; text keeps its declared type (HTML when none).
 * @throws SkimError('NOT_HTML') for binary content that is not a PDF, and for text served as an untyped file.
 */
export function bodyType(bytes: Uint8Array, declared: string | undefined): string {
  const kind = sniffBinary(bytes);
  if (kind?.type === 'application/pdf') return kind.type;
  if (kind) throw notAnArticleKind(kind);
  if (declared === undefined) return 'text/html';
  if (PDF_ALIASES.has(declared)) return 'application/pdf';
  if (!ARTICLE_TYPES.has(declared)) throw notAnArticle(declared);
  return declared;
}

/** The error for a body that looks like a binary format Skim has no reader for. */
function notAnArticleKind(kind: BinaryKind): SkimError {
  return new SkimError('NOT_HTML', `That link isn't an article (it looks like ${kind.name}).`, { details: { contentType: kind.type } });
}

/** Statuses that mean the page exists but Skim may not read it, with what to tell the user. */
const REFUSED: Record<number, string> = {
  401: 'That page needs a login.',
  402: 'That page is behind a paywall.',
  403: 'The site refused access to that page (403 Forbidden); it may need a login or subscription.',
  451: 'That page is unavailable for legal reasons (451).',
};

/** Parses a Content-Type header; undefined when absent or not `type/subtype`. */
export function parseContentType(header: string | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [rawType = '', ...params] = header.split(';');
  const type = rawType.trim().toLowerCase();
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(type)) return undefined;
  const charset = params
    // Single quotes are not HTTP syntax, but servers send them and browsers read through them.
    .map((p) => p.trim().match(/^charset\s*=\s*["']?([^"';\s]+)["']?/i)?.[1])
    .find((c): c is string => Boolean(c));
  return charset ? { type, charset: charset.toLowerCase() } : { type };
}

/** The error for a media type Skim does not read, e.g. "That link isn't an article (application/pdf)." */
export function notAnArticle(type: string): SkimError {
  return new SkimError('NOT_HTML', `That link isn't an article (${type}).`, { details: { contentType: type } });
}

/** The error for a final response whose status is not a success, or undefined for 2xx. */
export function statusError(status: number): SkimError | undefined {
  if (status >= 200 && status < 300) return undefined;
  const details = { status };
  const refused = REFUSED[status];
  if (refused) return new SkimError('PAYWALL', refused, { details });
  if (status === 404 || status === 410) return new SkimError('HTTP_STATUS', `That page wasn't found (${status}).`, { details });
  if (status === 429) return new SkimError('HTTP_STATUS', 'The site is turning requests away right now (429).', { details });
  if (status >= 500) return new SkimError('HTTP_STATUS', `The site had an error (${status}).`, { details });
  if (status >= 300 && status < 400) {
    return new SkimError('HTTP_STATUS', `The site sent a redirect (${status}) without a destination.`, { details });
  }
  return new SkimError('HTTP_STATUS', `The site answered with an error (${status}).`, { details });
}

/** Path segments and host labels of login and subscription pages. */
const WALL_SEGMENT = /^(login|log-in|signin|sign-in|sign_in|subscribe|subscription|paywall|register|auth|sso|myaccount)$/i;

function isWallUrl(url: URL): boolean {
  const labels = url.hostname.split('.').slice(0, -2);
  const segments = url.pathname.split('/').map((s) => s.replace(/\.\w+$/, ''));
  return [...labels, ...segments].some((part) => WALL_SEGMENT.test(part));
}

/**
 * The error for a link that was redirected to a login or subscription page (a paywall that answers 200), or
 * undefined. Only a redirect that lands on such a page counts: a link that points there itself is not refused.
 */
export function loginWallError(requested: URL, landed: URL): SkimError | undefined {
  if (requested.href === landed.href || isWallUrl(requested) || !isWallUrl(landed)) return undefined;
  return new SkimError('PAYWALL', 'That page redirects to a login or subscription page.', { details: { redirected: true } });
}

const SIGNATURES: Array<[string, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
];

/**
 * Guesses the type of a body served without Content-Type: a few binary signatures, any NUL byte in the first
 * kilobyte means binary, and the rest is read as HTML.
 */
export function sniffType(bytes: Uint8Array): string {
  for (const [type, signature] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return type;
  }
  return bytes.subarray(0, 1024).includes(0) ? 'application/octet-stream' : 'text/html';
}
