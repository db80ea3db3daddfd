import type { Logger } from '../../logger.js';
import type { Digest } from '../types.js';
import { DigestCache, type CacheResult, type Computed } from './digestCache.js';
import { namespacedKv, type KeyValue } from './kv.js';
import { RateCounter, type WindowCounts } from './rateCounter.js';
import { openStore, parseCacheUrl, type CacheStore, type StoreKind } from './store.js';

/** Lifetimes and time budgets of the cache. */
export interface CacheOptions {
  /** How long a digest is kept (CACHE_TTL_SECONDS, 24 h by default); fractions are allowed. */
  ttlSeconds: number;
  /** How long a cacheable failure (404, not an article...) is remembered (FAILURE_TTL_SECONDS, 10 min). */
  failureTtlSeconds: number;
  logger: Logger;
  /** How long one process may hold the compute lock of a key before others compute too (Redis). Default 15 s. */
  lockMs?: number;
  /** Time budget of each store operation; past it the cache is bypassed. Default 500 ms. */
  opTimeoutMs?: number;
  /** Prefix of every key, so deployments or test runs can share a Redis. Default `skim:`. */
  prefix?: string;
}

/** The cache the pipeline, the CLI and the bot share. */
export interface SkimCache {
  readonly kind: StoreKind;
  /**
   * The cached digest for `key` (schema-checked), else `compute` run once across concurrent callers (in this
   * process, and across processes with Redis), stored under `key` and every alias. Cacheable SkimError failures
   * are stored for the failure TTL and rethrown; a later call within it rethrows an equivalent SkimError
   * without computing. `refresh` ignores and replaces the entry (and a cached failure).
   */
  getOrCompute(key: string, compute: () => Promise<Computed>, options?: { refresh?: boolean }): Promise<CacheResult>;
  /** The cached digest, if any; never computes, never throws. */
  peek(key: string): Promise<Digest | undefined>;
  /** JSON values of another feature (`guild`, `thread`...) in the same store, under their own namespace. */
  kv<T>(namespace: string, schema?: number): KeyValue<T>;
  /** Counts a hit on `key` in the current fixed window; returns its counts there and in the window before (shared through Redis). */
  hit(namespace: string, key: string, windowMs: number): Promise<WindowCounts>;
  close(): Promise<void>;
}

const DEFAULT_LOCK_MS = 15_000;
const DEFAULT_OP_TIMEOUT_MS = 500;

/**
 * Opens the cache `CACHE_URL` names: undefined is SQLite at `./data/skim.sqlite` (folder created), `memory`,
 * `sqlite://PATH`, or `redis://...`. An unavailable store is logged and bypassed, never fatal.
 * @throws Error for a CACHE_URL of another form.
 */
export async function openCache(url: string | undefined, options: CacheOptions): Promise<SkimCache> {
  const opTimeoutMs = options.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS;
  const store = await openStore(parseCacheUrl(url), { logger: options.logger, opTimeoutMs, prefix: options.prefix ?? 'skim:' });
  return new StoreBackedCache(store, options);
}

class StoreBackedCache implements SkimCache {
  private readonly digests: DigestCache;
  private readonly counter: RateCounter;

  constructor(
    private readonly store: CacheStore,
    options: CacheOptions,
  ) {
    this.digests = new DigestCache(store, {
      ttlMs: Math.round(options.ttlSeconds * 1000),
      failureTtlMs: Math.round(options.failureTtlSeconds * 1000),
      lockMs: options.lockMs ?? DEFAULT_LOCK_MS,
    });
    this.counter = new RateCounter(store);
  }

  get kind(): StoreKind {
    return this.store.kind;
  }

  getOrCompute(key: string, compute: () => Promise<Computed>, options?: { refresh?: boolean }): Promise<CacheResult> {
    return this.digests.getOrCompute(key, compute, options);
  }

  peek(key: string): Promise<Digest | undefined> {
    return this.digests.peek(key);
  }

  kv<T>(namespace: string, schema?: number): KeyValue<T> {
    return namespacedKv<T>(this.store, namespace, schema);
  }

  hit(namespace: string, key: string, windowMs: number): Promise<WindowCounts> {
    return this.counter.hit(namespace, key, windowMs);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
