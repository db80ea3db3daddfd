import type { CacheStore } from './store.js';

/** A key's hits in the current fixed window and in the one before it, and how far the current one has run. */
export interface WindowCounts {
  current: number;
  previous: number;
  /** Milliseconds since the current window began. */
  elapsedMs: number;
}

interface Window {
  index: number;
  count: number;
  previous: number;
  endsAt: number;
}

/** Local windows kept before old ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Counters per fixed window, from which rate limits weigh a sliding window. With Redis the counts are shared
 * by every process (INCR, the key expiring once the next window is over too); otherwise, or while Redis is
 * down, they are counted in this process.
 */
export class RateCounter {
  private readonly local = new Map<string, Window>();

  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit on `key` in the current window of `windowMs`; returns its counts there and in the window before. */
  async hit(namespace: string, key: string, windowMs: number): Promise<WindowCounts> {
    const now = this.now();
    const index = Math.floor(now / windowMs);
    const elapsedMs = now - index * windowMs;
    if (this.store.redis !== undefined) {
      const keyOf = (i: number) => this.store.fullKey(`rate:${namespace}:${key}:${i}`);
      const shared = await this.store.redisCall('rate', async (client) => {
        const [count, , previous] = await client
          .multi()
          .incr(keyOf(index))
          .pExpire(keyOf(index), 2 * windowMs)
          .get(keyOf(index - 1))
          .exec();
        return { current: Number(count), previous: Number(previous ?? 0) };
      });
      if (shared.ok && Number.isFinite(shared.value.current) && Number.isFinite(shared.value.previous)) {
        return { ...shared.value, elapsedMs };
      }
    }
    return { ...this.localHit(`${namespace}\u0000${key}`, index, windowMs), elapsedMs };
  }

  private localHit(key: string, index: number, windowMs: number): { current: number; previous: number } {
    const window = this.local.get(key);
    if (window !== undefined && window.index === index) return { current: ++window.count, previous: window.previous };
    if (this.local.size >= SWEEP_AT) this.sweep();
    const previous = window !== undefined && window.index === index - 1 ? window.count : 0;
    this.local.set(key, { index, count: 1, previous, endsAt: (index + 2) * windowMs });
    return { current: 1, previous };
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.local) if (window.endsAt <= now) this.local.delete(key);
  }
}
