import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheTimeoutError, FaultLog, withTimeout } from '../../../src/core/cache/faults.js';
import { openCache, type SkimCache } from '../../../src/core/cache/index.js';
import { makeDigest } from '../../helpers/digestFixture.js';
import { capturingLogger, testPrefix, warnings } from '../../helpers/cacheStores.js';
import { startRedis, type RedisServer } from '../../helpers/redis.js';

const OPTIONS = { ttlSeconds: 60, failureTtlSeconds: 60, opTimeoutMs: 1_000 };

function counting(key: string) {
  const compute = async () => {
    compute.runs += 1;
    return { digest: makeDigest(key) };
  };
  compute.runs = 0;
  return compute;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
}

/** Waits until `check` holds (Redis reconnects in the background), or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}

describe('cache faults with Redis', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('keeps answering when Redis stops in the middle of a run, and caches again when it is back', async () => {
    const { logger, records } = capturingLogger();
    const cache: SkimCache = await openCache(redis.url, { ...OPTIONS, logger, prefix: testPrefix() });
    try {
      const compute = counting('url:https://example.com/a');
      await cache.getOrCompute('url:https://example.com/a', compute);
      expect((await cache.getOrCompute('url:https://example.com/a', compute)).cached).toBe(true);

      await redis.stop();
      for (let i = 0; i < 10; i++) {
        const { value, ms } = await timed(cache.getOrCompute('url:https://example.com/a', compute));
        expect(value).toMatchObject({ cached: false, digest: { key: 'url:https://example.com/a' } });
        expect(ms).toBeLessThan(500); // no waiting on the 1 s time budget: a stopped server fails at once
      }
      expect(compute.runs).toBe(11);
      expect(await cache.peek('url:https://example.com/a')).toBeUndefined();
      await cache.kv('guild').set('1', { on: true });
      expect(await cache.kv('guild').get('1')).toBeUndefined();
      expect([(await cache.hit('user', 'u', 60_000)).current, (await cache.hit('user', 'u', 60_000)).current]).toEqual([1, 2]);
      // One warning for the burst, not one per request.
      expect(warnings(records).length).toBeGreaterThanOrEqual(1);
      expect(warnings(records).length).toBeLessThanOrEqual(2);

      await redis.restart();
      const fresh = counting('url:https://example.com/b');
      await eventually(async () => (await cache.getOrCompute('url:https://example.com/b', fresh)).cached);
      expect(records.some((record) => record.msg === 'cache: Redis connection restored')).toBe(true);
    } finally {
      await cache.close();
    }
  });

  it('answers requests that were in flight, holding or waiting on a lock, when Redis stops', async () => {
    const prefix = testPrefix();
    const [holder, waiter] = await Promise.all([1, 2].map(() => openCache(redis.url, { ...OPTIONS, logger: capturingLogger().logger, prefix })));
    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { digest: makeDigest('url:https://example.com/slow') };
    };
    try {
      const held = holder!.getOrCompute('url:https://example.com/slow', slow);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waiting = Promise.all(Array.from({ length: 5 }, () => waiter!.getOrCompute('url:https://example.com/slow', slow)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await redis.stop();
      const results = await Promise.all([held, waiting]);
      expect(results.flat().map((r) => r.digest.key)).toEqual(Array(6).fill('url:https://example.com/slow'));
    } finally {
      await Promise.all([holder!.close(), waiter!.close()]);
      await redis.restart();
    }
  });

  it('bounds the cost of a hung Redis to one time budget per cool-down', async () => {
    // A budget far above the cost of a skipped call, so a loaded machine cannot blur the two apart.
    const cache = await openCache(redis.url, { ...OPTIONS, opTimeoutMs: 1_000, logger: capturingLogger().logger, prefix: testPrefix() });
    const compute = counting('url:https://example.com/hung');
    redis.pause();
    try {
      const first = await timed(cache.getOrCompute('url:https://example.com/hung', compute));
      expect(first.value.cached).toBe(false);
      expect(first.ms).toBeGreaterThanOrEqual(990);
      expect(first.ms).toBeLessThan(5_000);
      const next = await timed(cache.getOrCompute('url:https://example.com/hung', compute));
      expect(next.value.cached).toBe(false);
      expect(next.ms).toBeLessThan(500);
    } finally {
      redis.resume();
      await cache.close();
    }
  });

  it('opens without a reachable Redis and answers from computes', async () => {
    const { logger, records } = capturingLogger();
    const stopped = await startRedis();
    await stopped.stop();
    const { value: cache, ms } = await timed(openCache(stopped.url, { ...OPTIONS, logger, prefix: testPrefix() }));
    try {
      expect(ms).toBeLessThan(5_000);
      const compute = counting('text:x');
      expect((await cache.getOrCompute('text:x', compute)).cached).toBe(false);
      expect((await cache.getOrCompute('text:x', compute)).cached).toBe(false);
      expect(warnings(records).length).toBeGreaterThanOrEqual(1);
    } finally {
      await cache.close();
    }
  });
});

describe('cache faults with SQLite', () => {
  it('answers when the SQLite file cannot be created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skim-unwritable-'));
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const { logger, records } = capturingLogger();
    try {
      const cache = await openCache(`sqlite://${join(dir, 'not-a-folder', 'cache.sqlite')}`, { ...OPTIONS, logger });
      const compute = counting('text:y');
      expect((await cache.getOrCompute('text:y', compute)).cached).toBe(false);
      expect((await cache.getOrCompute('text:y', compute)).cached).toBe(false);
      expect(await cache.peek('text:y')).toBeUndefined();
      expect(warnings(records).length).toBeGreaterThanOrEqual(1);
      await cache.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('withTimeout', () => {
  it('passes a prompt result through', async () => {
    await expect(withTimeout(Promise.resolve(7), 100, 'get')).resolves.toBe(7);
  });

  it('rejects a slow operation with a CacheTimeoutError', async () => {
    const slow = new Promise((resolve) => setTimeout(resolve, 500));
    await expect(withTimeout(slow, 20, 'get')).rejects.toBeInstanceOf(CacheTimeoutError);
  });

  it('swallows a rejection that comes after the timeout', async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 40));
    await expect(withTimeout(late, 10, 'set')).rejects.toBeInstanceOf(CacheTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 60)); // an unhandled rejection would fail the run
  });
});

describe('FaultLog', () => {
  it('warns once per burst and counts the faults it left out', () => {
    const { logger, records } = capturingLogger();
    let now = 0;
    const faults = new FaultLog(logger, 1_000, () => now);
    for (let i = 0; i < 5; i++) faults.report('get', new Error('down'));
    now = 1_500;
    faults.report('get', new Error('down'));
    expect(warnings(records).map((record) => record.suppressed)).toEqual([0, 4]);
  });
});
