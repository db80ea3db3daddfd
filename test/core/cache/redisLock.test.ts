import { describe, expect, it } from 'vitest';
import { RedisLocks } from '../../../src/core/cache/redisLock.js';
import { openTestStore } from '../../helpers/cacheStores.js';

describe('RedisLocks', () => {
  it('lets one holder in, and only its token releases the lock', async () => {
    const { store, dispose } = await openTestStore('redis');
    try {
      const locks = new RedisLocks(store, 5_000);
      const first = await locks.acquire('k');
      expect(first.state).toBe('acquired');
      expect((await locks.acquire('k')).state).toBe('held');
      await locks.release('k', 'someone-else');
      expect((await locks.acquire('k')).state).toBe('held');
      if (first.state === 'acquired') await locks.release('k', first.token);
      expect((await locks.acquire('k')).state).toBe('acquired');
    } finally {
      await dispose();
    }
  });

  it('expires a lock whose holder vanished', async () => {
    const { store, dispose } = await openTestStore('redis');
    try {
      const locks = new RedisLocks(store, 150);
      expect((await locks.acquire('k')).state).toBe('acquired');
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await locks.acquire('k')).state).toBe('acquired');
    } finally {
      await dispose();
    }
  });

  it('is unavailable without Redis', async () => {
    const { store, dispose } = await openTestStore('memory');
    try {
      expect(await new RedisLocks(store, 1_000).acquire('k')).toEqual({ state: 'unavailable' });
    } finally {
      await dispose();
    }
  });
});
