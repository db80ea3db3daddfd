import type { AddressPolicy } from './address.js';
import type { Resolver } from './resolver.js';

/** A fetched page: its bytes and what the server said about them. */
export interface FetchedPage {
  /** The final URL, after redirects (without fragment). */
  url: string;
  status: number;
  /** The media type, lowercased, without parameters (e.g. `text/html`). */
  contentType: string;
  /** The charset parameter of Content-Type, when given (lowercased). */
  charset?: string;
  /** The body as sent, after content decoding (gzip, br) but before any charset decoding. */
  body: Uint8Array;
}

/** Limits, identity and the address policy of a fetch. */
export interface FetchOptions {
  /** Total time for everything: DNS, connecting, every redirect, the whole body. */
  timeoutMs: number;
  /** Largest body, both as received and once decompressed. */
  maxBytes: number;
  /** Build it with `skimUserAgent(contactUrl)`. */
  userAgent: string;
  /** Longest wait for a response's headers after sending the request, and longest silence in a body (default 7 s, at most timeoutMs). */
  headersTimeoutMs?: number;
  /** Largest response header block (default 32 KiB). */
  maxHeaderBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Accept-Language header (default `en-US,en;q=0.9`). */
  acceptLanguage?: string;
  /** Which addresses may be reached; defaults to public addresses only. Only tests pass another. */
  policy?: AddressPolicy;
  /** How hostnames become addresses (default: the system resolver). */
  resolver?: Resolver;
  /** Cancels the fetch; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** PEM certificates to trust besides the system's roots (a private CA, or a test server's). */
  extraCaCertificates?: string[];
}
