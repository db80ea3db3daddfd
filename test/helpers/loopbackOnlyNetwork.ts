import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { isIP, Socket, type LookupFunction } from 'node:net';

/** What the guard saw while installed. */
export interface NetworkGuard {
  /** Every outgoing TCP connection attempt, as `host:port` (after lookup for names). */
  readonly attempts: string[];
  /** Attempts to a non-loopback address; each was stopped before any packet left. */
  readonly violations: string[];
  /** Forgets what was seen (between tests). */
  reset(): void;
  /** Puts `Socket.prototype.connect` back. */
  restore(): void;
}

function isLoopback(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, '');
  return /^127\.\d+\.\d+\.\d+$/.test(v4) || address === '::1';
}

interface ConnectOptions {
  host?: string;
  port?: number | string;
  path?: string;
  lookup?: LookupFunction;
}

/** The options object of any of `Socket#connect`'s call forms (including Node's internal normalized array). */
function connectOptions(args: unknown[]): ConnectOptions | undefined {
  const first = args[0];
  if (Array.isArray(first)) return first[0] as ConnectOptions;
  if (first && typeof first === 'object') return first as ConnectOptions;
  return undefined;
}

/**
 * Makes this process unable to open a TCP connection to anything but loopback, and records every attempt.
 * Tests of the fetcher install it so that a bug in the address policy can never send a packet to a private
 * or public address: the attempt fails before leaving, and shows up in `violations`.
 */
export function guardLoopbackOnly(): NetworkGuard {
  const attempts: string[] = [];
  const violations: string[] = [];
  const original = Socket.prototype.connect;
  const refuse = (target: string): Error => {
    violations.push(target);
    return Object.assign(new Error(`test network guard: refused ${target}`), { code: 'ECONNREFUSED' });
  };

  Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
    const options = connectOptions(args);
    if (options && options.path === undefined) {
      const host = options.host ?? 'localhost';
      if (isIP(host)) {
        attempts.push(`${host}:${options.port}`);
        if (!isLoopback(host)) throw refuse(`${host}:${options.port}`);
      } else {
        const lookup = options.lookup;
        if (!lookup) throw refuse(`${host} (system DNS)`);
        options.lookup = ((hostname, lookupOptions, callback) => {
          lookup(hostname, lookupOptions, (error, address, family) => {
            const list = Array.isArray(address) ? address.map((a) => a.address) : [address];
            attempts.push(...list.map((a) => `${a}:${options.port}`));
            const bad = error ? undefined : list.find((a) => !isLoopback(a));
            if (bad) callback(refuse(`${bad}:${options.port}`), '', 0);
            else callback(error, address as string, family);
          });
        }) as LookupFunction;
      }
    }
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;

  return {
    attempts,
    violations,
    reset: () => {
      attempts.length = 0;
      violations.length = 0;
    },
    restore: () => {
      Socket.prototype.connect = original;
    },
  };
}

/**
 * For a test file: the network guarded to loopback for the whole file; after each test, the page servers the
 * test pushed onto `servers` are closed and any connection attempted elsewhere fails the test.
 */
export function loopbackOnlyPerTest(): { readonly guard: NetworkGuard; servers: Array<{ close(): Promise<void> }> } {
  let guard: NetworkGuard | undefined;
  const servers: Array<{ close(): Promise<void> }> = [];
  beforeAll(() => {
    guard = guardLoopbackOnly();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    const violations = [...(guard?.violations ?? [])];
    guard?.reset();
    expect(violations).toEqual([]);
  });
  afterAll(() => guard?.restore());
  return {
    get guard(): NetworkGuard {
      if (!guard) throw new Error('the network guard starts in beforeAll');
      return guard;
    },
    servers,
  };
}
