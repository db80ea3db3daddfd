import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AddressPolicy,
  allowLoopbackForTests,
  classifyAddress,
  isLocalhostName,
  parseAddress,
  parseIpLiteral,
  PUBLIC_ONLY,
} from '../../../src/core/fetch/address.js';

function hostOf(url: string): string {
  return new URL(url).hostname;
}

function verdict(policy: AddressPolicy, literal: string): { allowed: boolean; range: string } {
  const address = parseIpLiteral(literal);
  if (!address) throw new Error(`not an IP literal: ${literal}`);
  return policy.check(address);
}

/** Every class the issue names, with the range name ipaddr.js (or the wrapper logic) gives it. */
const BLOCKED: Array<[string, string]> = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['100.127.255.255', 'carrierGradeNat'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['fe80::1', 'linkLocal'],
  ['ff02::1', 'multicast'],
  ['fec0::1', 'deprecatedSiteLocal'],
  ['2001:db8::1', 'reserved'],
  ['::ffff:127.0.0.1', 'ipv4Mapped/loopback'],
  ['::ffff:10.0.0.1', 'ipv4Mapped/private'],
  ['::ffff:169.254.169.254', 'ipv4Mapped/linkLocal'],
  ['::ffff:0:7f00:1', 'rfc6145/loopback'],
  ['::ffff:0:a00:1', 'rfc6145/private'],
  ['64:ff9b::a00:1', 'rfc6052/private'],
  ['64:ff9b::7f00:1', 'rfc6052/loopback'],
  ['64:ff9b:1::1', 'rfc6052'],
  ['2002:a00:1::1', '6to4/private'],
  ['2002:7f00:1::', '6to4/loopback'],
  ['2002:a9fe:a9fe::1', '6to4/linkLocal'],
  // Teredo: server 65.54.227.120, client 10.0.0.1 stored inverted (f5ff:fffe).
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'teredo/private'],
  // Teredo: server 10.0.0.1 in clear, client public.
  ['2001:0:a00:1:8000:63bf:a1b2:c3d4', 'teredo/private'],
  ['::a00:1', 'ipv4Compatible'],
  ['::7f00:1', 'ipv4Compatible'],
];

describe('PUBLIC_ONLY', () => {
  it.each(BLOCKED)('refuses %s (%s)', (literal, range) => {
    expect(verdict(PUBLIC_ONLY, literal)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700::1111', '2a00:1450:4001:80b::200e'])(
    'allows the public address %s',
    (literal) => {
      expect(verdict(PUBLIC_ONLY, literal)).toEqual({ allowed: true, range: 'unicast' });
    },
  );

  it('allows IPv6 wrappers of a public IPv4 address (mapped, NAT64, 6to4, Teredo)', () => {
    for (const literal of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7']) {
      expect(verdict(PUBLIC_ONLY, literal).allowed, literal).toBe(true);
    }
  });
});

describe('allowLoopbackForTests', () => {
  it('allows the loopback range in both families and keeps every other class blocked', () => {
    const policy = allowLoopbackForTests();
    for (const literal of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) {
      expect(verdict(policy, literal).allowed, literal).toBe(true);
    }
    for (const [literal, range] of BLOCKED.filter(([, r]) => !r.endsWith('loopback'))) {
      expect(verdict(policy, literal), literal).toEqual({ allowed: false, range });
    }
  });

  it('allows only the listed loopback addresses when given some', () => {
    const policy = allowLoopbackForTests(['127.0.0.2']);
    expect(verdict(policy, '127.0.0.2').allowed).toBe(true);
    expect(verdict(policy, '::ffff:127.0.0.2').allowed).toBe(true);
    expect(verdict(policy, '127.0.0.1').allowed).toBe(false);
    expect(verdict(policy, '::1').allowed).toBe(false);
  });

  it('refuses to list an address outside loopback', () => {
    expect(() => allowLoopbackForTests(['10.0.0.1'])).toThrow(TypeError);
    expect(() => allowLoopbackForTests(['nonsense'])).toThrow(TypeError);
  });

  it('is called by no production code (only tests may relax the policy)', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    })(join(import.meta.dirname, '../../../src'));
    const callers = files.filter(
      (file) => !file.endsWith(join('fetch', 'address.ts')) && readFileSync(file, 'utf8').includes('allowLoopbackForTests'),
    );
    expect(callers).toEqual([]);
  });
});

describe('AddressPolicy', () => {
  it('cannot be constructed outside its module', () => {
    const Ctor = AddressPolicy as unknown as new (token: symbol, loopback: string) => AddressPolicy;
    expect(() => new Ctor(Symbol('AddressPolicy'), 'all')).toThrow(TypeError);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(PUBLIC_ONLY)).toBe(true);
  });
});

describe('parseIpLiteral', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
  ])('reads the host of %s as the address %s', (url, address) => {
    expect(parseIpLiteral(hostOf(url))?.toString()).toBe(address);
  });

  it.each(['0x7f.1', '2130706433', '0177.0.0.1', '127.1', '[::1]', '127.0.0.1.'])(
    'reads the raw spelling %s without help from the URL parser',
    (spelling) => {
      expect(parseIpLiteral(spelling)?.range()).toBe('loopback');
    },
  );

  it('returns undefined for a domain name', () => {
    expect(parseIpLiteral('example.com')).toBeUndefined();
    expect(parseIpLiteral('127.0.0.1.nip.io')).toBeUndefined();
  });
});

describe('parseAddress', () => {
  it('parses resolver answers and rejects anything else', () => {
    expect(parseAddress('10.1.2.3')?.toString()).toBe('10.1.2.3');
    expect(parseAddress('::1')?.toString()).toBe('::1');
    expect(parseAddress('not-an-ip')).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  it('names a wrapped address after the worse of the addresses it carries', () => {
    expect(classifyAddress(parseIpLiteral('2002:808:808::1')!)).toBe('6to4/unicast');
    expect(classifyAddress(parseIpLiteral('2002:c0a8:101::1')!)).toBe('6to4/private');
  });
});

describe('isLocalhostName', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'app.localhost', 'a.b.localhost.'])('treats %s as this machine', (name) => {
    expect(isLocalhostName(name)).toBe(true);
  });

  it.each(['localhost.com', 'mylocalhost', 'example.org'])('leaves %s to DNS', (name) => {
    expect(isLocalhostName(name)).toBe(false);
  });
});
