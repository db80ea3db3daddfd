import { describe, expect, it } from 'vitest';
import type { WindowCounts } from '../../src/core/cache/index.js';
import { SkimError } from '../../src/core/errors.js';
import { RateLimiter, retryAfterMs, slidingCount, type HitCounter } from '../../src/discord/rateLimit.js';
import { memoryCache } from './fakes.js';

/** A counter over fixed windows of a fake clock, as the cache counts them. */
function localCounter(now: () => number): HitCounter {
  const counts = new Map<string, number>();
  return async (ns, key, windowMs) => {
    const index = Math.floor(now() / windowMs);
    const k = (i: number) => `${ns}:${key}:${i}`;
    counts.set(k(index), (counts.get(k(index)) ?? 0) + 1);
    return { current: counts.get(k(index))!, previous: counts.get(k(index - 1)) ?? 0, elapsedMs: now() - index * windowMs };
  };
}

async function refusal(promise: Promise<unknown>): Promise<SkimError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof SkimError)) throw new Error('expected a SkimError');
  return error;
}

describe('slidingCount', () => {
  it('weighs the previous window by how much of it the sliding window still covers', () => {
    const counts: WindowCounts = { current: 2, previous: 10, elapsedMs: 15_000 };
    expect(slidingCount(counts, 60_000)).toBe(2 + 10 * 0.75);
    expect(slidingCount({ ...counts, elapsedMs: 60_000 }, 60_000)).toBe(2);
  });
});

describe('retryAfterMs', () => {
  it('waits for enough of the previous window to slide out', () => {
    // 10 in the previous window, 2 now, limit 5: one more fits once 10 * (1 - t) <= 2, at t = 0.8.
    expect(retryAfterMs({ current: 2, previous: 10, elapsedMs: 15_000 }, 60_000, 5)).toBe(48_000 - 15_000);
  });

  it('waits into the next window when this one alone is over the limit', () => {
    // 6 now, limit 5: next window at 45 s from now, then 6 * (1 - t) <= 4 at t = 1/3 of it.
    expect(retryAfterMs({ current: 6, previous: 0, elapsedMs: 15_000 }, 60_000, 5)).toBe(45_000 + 20_000);
  });
});

describe('RateLimiter', () => {
  it('allows the per-user limit, then says in how many seconds to try again', async () => {
    let now = 60_000 * 10 + 15_000;
    const limiter = new RateLimiter(localCounter(() => now), { perUser: 5, perGuild: 100 });
    for (let i = 0; i < 5; i++) await limiter.take({ userId: 'u1', guildId: 'g1' });
    const error = await refusal(limiter.take({ userId: 'u1', guildId: 'g1' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toBe("You're going a bit fast; try again in 65 s.");
    expect(error.details).toMatchObject({ scope: 'user', retryAfterSeconds: 65 });
    await limiter.take({ userId: 'u2', guildId: 'g1' });
    now += 65_000;
    await limiter.take({ userId: 'u1', guildId: 'g1' });
  });

  it('does not let twice the limit through across a window boundary', async () => {
    let now = 60_000 * 10 - 1_000;
    const limiter = new RateLimiter(localCounter(() => now), { perUser: 5, perGuild: 100 });
    for (let i = 0; i < 5; i++) await limiter.take({ userId: 'u1' });
    now += 2_000; // a new fixed window has begun
    expect((await refusal(limiter.take({ userId: 'u1' }))).code).toBe('RATE_LIMITED');
  });

  it('limits a guild as a whole, across its users', async () => {
    const now = 1_000;
    const limiter = new RateLimiter(localCounter(() => now), { perUser: 5, perGuild: 3 });
    for (const user of ['a', 'b', 'c']) await limiter.take({ userId: user, guildId: 'g1' });
    const error = await refusal(limiter.take({ userId: 'd', guildId: 'g1' }));
    expect(error.details).toMatchObject({ scope: 'guild' });
    expect(error.message).toMatch(/try again in 89 s\.$/);
    await limiter.take({ userId: 'd', guildId: 'g2' });
    await limiter.take({ userId: 'd' });
  });

  it('counts through the cache store, so limiters over one store share the count', async () => {
    const cache = await memoryCache();
    const hit: HitCounter = (ns, key, windowMs) => cache.hit(ns, key, windowMs);
    const shardA = new RateLimiter(hit, { perUser: 2, perGuild: 100 });
    const shardB = new RateLimiter(hit, { perUser: 2, perGuild: 100 });
    await shardA.take({ userId: 'u' });
    await shardB.take({ userId: 'u' });
    expect((await refusal(shardA.take({ userId: 'u' }))).code).toBe('RATE_LIMITED');
  });
});
