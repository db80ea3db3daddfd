import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/cache/memoryStore.js';

describe('MemoryStore', () => {
  it('expires entries by their TTL', async () => {
    let now = 1_000;
    const store = new MemoryStore(10, () => now);
    await store.set('a', 'A', 100);
    await store.set('b', 'B');
    now += 99;
    expect(await store.get('a')).toBe('A');
    now += 1;
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('B');
  });

  it('drops the oldest writes beyond its size', async () => {
    const store = new MemoryStore(2);
    await store.set('a', 1);
    await store.set('b', 2);
    await store.set('a', 3);
    await store.set('c', 4);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([3, undefined, 4]);
    expect(store.size).toBe(2);
  });

  it('deletes and clears', async () => {
    const store = new MemoryStore();
    await store.set('a', 1);
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    await store.set('b', 2);
    await store.clear();
    expect(store.size).toBe(0);
  });
});
