import type { WindowCounts } from '../core/cache/index.js';
import { SkimError } from '../core/errors.js';

/** Counts a hit in the current fixed window; returns the counts there and in the window before (SkimCache.hit: shared with Redis). */
export type HitCounter = (namespace: string, key: string, windowMs: number) => Promise<WindowCounts>;

/** Requests allowed per window. */
export interface RateLimits {
  perUser: number;
  perGuild: number;
  /** Default one minute. */
  windowMs?: number;
}

/** Who is asking. */
export interface Requester {
  userId: string;
  guildId?: string | null;
}

/**
 * Requests in the sliding window that ends now, estimated from two fixed windows: the current one's count,
 * plus the previous one's weighted by how much of it still lies inside the sliding window (the
 * sliding-window counter). Unlike fixed windows, a burst at the end of one window and another at the start
 * of the next cannot pass twice the limit.
 */
export function slidingCount(counts: WindowCounts, windowMs: number): number {
  return counts.current + counts.previous * Math.max(0, 1 - counts.elapsedMs / windowMs);
}

/**
 * Milliseconds until one more request fits under `limit`: while the previous window slides out, or once
 * this one has become the previous and slid out far enough.
 */
export function retryAfterMs(counts: WindowCounts, windowMs: number, limit: number): number {
  const room = limit - 1 - counts.current;
  if (room >= 0) {
    if (counts.previous <= room) return 0;
    return Math.max(0, (1 - room / counts.previous) * windowMs - counts.elapsedMs);
  }
  // This window alone is over the limit: wait for it to become the previous one and slide out far enough.
  return windowMs - counts.elapsedMs + Math.max(0, 1 - (limit - 1) / counts.current) * windowMs;
}

/**
 * Per-user and per-guild limits over a sliding window, counted through the cache store so that every shard
 * shares them when the store is Redis.
 */
export class RateLimiter {
  private readonly windowMs: number;

  constructor(
    private readonly hit: HitCounter,
    private readonly limits: RateLimits,
  ) {
    this.windowMs = limits.windowMs ?? 60_000;
  }

  /**
   * Counts one request. The user's limit is checked first, so one user over it does not use up the guild's.
   * @throws SkimError('RATE_LIMITED') saying in how many seconds to try again.
   */
  async take(requester: Requester): Promise<void> {
    const user = await this.hit('user', requester.userId, this.windowMs);
    if (slidingCount(user, this.windowMs) > this.limits.perUser) {
      throw this.limited("You're going a bit fast", 'user', retryAfterMs(user, this.windowMs, this.limits.perUser));
    }
    if (!requester.guildId) return;
    const guild = await this.hit('guild', requester.guildId, this.windowMs);
    if (slidingCount(guild, this.windowMs) > this.limits.perGuild) {
      throw this.limited('This server is asking for a lot of summaries right now', 'guild', retryAfterMs(guild, this.windowMs, this.limits.perGuild));
    }
  }

  private limited(what: string, scope: 'user' | 'guild', waitMs: number): SkimError {
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new SkimError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s.`, {
      details: { scope, retryAfterSeconds },
    });
  }
}
