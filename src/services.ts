import type { Config } from './config.js';
import { openCache, type SkimCache } from './core/cache/index.js';
import { fetchPage, skimUserAgent } from './core/fetch.js';
import type { PipelineDeps } from './core/pipeline.js';
import type { Logger } from './logger.js';

/** The pipeline's dependencies built from config: the safe fetcher with its limits, and the cache. */
export interface Services extends PipelineDeps {
  cache?: SkimCache;
  close(): Promise<void>;
}

/** The version reported in the User-Agent and `/skim status`. */
export const VERSION = '0.1.0';

/**
 * Builds the fetcher and opens the cache that `CACHE_URL` names (SQLite in ./data by default).
 * `cache: false` skips the cache entirely.
 */
export async function createServices(config: Config, logger: Logger, options: { cache?: boolean } = {}): Promise<Services> {
  const userAgent = skimUserAgent(config.OPERATOR_CONTACT_URL, VERSION);
  const cache =
    options.cache === false
      ? undefined
      : await openCache(config.CACHE_URL, {
          ttlSeconds: config.CACHE_TTL_SECONDS,
          failureTtlSeconds: config.FAILURE_TTL_SECONDS,
          logger,
        });
  return {
    fetchPage: (url) => fetchPage(url, { timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, userAgent }),
    ...(cache ? { cache } : {}),
    close: async () => {
      await cache?.close();
    },
  };
}
