/** The digest cache and the small key-value store other features share with it. */
export { bytesKey, canonicalizeUrl, contentKey, sameSiteCanonical, urlKey } from './urlKey.js';
export { openCache, type CacheOptions, type SkimCache } from './skimCache.js';
export type { CacheResult, Computed } from './digestCache.js';
export type { KeyValue } from './kv.js';
export type { WindowCounts } from './rateCounter.js';
export { DEFAULT_SQLITE_PATH, parseCacheUrl, type StoreKind } from './store.js';
export { DIGEST_NAMESPACE, isCacheableFailure } from './entries.js';
export { isTrackingParam } from './trackingParams.js';
