import { describe, expect, it } from 'vitest';
import { SkimError } from '../../src/core/errors.js';
import { RateLimiter, type HitCounter } from '../../src/discord/rateLimit.js';
import { memoryCache } from './fakes.js';

/** A counter over fixed windows of a fake clock. */
function localCounter(now: () => number): HitCounter {
  const counts = new Map<string, number>();
  return async (ns, key, windowMs) => {
    const k = `${ns}:${key}:${Math.floor(now() / windowMs)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts.get(k)!;
  };
}

async function refusal(promise: Promise<unknown>): Promise<SkimError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof SkimError)) throw new Error('expected a SkimError');
  return error;
}

describe('RateLimiter', () => {
  it('allows the per-user limit, then says in how many seconds to try again', async () => {
    let now = 60_000 * 10 + 15_000;
    const limiter = new RateLimiter(localCounter(() => now), { perUser: 5, perGuild: 100 }, () => now);
    for (let i = 0; i < 5; i++) await limiter.take({ userId: 'u1', guildId: 'g1' });
    const error = await refusal(limiter.take({ userId: 'u1', guildId: 'g1' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toBe("You're going a bit fast; try again in 45 s.");
    expect(error.details).toMatchObject({ scope: 'user', retryAfterSeconds: 45 });
    await limiter.take({ userId: 'u2', guildId: 'g1' });
    now += 45_000;
    await limiter.take({ userId: 'u1', guildId: 'g1' });
  });

  it('limits a guild as a whole, across its users', async () => {
    const now = 1_000;
    const limiter = new RateLimiter(localCounter(() => now), { perUser: 5, perGuild: 3 }, () => now);
    for (const user of ['a', 'b', 'c']) await limiter.take({ userId: user, guildId: 'g1' });
    const error = await refusal(limiter.take({ userId: 'd', guildId: 'g1' }));
    expect(error.details).toMatchObject({ scope: 'guild' });
    expect(error.message).toMatch(/try again in 59 s\.$/);
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
