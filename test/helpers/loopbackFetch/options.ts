/** The fetch options module as bot processes under test see it: production's, plus loopback 127.0.0.1 allowed. */
import { allowLoopbackForTests } from '../../../src/core/fetch/address.js';
import { fetchOptionsFromConfig as productionOptions, type FetchSettings } from '../../../src/core/fetch/options.js';
import type { FetchOptions } from '../../../src/core/fetch/types.js';

export * from '../../../src/core/fetch/options.js';

/** Production's options for these settings, with the test policy that also allows 127.0.0.1. */
export function fetchOptionsFromConfig(settings: FetchSettings): FetchOptions {
  return { ...productionOptions(settings), policy: allowLoopbackForTests(['127.0.0.1']) };
}
