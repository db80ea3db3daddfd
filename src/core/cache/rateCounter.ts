import type { CacheStore } from './store.js';

interface Window {
  index: number;
  count: number;
  endsAt: number;
}

/** Local windows kept before old ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Fixed-window counters for rate limits. With Redis the count is shared by every process (INCR, with the
 * key expiring after the window); otherwise, or while Redis is down, it is counted in this process.
 */
export class RateCounter {
  private readonly local = new Map<string, Window>();

  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit on `key` in the current window of `windowMs` and returns the hits so far in it. */
  async hit(namespace: string, key: string, windowMs: number): Promise<number> {
    const index = Math.floor(this.now() / windowMs);
    if (this.store.redis !== undefined) {
      const redisKey = this.store.fullKey(`rate:${namespace}:${key}:${index}`);
      const shared = await this.store.redisCall('rate', async (client) => {
        const [count] = await client.multi().incr(redisKey).pExpire(redisKey, windowMs).exec();
        return Number(count);
      });
      if (shared.ok && Number.isFinite(shared.value)) return shared.value;
    }
    return this.localHit(`${namespace}\u0000${key}`, index, windowMs);
  }

  private localHit(key: string, index: number, windowMs: number): number {
    const window = this.local.get(key);
    if (window !== undefined && window.index === index) return ++window.count;
    if (this.local.size >= SWEEP_AT) this.sweep();
    this.local.set(key, { index, count: 1, endsAt: (index + 1) * windowMs });
    return 1;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.local) if (window.endsAt <= now) this.local.delete(key);
  }
}
