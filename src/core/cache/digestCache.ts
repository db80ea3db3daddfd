import type { SkimError } from '../errors.js';
import type { Digest } from '../types.js';
import {
  DIGEST_NAMESPACE,
  FAILURE_NAMESPACE,
  checkDigest,
  fromFailureEntry,
  isCacheableFailure,
  toFailureEntry,
} from './entries.js';
import { RedisLocks } from './redisLock.js';
import { SingleFlight } from './singleFlight.js';
import type { CacheStore } from './store.js';

/** What the pipeline computes on a miss: the digest, and other keys (e.g. the canonical URL's) that name it. */
export interface Computed {
  digest: Digest;
  aliases?: string[];
}

/** A digest and whether it came from the cache (true) or was computed by this call's flight (false). */
export interface CacheResult {
  digest: Digest;
  cached: boolean;
}

/** Lifetimes and the cross-process lock, in milliseconds. */
export interface DigestCacheTimes {
  ttlMs: number;
  failureTtlMs: number;
  lockMs: number;
}

type Lookup =
  | { kind: 'digest'; digest: Digest }
  | { kind: 'failure'; error: SkimError }
  | { kind: 'miss' }
  | { kind: 'fault' };

type Wait = Lookup | { kind: 'acquired'; token: string };

const MISS: Lookup = { kind: 'miss' };
const FAULT: Lookup = { kind: 'fault' };
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 200;

/**
 * Digests by key with single flight: one compute per key at a time in a process, and across processes when
 * the store is Redis (the first takes a short lock and computes; the others poll for its result). Cacheable
 * failures are remembered briefly. Store faults never reach callers: they turn into misses.
 */
export class DigestCache {
  private readonly flights = new SingleFlight<CacheResult>();
  private readonly locks: RedisLocks;

  constructor(
    private readonly store: CacheStore,
    private readonly times: DigestCacheTimes,
  ) {
    this.locks = new RedisLocks(store, times.lockMs);
  }

  /**
   * The cached digest for `key`, or the result of `compute` run once across concurrent callers and stored
   * under `key` and its aliases. A cacheable failure is stored for the failure TTL and rethrown; a later
   * call within that time rethrows an equivalent SkimError without computing. `refresh` ignores and replaces
   * the entry (and a cached failure).
   */
  getOrCompute(key: string, compute: () => Promise<Computed>, options: { refresh?: boolean } = {}): Promise<CacheResult> {
    if (options.refresh === true) return this.flights.run(`refresh\u0000${key}`, () => this.refresh(key, compute));
    return this.flights.run(key, () => this.lookupOrCompute(key, compute));
  }

  /** The cached digest for `key`, if any; never computes, never throws. */
  async peek(key: string): Promise<Digest | undefined> {
    const found = await this.readDigest(key);
    return found.kind === 'digest' ? found.digest : undefined;
  }

  private async lookupOrCompute(key: string, compute: () => Promise<Computed>): Promise<CacheResult> {
    const found = await this.lookup(key);
    if (found.kind === 'digest' || found.kind === 'failure') return fromCache(found);
    if (found.kind === 'fault') return this.computeAndStore(key, compute);
    const turn = await this.takeTurn(key);
    if (turn.kind === 'digest' || turn.kind === 'failure') return fromCache(turn);
    return this.computeAndStore(key, compute, turn.kind === 'acquired' ? turn.token : undefined);
  }

  /**
   * Decides who computes after a miss: this process holding the lock (`acquired`), this process without it
   * (no lock service, a fault, or waiting timed out), or nobody because another process's result arrived.
   */
  private async takeTurn(key: string): Promise<Wait> {
    const attempt = await this.locks.acquire(key);
    if (attempt.state === 'unavailable') return MISS;
    return attempt.state === 'acquired' ? this.recheck(key, attempt.token) : this.waitForHolder(key);
  }

  private async refresh(key: string, compute: () => Promise<Computed>): Promise<CacheResult> {
    // The user asked for a fresh copy: compute even when another process holds the lock.
    const attempt = await this.locks.acquire(key);
    return this.computeAndStore(key, compute, attempt.state === 'acquired' ? attempt.token : undefined, true);
  }

