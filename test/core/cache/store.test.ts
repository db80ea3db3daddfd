import { describe, expect, it } from 'vitest';
import { Keyv } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { DEFAULT_SQLITE_PATH, parseCacheUrl, sweepSqlite } from '../../../src/core/cache/store.js';
import { openTestStore, STORE_KINDS, testCacheUrl } from '../../helpers/cacheStores.js';

describe('parseCacheUrl', () => {
  it.each([
    [undefined, { kind: 'sqlite', path: DEFAULT_SQLITE_PATH }],
    ['', { kind: 'sqlite', path: DEFAULT_SQLITE_PATH }],
    ['memory', { kind: 'memory' }],
    ['sqlite://./var/cache.db', { kind: 'sqlite', path: './var/cache.db' }],
    ['sqlite:///srv/skim/cache.db', { kind: 'sqlite', path: '/srv/skim/cache.db' }],
    ['redis://localhost:6379', { kind: 'redis', url: 'redis://localhost:6379' }],
    ['rediss://user:pw@cache.example:6380/2', { kind: 'redis', url: 'rediss://user:pw@cache.example:6380/2' }],
  ])('reads %j', (url, expected) => {
    expect(parseCacheUrl(url)).toEqual(expected);
  });

  it.each(['postgres://db', 'memcached://x', 'redis'])('rejects %j', (url) => {
    expect(() => parseCacheUrl(url)).toThrow(/CACHE_URL/);
  });
});

describe.each(STORE_KINDS)('CacheStore over %s', (kind) => {
  it('reads back what it wrote, keeps prefixes apart and deletes', async () => {
    const a = await openTestStore(kind);
    const b = await openTestStore(kind);
    try {
      expect(await a.store.write('k', { n: 1 })).toBe(true);
      expect(await a.store.read('k')).toEqual({ status: 'hit', value: { n: 1 } });
      expect(await b.store.read('k')).toEqual({ status: 'miss' });
      expect(await a.store.remove('k')).toBe(true);
      expect(await a.store.read('k')).toEqual({ status: 'miss' });
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });
});

describe('sweepSqlite', () => {
  it('deletes expired rows under the prefix and keeps the rest', async () => {
    const { url, cleanup } = await testCacheUrl('sqlite');
    const adapter = new KeyvSqlite({ uri: url });
    const keyv = new Keyv({ store: adapter, useKeyPrefix: false, namespace: undefined, serialize: JSON.stringify, deserialize: JSON.parse });
    try {
      await keyv.set('skim:old', 1, 1);
      await keyv.set('skim:live', 2, 60_000);
      await keyv.set('skim:forever', 3);
      await keyv.set('other:old', 4, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sweepSqlite(adapter, 'skim:');
      const rows = (await adapter.query('SELECT key FROM keyv ORDER BY key')) as Array<{ key: string }>;
      expect(rows.map((row) => row.key)).toEqual(['other:old', 'skim:forever', 'skim:live']);
    } finally {
      await adapter.disconnect();
      await cleanup();
    }
  });
});
