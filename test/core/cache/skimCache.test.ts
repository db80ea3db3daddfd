import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openCache, urlKey, type SkimCache } from '../../../src/core/cache/index.js';
import type { StoreKind } from '../../../src/core/cache/store.js';
import { silentLogger } from '../../../src/logger.js';
import { makeDigest } from '../../helpers/digestFixture.js';
import { STORE_KINDS, testCacheUrl, testPrefix } from '../../helpers/cacheStores.js';

const OPTIONS = { ttlSeconds: 60, failureTtlSeconds: 60, logger: silentLogger };

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('openCache', () => {
  it('opens SQLite at ./data/skim.sqlite when CACHE_URL is unset, creating the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skim-default-'));
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const cache = await openCache(undefined, OPTIONS);
      expect(cache.kind).toBe('sqlite');
      await cache.getOrCompute('text:a', async () => ({ digest: makeDigest('text:a') }));
      await cache.close();
      expect(existsSync(join(dir, 'data', 'skim.sqlite'))).toBe(true);
    } finally {
      process.chdir(previous);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps SQLite entries across reopening the file', async () => {
    const { url, cleanup } = await testCacheUrl('sqlite');
    try {
      const first = await openCache(url, OPTIONS);
      await first.getOrCompute('text:kept', async () => ({ digest: makeDigest('text:kept') }));
      await first.close();
      const second = await openCache(url, OPTIONS);
      expect(await second.peek('text:kept')).toEqual(makeDigest('text:kept'));
      await second.close();
    } finally {
      await cleanup();
    }
  });

  it.each([
    ['memory', 'memory'],
    ['redis', inject('redisUrl')],
  ])('opens %s from its CACHE_URL', async (kind, url) => {
    const cache = await openCache(url, { ...OPTIONS, prefix: testPrefix() });
    expect(cache.kind).toBe(kind);
    await cache.close();
  });

  it('rejects an unknown CACHE_URL form', async () => {
    await expect(openCache('mongodb://localhost', OPTIONS)).rejects.toThrow(/CACHE_URL/);
  });

  it('serves a digest cached under a URL variant', async () => {
    const cache = await openCache('memory', OPTIONS);
    const key = urlKey('https://example.com/story/?utm_source=x');
    await cache.getOrCompute(key, async () => ({ digest: makeDigest(key) }));
    const again = await cache.getOrCompute(urlKey('https://EXAMPLE.com/story#top'), async () => {
      throw new Error('must not compute');
    });
    expect(again.cached).toBe(true);
    await cache.close();
  });
});

describe.each(STORE_KINDS)('SkimCache.kv and hit over %s', (kind: StoreKind) => {
  let cache: SkimCache;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const location = await testCacheUrl(kind);
    cleanup = location.cleanup;
    cache = await openCache(location.url, { ...OPTIONS, prefix: testPrefix() });
  });
  afterEach(async () => {
    await cache.close();
    await cleanup();
  });

  it('stores, reads and deletes JSON values by namespace', async () => {
    const guilds = cache.kv<{ autoSummary: boolean; length: string }>('guild');
    expect(await guilds.get('123')).toBeUndefined();
    await guilds.set('123', { autoSummary: true, length: 'short' });
    expect(await guilds.get('123')).toEqual({ autoSummary: true, length: 'short' });
    expect(await cache.kv('thread').get('123')).toBeUndefined();
    await guilds.delete('123');
    expect(await guilds.get('123')).toBeUndefined();
  });

  it('expires values given a TTL', async () => {
    const threads = cache.kv<string>('thread');
    await threads.set('t1', 'url:https://example.com/a', 400);
    expect(await threads.get('t1')).toBe('url:https://example.com/a');
    await sleep(600);
    expect(await threads.get('t1')).toBeUndefined();
  });

  it('ignores values written under another schema', async () => {
    await cache.kv<{ on: boolean }>('guild', 1).set('9', { on: true });
    expect(await cache.kv<{ enabled: boolean }>('guild', 2).get('9')).toBeUndefined();
    expect(await cache.kv<{ on: boolean }>('guild', 1).get('9')).toEqual({ on: true });
  });

  it('refuses the namespaces the cache uses itself', () => {
    expect(() => cache.kv('digest')).toThrow();
    expect(() => cache.kv('rate')).toThrow();
    expect(() => cache.kv('a:b')).toThrow();
  });

  it('counts hits in a fixed window and keeps the count of the one before', async () => {
    const windowMs = 1_000;
    // Start just after a window boundary so the three hits share one window.
    await sleep(windowMs - (Date.now() % windowMs) + 5);
    const counts = [await cache.hit('user', 'u1', windowMs), await cache.hit('user', 'u1', windowMs), await cache.hit('user', 'u2', windowMs)];
    expect(counts.map((c) => [c.current, c.previous])).toEqual([[1, 0], [2, 0], [1, 0]]);
    await sleep(windowMs);
    expect(await cache.hit('user', 'u1', windowMs)).toMatchObject({ current: 1, previous: 2 });
  });
});

describe('SkimCache.hit over Redis', () => {
  it('shares counts between processes (two connections)', async () => {
    const prefix = testPrefix();
    const [a, b] = await Promise.all([1, 2].map(() => openCache(inject('redisUrl'), { ...OPTIONS, prefix })));
    try {
      const windowMs = 60_000;
      expect((await a!.hit('guild', 'g1', windowMs)).current).toBe(1);
      expect((await b!.hit('guild', 'g1', windowMs)).current).toBe(2);
      expect((await a!.hit('guild', 'g1', windowMs)).current).toBe(3);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });
});
