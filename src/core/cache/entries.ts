import { SkimError, isSkimError, type SkimErrorCode } from '../errors.js';
import { DIGEST_SCHEMA, type Digest } from '../types.js';

/** Namespace of digests: a new pipeline schema reads (and writes) a fresh keyspace. */
export const DIGEST_NAMESPACE = `digest:v${DIGEST_SCHEMA}`;
/** Namespace of short-lived failures, versioned with the digests they stand in for. */
export const FAILURE_NAMESPACE = `fail:v${DIGEST_SCHEMA}`;

/** A cached failure: what is needed to throw an equivalent SkimError again. */
export interface FailureEntry {
  schema: number;
  code: SkimErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Failures that say something lasting about the link (for a few minutes at least), so worth caching. */
const CACHEABLE_CODES = new Set<SkimErrorCode>(['HTTP_STATUS', 'NOT_HTML', 'NOT_AN_ARTICLE', 'PAYWALL', 'DNS', 'TOO_LARGE']);
/** HTTP statuses that mean "try again later" rather than "this link is broken". */
const TRANSIENT_STATUSES = new Set([408, 429]);
/** Resolver answers that mean "ask again later" rather than "no such name". */
const TRANSIENT_DNS_CODES = new Set(['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT']);

/** Why a stored value was not accepted as a digest. */
export type DigestCheck = { ok: true; digest: Digest } | { ok: false; reason: 'schema' | 'shape' };

/**
 * Accepts a stored value as a digest when it carries the current schema and the fields every reader touches.
 * A deeper check would cost time on every hit; entries are only ever written by this code.
 */
export function checkDigest(value: unknown): DigestCheck {
  if (!isRecord(value)) return { ok: false, reason: 'shape' };
  if (value.schema !== DIGEST_SCHEMA) return { ok: false, reason: 'schema' };
  const article = value.article;
  const valid =
    typeof value.key === 'string' &&
    isRecord(article) &&
    typeof article.title === 'string' &&
    Array.isArray(article.blocks) &&
    Array.isArray(value.sentences) &&
    Array.isArray(value.ranking) &&
    Array.isArray(value.entities) &&
    typeof value.wordCount === 'number' &&
    typeof value.defaultLength === 'number';
  return valid ? { ok: true, digest: value as unknown as Digest } : { ok: false, reason: 'shape' };
}

/** True for failures worth remembering: broken links, not pages; not timeouts, overload or bugs. */
export function isCacheableFailure(error: unknown): error is SkimError {
  if (!isSkimError(error) || !CACHEABLE_CODES.has(error.code)) return false;
  if (error.code === 'DNS') return !causeCodes(error).some((code) => TRANSIENT_DNS_CODES.has(code));
  if (error.code !== 'HTTP_STATUS') return true;
  const status = Number(error.details.status);
  return Number.isInteger(status) && status >= 400 && status < 500 && !TRANSIENT_STATUSES.has(status);
}

/** The `code`s along an error's cause chain (Node's resolver errors carry one). */
function causeCodes(error: Error): string[] {
  const codes: string[] = [];
  for (let cause: unknown = error.cause, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    cause = (cause as { cause?: unknown }).cause;
  }
  return codes;
}

/** The stored form of a cacheable failure. */
export function toFailureEntry(error: SkimError): FailureEntry {
  return { schema: DIGEST_SCHEMA, code: error.code, message: error.message, details: jsonSafe(error.details) };
}

/** The SkimError a cached failure stands for, or undefined when the value is not a failure of this schema. */
export function fromFailureEntry(value: unknown): SkimError | undefined {
  if (!isRecord(value) || value.schema !== DIGEST_SCHEMA) return undefined;
  if (typeof value.code !== 'string' || !CACHEABLE_CODES.has(value.code as SkimErrorCode) || typeof value.message !== 'string') {
    return undefined;
  }
  const details = isRecord(value.details) ? value.details : {};
  return new SkimError(value.code as SkimErrorCode, value.message, { details: { ...details, cached: true } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Details may hold anything (headers objects, errors); only what survives JSON is kept. */
function jsonSafe(details: Record<string, unknown>): Record<string, unknown> {
  try {
    const copy: unknown = JSON.parse(JSON.stringify(details));
    return isRecord(copy) ? copy : {};
  } catch {
    return {};
  }
}
