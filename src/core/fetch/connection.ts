import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { ResolvedAddress } from './resolver.js';

/** Socket-level limits for one fetch. */
export interface ConnectionLimits {
  connectTimeoutMs: number;
  /** Time from sending the request to the end of the response headers (time to first byte, roughly). */
  headersTimeoutMs: number;
  /** Longest silence allowed between two chunks of the body. */
  bodyIdleTimeoutMs: number;
  maxHeaderBytes: number;
  /** PEM certificates trusted besides the system's roots. */
  extraCaCertificates?: string[];
}

/**
 * The checked addresses of each hostname a fetch may connect to. Its {@link lookup} replaces DNS for the
 * sockets, so they reach exactly the addresses that were checked; a hostname that was never checked fails.
 */
export class PinnedHosts {
  readonly #pins = new Map<string, ResolvedAddress[]>();

  /** Records the checked addresses of a hostname (a later redirect to the same host replaces them). */
  pin(hostname: string, addresses: ResolvedAddress[]): void {
    this.#pins.set(hostname.toLowerCase(), addresses);
  }

  /** A `net.connect` lookup that answers from the pins only, in both its one-address and `all` forms. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const pinned = this.#pins.get(hostname.toLowerCase()) ?? [];
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const addresses = pinned.filter((a) => family === undefined || a.family === family);
    const first = addresses[0];
    if (!first) {
      const error = Object.assign(new Error(`no checked address for ${hostname}`), { code: 'ENOTFOUND' });
      callback(error, '', 0);
      return;
    }
    if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
}

/** An undici Agent whose sockets connect only to pinned addresses, with the fetch's socket limits. */
export function createPinnedAgent(pins: PinnedHosts, limits: ConnectionLimits): Agent {
  const ca = limits.extraCaCertificates?.length ? [...rootCertificates, ...limits.extraCaCertificates] : undefined;
  return new Agent({
    connect: {
      lookup: pins.lookup,
      timeout: limits.connectTimeoutMs,
      autoSelectFamily: true,
      ...(ca ? { ca } : {}),
    },
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyIdleTimeoutMs,
    maxHeaderSize: limits.maxHeaderBytes,
    keepAliveTimeout: 1_000,
    connections: 2,
  });
}
