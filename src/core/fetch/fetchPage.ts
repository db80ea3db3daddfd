import { request, type Agent, type Dispatcher } from 'undici';
import { SkimError } from '../errors.js';
import { AddressPolicy, PUBLIC_ONLY } from './address.js';
import { createPinnedAgent, PinnedHosts } from './connection.js';
import { CookieJar } from './cookies.js';
import { toFetchError } from './errors.js';
import { DEFAULT_ACCEPT_LANGUAGE, headerValue, requestHeaders } from './headers.js';
import { discardBody, readPage } from './page.js';
import { systemResolver, type Resolver } from './resolver.js';
import { loginWallError } from './response.js';
import { parseHttpUrl } from '../httpUrl.js';
import { checkTarget } from './target.js';
import type { FetchedPage, FetchOptions } from './types.js';


const DEFAULT_HEADERS_TIMEOUT_MS = 7_000;
const DEFAULT_MAX_HEADER_BYTES = 32 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What every hop of one fetch shares. */
interface Session {
  agent: Agent;
  pins: PinnedHosts;
  policy: AddressPolicy;
  resolver: Resolver;
  headers: Record<string, string>;
  /** Cookies set by the hops so far, for the later hops of this fetch only. */
  cookies: CookieJar;
  signal: AbortSignal;
}

/**
 * Fetches a page safely for a bot that fetches links strangers type: http(s) only; every address of every hop
 * checked against the policy (public addresses only unless a test passes another) and the connection made to
 * exactly the checked address; redirects followed by hand, with the cookies they set sent back on the later hops
 * of the same fetch only (see {@link CookieJar}); time, header and body limits enforced while
 * streaming; only HTML, XHTML and plain text downloaded.
 * @throws SkimError with code BAD_URL, BLOCKED_ADDRESS, DNS, TLS, CONNECTION, TIMEOUT, TOO_LARGE, HTTP_STATUS,
 *   PAYWALL, NOT_HTML, TOO_MANY_REDIRECTS or PARSE_FAILED; or the reason of `options.signal` when it aborts.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const policy = options.policy ?? PUBLIC_ONLY;
  if (!(policy instanceof AddressPolicy)) throw new TypeError('fetchPage: policy must be an AddressPolicy');
  const start = parseHttpUrl(url);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new SkimError('TIMEOUT')), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  const session = openSession(policy, options, signal);
  try {
    const { url: finalUrl, response } = await followRedirects(start, options.maxRedirects ?? DEFAULT_MAX_REDIRECTS, session);
    const wall = loginWallError(start, finalUrl);
    if (wall) {
      discardBody(response.body);
      throw wall;
    }
    return await readPage(finalUrl, response, options.maxBytes, signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw toFetchError(error);
  } finally {
    clearTimeout(timer);
    session.agent.destroy().catch(() => undefined);
  }
}

/** The agent, pins and headers one fetch uses for all its hops. */
function openSession(policy: AddressPolicy, options: FetchOptions, signal: AbortSignal): Session {
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, options.timeoutMs);
  const pins = new PinnedHosts();
  const agent = createPinnedAgent(pins, {
    connectTimeoutMs: headersTimeoutMs,
    headersTimeoutMs,
    bodyIdleTimeoutMs: headersTimeoutMs,
    maxHeaderBytes: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
    ...(options.extraCaCertificates ? { extraCaCertificates: options.extraCaCertificates } : {}),
  });
  return {
    agent,
    pins,
    policy,
    resolver: options.resolver ?? systemResolver,
    headers: requestHeaders(options.userAgent, options.acceptLanguage ?? DEFAULT_ACCEPT_LANGUAGE),
    cookies: new CookieJar(),
    signal,
  };
}

/** Requests `start` and each redirect target in turn, checking every hop, and returns the final response. */
async function followRedirects(
  start: URL,
  maxRedirects: number,
  session: Session,
): Promise<{ url: URL; response: Dispatcher.ResponseData }> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await requestChecked(url, session);
    const location = headerValue(response.headers, 'location');
    if (!REDIRECT_STATUSES.has(response.statusCode) || !location) return { url, response };
    discardBody(response.body);
    session.cookies.store(response.headers['set-cookie'], url);
    if (redirects >= maxRedirects) {
      throw new SkimError('TOO_MANY_REDIRECTS', undefined, { details: { maxRedirects } });
    }
    url = redirectTarget(location, url);
  }
}

/**
 * One hop: checks the URL's addresses against the policy, pins them, then sends the request with the cookies
 * earlier hops set for it.
 */
async function requestChecked(url: URL, session: Session): Promise<Dispatcher.ResponseData> {
  const addresses = await checkTarget(url, session.policy, session.resolver, session.signal);
  session.pins.pin(url.hostname, addresses);
  const cookie = session.cookies.header(url);
  const headers = cookie ? { ...session.headers, cookie } : session.headers;
  return request(url, { dispatcher: session.agent, method: 'GET', headers, signal: session.signal });
}

function redirectTarget(location: string, from: URL): URL {
  try {
    return parseHttpUrl(location, from);
  } catch (error) {
    throw new SkimError('BAD_URL', "That link redirects somewhere Skim can't fetch.", { cause: error });
  }
}
