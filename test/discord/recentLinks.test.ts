import { describe, expect, it } from 'vitest';
import { RecentLinks } from '../../src/discord/recentLinks.js';
import { memoryCache } from './fakes.js';

describe('RecentLinks', () => {
  it('lets a link through once per channel within the window', async () => {
    const cache = await memoryCache();
    const recent = new RecentLinks(cache.kv<number>('recent'));
    expect(await recent.claim('c1', ['https://a.example/x', 'https://b.example/y'])).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(await recent.claim('c1', ['https://a.example/x', 'https://c.example/z'])).toEqual(['https://c.example/z']);
    expect(await recent.claim('c2', ['https://a.example/x'])).toEqual(['https://a.example/x']);
  });

  it('treats tracking parameters and fragments as the same link', async () => {
    const recent = new RecentLinks((await memoryCache()).kv<number>('recent'));
    await recent.claim('c1', ['https://a.example/x?utm_source=feed']);
    expect(await recent.claim('c1', ['https://a.example/x#top'])).toEqual([]);
  });

  it('forgets a link once the window has passed', async () => {
    const recent = new RecentLinks((await memoryCache()).kv<number>('recent'), 30);
    await recent.claim('c1', ['https://a.example/x']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await recent.claim('c1', ['https://a.example/x'])).toEqual(['https://a.example/x']);
  });

  it('gives a link to one of two messages handled at the same time', async () => {
    const recent = new RecentLinks((await memoryCache()).kv<number>('recent'));
    const claims = await Promise.all([recent.claim('c1', ['https://a.example/x']), recent.claim('c1', ['https://a.example/x?utm_medium=x'])]);
    expect(claims.flat()).toEqual(['https://a.example/x']);
  });

  it('lets a released link through again', async () => {
    const recent = new RecentLinks((await memoryCache()).kv<number>('recent'));
    await recent.claim('c1', ['https://a.example/x', 'https://b.example/y']);
    await recent.release('c1', ['https://a.example/x']);
    expect(await recent.claim('c1', ['https://a.example/x', 'https://b.example/y'])).toEqual(['https://a.example/x']);
  });
});
