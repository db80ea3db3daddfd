import { SkimError } from '../errors.js';
import { parseHttpUrl } from '../httpUrl.js';
import { isLocalhostName, parseAddress, parseIpLiteral, PUBLIC_ONLY, type AddressPolicy, type IpAddress } from './address.js';
import { dnsError } from './errors.js';
import type { ResolvedAddress, Resolver } from './resolver.js';

function blocked(range: string): SkimError {
  return new SkimError('BLOCKED_ADDRESS', undefined, { details: { range } });
}

function toResolved(address: IpAddress): ResolvedAddress {
  return { address: address.toString(), family: address.kind() === 'ipv4' ? 4 : 6 };
}

/** Checks an IP-literal or localhost host; returns the literal's address, or undefined for a name DNS must answer. */
function checkWithoutDns(url: URL, policy: AddressPolicy): ResolvedAddress | undefined {
  const literal = parseIpLiteral(url.hostname);
  if (literal) {
    const verdict = policy.check(literal);
    if (!verdict.allowed) throw blocked(verdict.range);
    return toResolved(literal);
  }
  if (isLocalhostName(url.hostname)) throw blocked('localhost');
  return undefined;
}

/**
 * Checks what can be checked without DNS or a connection: the scheme, credentials, and a host that is an IP
 * literal (any spelling) or a localhost name. Synchronous and light (no undici), so a CLI or a bot can refuse
 * `http://127.0.0.1:9/` before loading anything heavy; fetchPage checks all of it again, and every address.
 * @throws SkimError BAD_URL or BLOCKED_ADDRESS
 */
export function precheckUrl(input: string, policy: AddressPolicy = PUBLIC_ONLY): URL {
  const url = parseHttpUrl(input);
  checkWithoutDns(url, policy);
  return url;
}

/** Waits for `promise` unless `signal` aborts first (a DNS lookup itself cannot be cancelled). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Finds every address `url`'s host stands for and checks each against the policy. Returns the addresses to
 * connect to; the connection uses exactly these, so a DNS answer that changes afterwards is never used.
 * @throws SkimError BLOCKED_ADDRESS when any address is refused (one bad answer refuses the host), DNS when the
 *   name does not resolve.
 */
export async function checkTarget(
  url: URL,
  policy: AddressPolicy,
  resolver: Resolver,
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  const literal = checkWithoutDns(url, policy);
  if (literal) return [literal];
  let answers: ResolvedAddress[];
  try {
    answers = await unlessAborted(resolver(url.hostname), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw dnsError(error);
  }
  if (answers.length === 0) throw dnsError(new Error('no addresses'));
  const addresses = answers.map((answer) => parseAddress(answer.address));
  for (const address of addresses) {
    if (!address) throw dnsError(new Error('resolver returned a non-address'));
    const verdict = policy.check(address);
    if (!verdict.allowed) throw blocked(verdict.range);
  }
  return (addresses as IpAddress[]).map(toResolved);
}
