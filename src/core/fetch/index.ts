/**
 * The safe fetcher: public addresses only (checked on every hop and pinned to the connection), size and time
 * limits, decompression bounds, a per-fetch cookie jar for consent redirects. Loading this module loads undici.
 */
export { fetchPage } from './fetchPage.js';
export type { FetchedPage, FetchOptions } from './types.js';
export { AddressPolicy, PUBLIC_ONLY } from './address.js';
export { skimUserAgent } from './headers.js';
export { fetchOptionsFromConfig, type FetchSettings } from './options.js';
export type { ResolvedAddress, Resolver } from './resolver.js';
export { precheckUrl } from './target.js';
