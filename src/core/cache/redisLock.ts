import { randomUUID } from 'node:crypto';
import type { CacheStore } from './store.js';

/** The result of trying to take a lock: ours (with the token that releases it), someone else's, or no lock service. */
export type LockAttempt = { state: 'acquired'; token: string } | { state: 'held' } | { state: 'unavailable' };

const HELD: LockAttempt = { state: 'held' };
const UNAVAILABLE: LockAttempt = { state: 'unavailable' };

/** Deletes the lock only if it still holds our token: an expired lock may already be someone else's. */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Short-lived locks shared by every process on one Redis (`SET lock:<key> <token> NX PX ms`). They expire by
 * themselves, so a process that dies while holding one delays the others by `lockMs` at most. Without Redis
 * (memory, SQLite) every attempt is `unavailable` and costs nothing.
 */
export class RedisLocks {
  constructor(
    private readonly store: CacheStore,
    private readonly lockMs: number,
  ) {}

  /** Tries once to take the lock for `key`. */
  async acquire(key: string): Promise<LockAttempt> {
    if (this.store.redis === undefined) return UNAVAILABLE;
    const token = randomUUID();
    const lockKey = this.lockKey(key);
    const outcome = await this.store.redisCall('lock', (client) =>
      client.set(lockKey, token, { condition: 'NX', expiration: { type: 'PX', value: this.lockMs } }),
    );
    if (!outcome.ok) return UNAVAILABLE;
    return outcome.value === 'OK' ? { state: 'acquired', token } : HELD;
  }

  /** Releases a lock taken with `token`; a lock that expired and was taken by another process is left alone. */
  async release(key: string, token: string): Promise<void> {
    const lockKey = this.lockKey(key);
    await this.store.redisCall('unlock', (client) => client.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] }));
  }

  private lockKey(key: string): string {
    return this.store.fullKey(`lock:${key}`);
  }
}
