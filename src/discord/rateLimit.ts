import { SkimError } from '../core/errors.js';

/** Counts a hit in the current fixed window and returns the hits so far (SkimCache.hit: shared with Redis). */
export type HitCounter = (namespace: string, key: string, windowMs: number) => Promise<number>;

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
 * Per-user and per-guild limits over fixed windows, counted through the cache store so that every shard
 * shares them when the store is Redis.
 */
export class RateLimiter {
  private readonly windowMs: number;

  constructor(
    private readonly hit: HitCounter,
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = limits.windowMs ?? 60_000;
  }

  /**
   * Counts one request. The user's limit is checked first, so one user over it does not use up the guild's.
   * @throws SkimError('RATE_LIMITED') saying in how many seconds to try again.
   */
  async take(requester: Requester): Promise<void> {
    if ((await this.hit('user', requester.userId, this.windowMs)) > this.limits.perUser) {
      throw this.limited("You're going a bit fast", 'user');
    }
    if (requester.guildId && (await this.hit('guild', requester.guildId, this.windowMs)) > this.limits.perGuild) {
      throw this.limited('This server is asking for a lot of summaries right now', 'guild');
    }
  }

  private limited(what: string, scope: 'user' | 'guild'): SkimError {
    const retryAfterSeconds = Math.max(1, Math.ceil((this.windowMs - (this.now() % this.windowMs)) / 1000));
    return new SkimError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s.`, {
      details: { scope, retryAfterSeconds },
    });
  }
}
