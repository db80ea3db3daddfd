import { skimUserAgent } from './headers.js';
import type { FetchOptions } from './types.js';

/** The settings the fetcher reads from the validated config (src/config.ts), by the same names. */
export interface FetchSettings {
  FETCH_TIMEOUT_MS: number;
  FETCH_MAX_BYTES: number;
  OPERATOR_CONTACT_URL: string;
}

/**
 * Production fetch options from the config: its limits and a User-Agent naming the operator contact. There is
 * deliberately no setting for the address policy: production always uses the default, public-only one.
 */
export function fetchOptionsFromConfig(settings: FetchSettings): FetchOptions {
  return {
    timeoutMs: settings.FETCH_TIMEOUT_MS,
    maxBytes: settings.FETCH_MAX_BYTES,
    userAgent: skimUserAgent(settings.OPERATOR_CONTACT_URL),
  };
}