  /** Our lock is taken: a holder may have stored its result and released just before, so look once more. */
  private async recheck(key: string, token: string): Promise<Wait> {
    const found = await this.lookup(key);
    if (found.kind !== 'digest' && found.kind !== 'failure') return { kind: 'acquired', token };
    await this.locks.release(key, token);
    return found;
  }

  /**
   * Another process holds the lock: poll for its result until about `lockMs` has passed. Take the lock
   * over if it goes away without a result (the holder failed uncacheably or died); give up on a fault.
   */
  private async waitForHolder(key: string): Promise<Wait> {
    const deadline = Date.now() + this.times.lockMs;
    for (let pause = FIRST_POLL_MS; Date.now() < deadline; pause = Math.min(pause * 1.5, MAX_POLL_MS)) {
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
      const found = await this.lookup(key);
      if (found.kind !== 'miss') return found;
      const attempt = await this.locks.acquire(key);
      if (attempt.state === 'acquired') return this.recheck(key, attempt.token);
      if (attempt.state === 'unavailable') return FAULT;
    }
    return MISS;
  }

  private async computeAndStore(key: string, compute: () => Promise<Computed>, token?: string, replace = false): Promise<CacheResult> {
    try {
      let computed: Computed;
      try {
        computed = await compute();
      } catch (error) {
        await this.rememberFailure(key, error, replace);
        throw error;
      }
      await this.storeDigest(key, computed, replace);
      return { digest: computed.digest, cached: false };
    } finally {
      if (token !== undefined) await this.locks.release(key, token);
    }
  }

  private async storeDigest(key: string, computed: Computed, replace: boolean): Promise<void> {
    const keys = new Set([key, ...(computed.aliases ?? [])]);
    const writes = [...keys].map((each) => this.store.write(digestKey(each), computed.digest, this.times.ttlMs));
    if (replace) writes.push(this.store.remove(failureKey(key)));
    await Promise.all(writes);
  }

  /** Stores a cacheable failure; on refresh it also drops the old digest, which the failure now contradicts. */
  private async rememberFailure(key: string, error: unknown, replace: boolean): Promise<void> {
    if (!isCacheableFailure(error)) return;
    const writes = [this.store.write(failureKey(key), toFailureEntry(error), this.times.failureTtlMs)];
    if (replace) writes.push(this.store.remove(digestKey(key)));
    await Promise.all(writes);
  }

  /** The digest, else a remembered failure, else a miss; a fault when the store could not answer. */
  private async lookup(key: string): Promise<Lookup> {
    const found = await this.readDigest(key);
    if (found.kind !== 'miss') return found;
    const failure = await this.store.read(failureKey(key));
    if (failure.status === 'fault') return FAULT;
    const error = failure.status === 'hit' ? fromFailureEntry(failure.value) : undefined;
    return error === undefined ? MISS : { kind: 'failure', error };
  }

  private async readDigest(key: string): Promise<Lookup> {
    const read = await this.store.read(digestKey(key));
    if (read.status === 'fault') return FAULT;
    if (read.status === 'miss') return MISS;
    const check = checkDigest(read.value);
    if (check.ok) return { kind: 'digest', digest: check.digest };
    // Another schema is expected after an upgrade; a bad shape means a corrupt or foreign entry.
    if (check.reason === 'schema') this.store.logger.debug({ key }, 'cached digest has another schema; ignored');
    else this.store.faults.report('decode', new Error('cached digest has an unexpected shape'), { key });
    return MISS;
  }
}

function fromCache(found: { kind: 'digest'; digest: Digest } | { kind: 'failure'; error: SkimError }): CacheResult {
  if (found.kind === 'failure') throw found.error;
  return { digest: found.digest, cached: true };
}

function digestKey(key: string): string {
  return `${DIGEST_NAMESPACE}:${key}`;
}

function failureKey(key: string): string {
  return `${FAILURE_NAMESPACE}:${key}`;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
