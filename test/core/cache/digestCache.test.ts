import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestCache, type Computed } from '../../../src/core/cache/digestCache.js';
import { DIGEST_NAMESPACE } from '../../../src/core/cache/entries.js';
import type { CacheStore, StoreKind } from '../../../src/core/cache/store.js';
import { SkimError } from '../../../src/core/errors.js';
import { DIGEST_SCHEMA } from '../../../src/core/types.js';
import { makeDigest } from '../../helpers/digestFixture.js';
import { STORE_KINDS, capturingLogger, openTestStore, warnings } from '../../helpers/cacheStores.js';

const TIMES = { ttlMs: 60_000, failureTtlMs: 60_000, lockMs: 5_000 };

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A compute that counts its runs, takes `ms`, and returns a digest for `key` (or throws `error`). */
function counted(key: string, options: { ms?: number; title?: string; error?: unknown; aliases?: string[] } = {}) {
  const compute = async (): Promise<Computed> => {
    compute.runs += 1;
    if (options.ms !== undefined) await sleep(options.ms);
    if (options.error !== undefined) throw options.error;
    return { digest: makeDigest(key, options.title), aliases: options.aliases };
  };
  compute.runs = 0;
  return compute;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof SkimError ? error.code : 'other';
  }
}

describe.each(STORE_KINDS)('DigestCache over %s', (kind: StoreKind) => {
  let store: CacheStore;
  let dispose: () => Promise<void>;
  let records: Array<Record<string, unknown>>;

  beforeEach(async () => {
    const capture = capturingLogger();
    records = capture.records;
    ({ store, dispose } = await openTestStore(kind, { logger: capture.logger }));
  });
  afterEach(async () => dispose());

  it('computes on a miss and serves the stored digest afterwards', async () => {
    const cache = new DigestCache(store, TIMES);
    const compute = counted('url:https://a.example/1');
    const first = await cache.getOrCompute('url:https://a.example/1', compute);
    const second = await cache.getOrCompute('url:https://a.example/1', compute);
    expect(first).toEqual({ digest: makeDigest('url:https://a.example/1'), cached: false });
    expect(second).toEqual({ digest: makeDigest('url:https://a.example/1'), cached: true });
    expect(compute.runs).toBe(1);
  });

  it('shares the entry between a persisted store and a second cache on it', async () => {
    const compute = counted('text:abc');
    await new DigestCache(store, TIMES).getOrCompute('text:abc', compute);
    const again = await new DigestCache(store, TIMES).getOrCompute('text:abc', compute);
    expect(again.cached).toBe(true);
    expect(compute.runs).toBe(1);
  });

  it('stores the digest under its aliases too', async () => {
    const cache = new DigestCache(store, TIMES);
    await cache.getOrCompute('url:https://a.example/amp/story', counted('url:https://a.example/amp/story', { aliases: ['url:https://a.example/story'] }));
    const viaCanonical = counted('url:https://a.example/story');
    const result = await cache.getOrCompute('url:https://a.example/story', viaCanonical);
    expect(result.cached).toBe(true);
    expect(result.digest.key).toBe('url:https://a.example/amp/story');
    expect(viaCanonical.runs).toBe(0);
  });

  it('runs one compute for 10 concurrent requests for one key', async () => {
    const cache = new DigestCache(store, TIMES);
    const compute = counted('url:https://a.example/hot', { ms: 150 });
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrCompute('url:https://a.example/hot', compute)));
    expect(compute.runs).toBe(1);
    expect(new Set(results.map((r) => r.digest.key))).toEqual(new Set(['url:https://a.example/hot']));
    expect((await cache.getOrCompute('url:https://a.example/hot', compute)).cached).toBe(true);
  });

  it('shares a failure among concurrent requests', async () => {
    const cache = new DigestCache(store, TIMES);
    const compute = counted('url:https://a.example/gone', { ms: 100, error: new SkimError('HTTP_STATUS', 'Not found (404).', { details: { status: 404 } }) });
    const codes = await Promise.all(Array.from({ length: 5 }, () => codeOf(cache.getOrCompute('url:https://a.example/gone', compute))));
    expect(codes).toEqual(Array(5).fill('HTTP_STATUS'));
    expect(compute.runs).toBe(1);
  });

  it('expires digests after the TTL', async () => {
    const cache = new DigestCache(store, { ...TIMES, ttlMs: 500 });
    const compute = counted('text:ttl');
    await cache.getOrCompute('text:ttl', compute);
    expect((await cache.getOrCompute('text:ttl', compute)).cached).toBe(true);
    await sleep(700);
    expect(await cache.peek('text:ttl')).toBeUndefined();
    expect((await cache.getOrCompute('text:ttl', compute)).cached).toBe(false);
    expect(compute.runs).toBe(2);
  });

  it('remembers a broken link for the failure TTL and rethrows an equivalent error', async () => {
    const cache = new DigestCache(store, { ...TIMES, failureTtlMs: 500 });
    const compute = counted('url:https://a.example/404', {
      error: new SkimError('HTTP_STATUS', "That page wasn't found (404).", { details: { status: 404 } }),
    });
    await expect(cache.getOrCompute('url:https://a.example/404', compute)).rejects.toThrow("That page wasn't found (404).");
    const again = await cache.getOrCompute('url:https://a.example/404', compute).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(SkimError);
    expect(again).toMatchObject({ code: 'HTTP_STATUS', message: "That page wasn't found (404).", details: { status: 404 } });
    expect(compute.runs).toBe(1);
    await sleep(700);
    await expect(cache.getOrCompute('url:https://a.example/404', compute)).rejects.toThrow(SkimError);
    expect(compute.runs).toBe(2);
  });

  it.each([
    ['NOT_AN_ARTICLE', new SkimError('NOT_AN_ARTICLE')],
    ['NOT_HTML', new SkimError('NOT_HTML', "That link isn't an article (application/pdf).", { details: { contentType: 'application/pdf' } })],
    ['PAYWALL', new SkimError('PAYWALL', 'That page needs a login.', { details: { status: 401 } })],
    ['TOO_LARGE', new SkimError('TOO_LARGE')],
    ['DNS', new SkimError('DNS', undefined, { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) })],
  ])('caches a %s failure', async (_, error) => {
    const cache = new DigestCache(store, TIMES);
    const compute = counted('url:https://a.example/x', { error });
    await expect(cache.getOrCompute('url:https://a.example/x', compute)).rejects.toThrow(error.message);
    await expect(cache.getOrCompute('url:https://a.example/x', compute)).rejects.toMatchObject({ code: error.code });
    expect(compute.runs).toBe(1);
  });

  it.each([
    ['TIMEOUT', new SkimError('TIMEOUT')],
    ['CONNECTION', new SkimError('CONNECTION')],
    ['BUSY', new SkimError('BUSY')],
    ['a 503', new SkimError('HTTP_STATUS', 'The site had an error (503).', { details: { status: 503 } })],
    ['a 429', new SkimError('HTTP_STATUS', 'Too many requests (429).', { details: { status: 429 } })],
    ['a temporary DNS error', new SkimError('DNS', undefined, { cause: Object.assign(new Error('EAI_AGAIN'), { code: 'EAI_AGAIN' }) })],
    ['a bug', new TypeError('x is undefined')],
  ])('does not cache %s', async (_, error) => {
    const cache = new DigestCache(store, TIMES);
    const compute = counted('url:https://a.example/y', { error });
    await expect(cache.getOrCompute('url:https://a.example/y', compute)).rejects.toBe(error);
    await expect(cache.getOrCompute('url:https://a.example/y', compute)).rejects.toBe(error);
    expect(compute.runs).toBe(2);
  });

  it('replaces an entry on refresh', async () => {
    const cache = new DigestCache(store, TIMES);
    await cache.getOrCompute('url:https://a.example/r', counted('url:https://a.example/r', { title: 'Old' }));
    const fresh = await cache.getOrCompute('url:https://a.example/r', counted('url:https://a.example/r', { title: 'New' }), { refresh: true });
    expect(fresh).toMatchObject({ cached: false, digest: { article: { title: 'New' } } });
    const next = await cache.getOrCompute('url:https://a.example/r', counted('url:https://a.example/r', { title: 'Newer' }));
    expect(next).toMatchObject({ cached: true, digest: { article: { title: 'New' } } });
  });

  it('replaces a cached failure on refresh', async () => {
    const cache = new DigestCache(store, TIMES);
    const failing = counted('url:https://a.example/f', { error: new SkimError('NOT_AN_ARTICLE') });
    await expect(cache.getOrCompute('url:https://a.example/f', failing)).rejects.toThrow(SkimError);
    const fixed = counted('url:https://a.example/f');
    expect((await cache.getOrCompute('url:https://a.example/f', fixed, { refresh: true })).cached).toBe(false);
    expect((await cache.getOrCompute('url:https://a.example/f', fixed)).cached).toBe(true);
    expect(fixed.runs).toBe(1);
  });

  it('drops the old digest when a refresh finds the page gone', async () => {
    const cache = new DigestCache(store, TIMES);
    await cache.getOrCompute('url:https://a.example/g', counted('url:https://a.example/g'));
    const gone = counted('url:https://a.example/g', { error: new SkimError('HTTP_STATUS', 'Gone (410).', { details: { status: 410 } }) });
    await expect(cache.getOrCompute('url:https://a.example/g', gone, { refresh: true })).rejects.toThrow('Gone (410).');
    await expect(cache.getOrCompute('url:https://a.example/g', gone)).rejects.toThrow('Gone (410).');
    expect(gone.runs).toBe(1);
    expect(await cache.peek('url:https://a.example/g')).toBeUndefined();
  });

  it('ignores an entry of another schema version', async () => {
    await store.write(`${DIGEST_NAMESPACE}:text:old`, { ...makeDigest('text:old', 'Stale'), schema: DIGEST_SCHEMA - 1 });
    const cache = new DigestCache(store, TIMES);
    expect(await cache.peek('text:old')).toBeUndefined();
    const result = await cache.getOrCompute('text:old', counted('text:old', { title: 'Current' }));
    expect(result).toMatchObject({ cached: false, digest: { schema: DIGEST_SCHEMA, article: { title: 'Current' } } });
    expect((await cache.getOrCompute('text:old', counted('text:old'))).cached).toBe(true);
  });

  it('treats an entry of the wrong shape as a miss and logs it', async () => {
    await store.write(`${DIGEST_NAMESPACE}:text:bad`, { schema: DIGEST_SCHEMA, key: 'text:bad', article: 'oops' });
    const cache = new DigestCache(store, TIMES);
    const compute = counted('text:bad');
    expect((await cache.getOrCompute('text:bad', compute)).cached).toBe(false);
    expect(compute.runs).toBe(1);
    expect(warnings(records).some((record) => record.operation === 'decode')).toBe(true);
  });

  it('peeks without computing', async () => {
    const cache = new DigestCache(store, TIMES);
    expect(await cache.peek('text:p')).toBeUndefined();
    await cache.getOrCompute('text:p', counted('text:p'));
    expect(await cache.peek('text:p')).toEqual(makeDigest('text:p'));
  });
});

describe('DigestCache over a corrupt Redis entry', () => {
  it('bypasses a value that is not JSON and overwrites it', async () => {
    const capture = capturingLogger();
    const { store, dispose } = await openTestStore('redis', { logger: capture.logger });
    try {
      await store.redis?.set(store.fullKey(`${DIGEST_NAMESPACE}:text:corrupt`), '{"value": {not json');
      const cache = new DigestCache(store, TIMES);
      const compute = counted('text:corrupt');
      expect((await cache.getOrCompute('text:corrupt', compute)).cached).toBe(false);
      expect((await cache.getOrCompute('text:corrupt', compute)).cached).toBe(true);
      expect(compute.runs).toBe(1);
      expect(warnings(capture.records)).toHaveLength(1);
    } finally {
      await dispose();
    }
  });
});
