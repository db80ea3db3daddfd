import { describe, expect, it } from 'vitest';
import { checkDigest, fromFailureEntry, isCacheableFailure, toFailureEntry } from '../../../src/core/cache/entries.js';
import { SkimError } from '../../../src/core/errors.js';
import { DIGEST_SCHEMA } from '../../../src/core/types.js';
import { makeDigest } from '../../helpers/digestFixture.js';

const status = (code: number): SkimError => new SkimError('HTTP_STATUS', `(${code})`, { details: { status: code } });

describe('isCacheableFailure', () => {
  it.each([400, 401, 403, 404, 410, 451])('caches HTTP %i', (code) => {
    expect(isCacheableFailure(status(code))).toBe(true);
  });

  it.each([408, 429, 500, 502, 503])('does not cache HTTP %i', (code) => {
    expect(isCacheableFailure(status(code))).toBe(false);
  });

  it('does not cache an HTTP_STATUS without a status', () => {
    expect(isCacheableFailure(new SkimError('HTTP_STATUS'))).toBe(false);
  });

  it.each(['NOT_HTML', 'NOT_AN_ARTICLE', 'PAYWALL', 'DNS', 'TOO_LARGE'] as const)('caches %s', (code) => {
    expect(isCacheableFailure(new SkimError(code))).toBe(true);
  });

  it.each(['TIMEOUT', 'CONNECTION', 'BUSY', 'RATE_LIMITED', 'INTERNAL', 'TLS', 'BLOCKED_ADDRESS'] as const)('does not cache %s', (code) => {
    expect(isCacheableFailure(new SkimError(code))).toBe(false);
  });

  it('does not cache a resolver asking to retry', () => {
    const cause = Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    expect(isCacheableFailure(new SkimError('DNS', undefined, { cause }))).toBe(false);
  });

  it('does not cache errors that are not SkimErrors', () => {
    expect(isCacheableFailure(new Error('bug'))).toBe(false);
    expect(isCacheableFailure('string')).toBe(false);
  });
});

describe('failure entries', () => {
  it('round-trip through JSON to an equivalent SkimError', () => {
    const entry = JSON.parse(JSON.stringify(toFailureEntry(status(404)))) as unknown;
    const error = fromFailureEntry(entry);
    expect(error).toBeInstanceOf(SkimError);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', message: '(404)', details: { status: 404, cached: true } });
  });

  it('keep only JSON-safe details', () => {
    const error = new SkimError('NOT_HTML', 'pdf', { details: { type: 'application/pdf', fn: () => 1, big: 1n } });
    expect(toFailureEntry(error).details).toEqual({});
    expect(toFailureEntry(new SkimError('NOT_HTML', 'pdf', { details: { type: 'application/pdf' } })).details).toEqual({ type: 'application/pdf' });
  });

  it('reject values of another schema or code', () => {
    expect(fromFailureEntry({ ...toFailureEntry(status(404)), schema: DIGEST_SCHEMA + 1 })).toBeUndefined();
    expect(fromFailureEntry({ ...toFailureEntry(status(404)), code: 'TIMEOUT' })).toBeUndefined();
    expect(fromFailureEntry(null)).toBeUndefined();
  });
});

describe('checkDigest', () => {
  it('accepts a digest of the current schema', () => {
    expect(checkDigest(makeDigest('text:a'))).toEqual({ ok: true, digest: makeDigest('text:a') });
  });

  it('tells another schema from a bad shape', () => {
    expect(checkDigest({ ...makeDigest('text:a'), schema: DIGEST_SCHEMA + 1 })).toEqual({ ok: false, reason: 'schema' });
    expect(checkDigest({ ...makeDigest('text:a'), sentences: 'x' })).toEqual({ ok: false, reason: 'shape' });
    expect(checkDigest([1, 2])).toEqual({ ok: false, reason: 'shape' });
  });
});
