/**
 * The safe fetcher: public addresses only (checked on every hop and pinned to the connection), size and time
 * limits, decompression bounds, a per-fetch cookie jar for consent redirects. This module is light: undici and
 * the fetch stack load on the first fetch, so a link can be checked (precheckUrl) and options built at start-up
 * for free, and a batch of pasted text never loads them.
 */
import type { FetchedPage, FetchOptions } from './types.js';

export type { FetchedPage, FetchOptions } from './types.js';
export { AddressPolicy, PUBLIC_ONLY } from './address.js';
export { skimUserAgent } from './headers.js';
export { fetchOptionsFromConfig, type FetchSettings } from './options.js';
export type { ResolvedAddress, Resolver } from './resolver.js';
export { precheckUrl } from './target.js';

/**
 * Fetches a page safely (fetchPage.ts), loading the fetch stack on first use.
 * @throws SkimError with code BAD_URL, BLOCKED_ADDRESS, DNS, TLS, CONNECTION, TIMEOUT, TOO_LARGE, HTTP_STATUS,
 *   PAYWALL, NOT_HTML, TOO_MANY_REDIRECTS or PARSE_FAILED; or the reason of `options.signal` when it aborts.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  return (await import('./fetchPage.js')).fetchPage(url, options);
}
