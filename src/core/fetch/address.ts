import ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 address as ipaddr.js parses it. */
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** What the policy said about one address, with the range that decided it (for logs and error details). */
export interface AddressVerdict {
  allowed: boolean;
  /** The ipaddr.js range name, prefixed with the wrapper when the address embeds an IPv4 one (e.g. `6to4/private`). */
  range: string;
}

/** IPv6 transition forms whose embedded IPv4 address is judged instead of the wrapper. */
const WRAPPING_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/** Held only by this module, so no other code can construct a policy. */
const CONSTRUCT: unique symbol = Symbol('AddressPolicy');

/**
 * Which addresses the fetcher may connect to. Only two kinds exist: {@link PUBLIC_ONLY}, what production uses,
 * and the ones {@link allowLoopbackForTests} builds. The constructor needs a token private to this module and
 * the exception is a private field, so no config, environment variable or object literal can make another.
 */
export class AddressPolicy {
  /** Loopback addresses allowed besides public ones: none, all of them, or exactly these. */
  readonly #loopback: 'none' | 'all' | ReadonlySet<string>;

  constructor(token: typeof CONSTRUCT, loopback: 'none' | 'all' | ReadonlySet<string>) {
    if (token !== CONSTRUCT) throw new TypeError('AddressPolicy cannot be constructed outside its module');
    this.#loopback = loopback;
    Object.freeze(this);
  }

  /** Judges one address: public unicast only, plus the loopback exception of a test policy. */
  check(address: IpAddress): AddressVerdict {
    const { range, decisive } = classify(address);
    const base = range.split('/').pop() ?? range;
    if (base === 'unicast') return { allowed: true, range };
    const loopback = this.#loopback;
    const allowed =
      base === 'loopback' && (loopback === 'all' || (loopback !== 'none' && loopback.has(decisive.toString())));
    return { allowed, range };
  }
}

/** The production policy: public unicast addresses only. */
export const PUBLIC_ONLY: AddressPolicy = new AddressPolicy(CONSTRUCT, 'none');

/**
 * A policy that also allows loopback, so tests can serve pages from 127.0.0.1: the whole loopback range
 * (127.0.0.0/8, ::1), or only the given loopback addresses (so a test can show that another loopback
 * address, where a second server listens, is refused). Private, link-local and every other range stay
 * blocked. Only test code calls this (test/core/fetch/address.test.ts checks that nothing under src/ does).
 */
export function allowLoopbackForTests(addresses?: string[]): AddressPolicy {
  if (!addresses) return new AddressPolicy(CONSTRUCT, 'all');
  const parsed = addresses.map((a) => (ipaddr.isValid(a) ? ipaddr.process(a) : undefined));
  if (parsed.some((a) => a?.range() !== 'loopback')) throw new TypeError('allowLoopbackForTests: loopback addresses only');
  return new AddressPolicy(CONSTRUCT, new Set(parsed.map((a) => String(a))));
}

/**
 * Parses a URL hostname that is an IP literal, in any spelling ipaddr.js knows (`127.1`, `0x7f.1`, `2130706433`,
 * `[::ffff:127.0.0.1]`), or returns undefined for a domain name.
 */
export function parseIpLiteral(hostname: string): IpAddress | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const host = bare.endsWith('.') ? bare.slice(0, -1) : bare;
  return ipaddr.isValid(host) ? ipaddr.parse(host) : undefined;
}

/** Parses an address a resolver returned, or undefined when it is not one. */
export function parseAddress(address: string): IpAddress | undefined {
  return ipaddr.isValid(address) ? ipaddr.parse(address) : undefined;
}

/**
 * Names the range of an address. IPv6 forms that wrap an IPv4 address (mapped, translated, NAT64, 6to4, Teredo)
 * are named `wrapper/inner` after the embedded address; when a form wraps two (Teredo), the worse one is named.
 */
export function classifyAddress(address: IpAddress): string {
  return classify(address).range;
}

/** The range name, and the address that decided it (the embedded IPv4 one for wrapping forms). */
function classify(address: IpAddress): { range: string; decisive: IpAddress } {
  if (address.kind() === 'ipv4') return { range: address.range(), decisive: address };
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast' && isIpv4Compatible(v6)) return { range: 'ipv4Compatible', decisive: v6 };
  const inner = WRAPPING_RANGES.has(range) ? embeddedIpv4(v6, range) : [];
  const first = inner[0];
  if (!first) return { range, decisive: v6 };
  const decisive = inner.find((v4) => v4.range() !== 'unicast') ?? first;
  return { range: `${range}/${decisive.range()}`, decisive };
}

/** The deprecated IPv4-compatible form `::a.b.c.d` (::/96 less :: and ::1), which no public host uses. */
function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((p) => p === 0);
}

/** The IPv4 addresses an IPv6 transition address carries; empty when the form has no fixed place for one. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const p = address.parts;
  const v4 = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (range) {
    case '6to4':
      return [v4(p[1] ?? 0, p[2] ?? 0)];
    case 'teredo':
      // Server address in clear, client address bit-inverted in the last 32 bits (RFC 4380).
      return [v4(p[2] ?? 0, p[3] ?? 0), v4(~(p[6] ?? 0) & 0xffff, ~(p[7] ?? 0) & 0xffff)];
    case 'rfc6052':
      // 64:ff9b::/96 carries the address in the last 32 bits; the local-use 64:ff9b:1::/48 has no fixed place.
      return p[2] === 0 ? [v4(p[6] ?? 0, p[7] ?? 0)] : [];
    default:
      return [v4(p[6] ?? 0, p[7] ?? 0)];
  }
}

/** Names that always mean this machine (RFC 6761), refused without asking DNS. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
