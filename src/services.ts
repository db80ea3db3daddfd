import type { Config } from './config.js';
import { openCache, type SkimCache } from './core/cache/index.js';
import { fetchOptionsFromConfig, fetchPage } from './core/fetch/index.js';
import type { PipelineDeps } from './core/pipeline.js';
import { createDigestPool, DIGEST_WORKER_LIMITS, type DigestPool } from './core/pool/index.js';
import type { Logger } from './logger.js';

/** The pipeline's dependencies built from config: the safe fetcher with its limits, the cache, the workers. */
export interface Services extends PipelineDeps {
  cache?: SkimCache;
  /** The worker pool, when the CPU-bound work runs off the main thread. */
  pool?: DigestPool;
  close(): Promise<void>;
}

export { VERSION } from './version.js';

/**
 * Builds the fetcher, opens the cache that `CACHE_URL` names (SQLite in ./data by default) and, with
 * `pool: true` and WORKER_THREADS not 0, starts the worker pool (`workerHeapMb` replaces its heap cap).
 * `cache: false` skips the cache.
 */
export async function createServices(
  config: Config,
  logger: Logger,
  options: { cache?: boolean; pool?: boolean; workerHeapMb?: number } = {},
): Promise<Services> {
  const fetchOptions = fetchOptionsFromConfig(config);
  const cache =
    options.cache === false
      ? undefined
      : await openCache(config.CACHE_URL, {
          ttlSeconds: config.CACHE_TTL_SECONDS,
          failureTtlSeconds: config.FAILURE_TTL_SECONDS,
          lockMs: config.FETCH_TIMEOUT_MS + DIGEST_WORKER_LIMITS.jobTimeoutMs,
          logger,
        });
  const pool =
    options.pool && config.WORKER_THREADS !== 0
      ? createDigestPool({
          size: config.WORKER_THREADS,
          queueSize: config.QUEUE_SIZE,
          onWorkerLost: (reason, error) => logger.warn({ err: error, reason }, 'digest worker replaced'),
          ...(options.workerHeapMb ? { maxHeapMb: options.workerHeapMb } : {}),
        })
      : undefined;
  return {
    // The fetch stack (undici) loads on the first URL: a batch of pasted text or HTML never needs it.
    fetchPage: (url) => fetchPage(url, fetchOptions),
    ...(cache ? { cache } : {}),
    ...(pool ? { pool, run: pool.run } : {}),
    close: async () => {
      await Promise.all([cache?.close(), pool?.close()]);
    },
  };
}
