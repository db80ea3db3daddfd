import { describe, expect, it, vi } from 'vitest';
import { SkimError } from '../../../src/core/errors.js';
import { allowLoopbackForTests, PUBLIC_ONLY } from '../../../src/core/fetch/address.js';
import type { ResolvedAddress, Resolver } from '../../../src/core/fetch/resolver.js';
import { checkTarget, precheckUrl } from '../../../src/core/fetch/target.js';

const live = new AbortController().signal;

function resolverOf(...addresses: string[]): Resolver & ReturnType<typeof vi.fn> {
  const answers: ResolvedAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return vi.fn(async () => answers);
}

async function failure(promise: Promise<unknown>): Promise<SkimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SkimError);
  return error as SkimError;
}

describe('checkTarget', () => {
  it('checks an IP literal without asking the resolver', async () => {
    const resolver = resolverOf('127.0.0.1');
    const error = await failure(checkTarget(new URL('http://0x7f.1/'), PUBLIC_ONLY, resolver, live));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.details.range).toBe('loopback');
    expect(resolver).not.toHaveBeenCalled();
  });

  it('refuses localhost names without asking the resolver', async () => {
    const resolver = resolverOf('93.184.215.14');
    for (const url of ['http://localhost/', 'http://LOCALHOST./', 'http://admin.localhost/']) {
      expect((await failure(checkTarget(new URL(url), PUBLIC_ONLY, resolver, live))).code).toBe('BLOCKED_ADDRESS');
    }
    expect(resolver).not.toHaveBeenCalled();
  });

  it('returns every address a public name resolves to', async () => {
    const resolver = resolverOf('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c');
    const addresses = await checkTarget(new URL('https://example.com/'), PUBLIC_ONLY, resolver, live);
    expect(addresses).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    expect(resolver).toHaveBeenCalledWith('example.com');
  });

  it.each(['10.0.0.5', '192.168.0.10', '172.20.1.1', '169.254.169.254', '100.64.1.1', 'fd00::1', '::ffff:10.0.0.5', '0.0.0.0'])(
    'refuses a name that resolves to %s',
    async (address) => {
      const error = await failure(checkTarget(new URL('http://internal.test/'), PUBLIC_ONLY, resolverOf(address), live));
      expect(error.code).toBe('BLOCKED_ADDRESS');
    },
  );

  it('refuses a name when any one of its answers is private', async () => {
    const resolver = resolverOf('93.184.215.14', '10.0.0.1');
    expect((await failure(checkTarget(new URL('http://mixed.test/'), PUBLIC_ONLY, resolver, live))).code).toBe('BLOCKED_ADDRESS');
  });

  it('keeps private ranges blocked under the test policy', async () => {
    const resolver = resolverOf('192.168.1.1');
    const error = await failure(checkTarget(new URL('http://router.test/'), allowLoopbackForTests(), resolver, live));
    expect(error.code).toBe('BLOCKED_ADDRESS');
  });

  it('reports a name that does not resolve as a DNS failure', async () => {
    const notFound: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
    };
    const error = await failure(checkTarget(new URL('http://nowhere.test/'), PUBLIC_ONLY, notFound, live));
    expect(error.code).toBe('DNS');
    expect(error.message).not.toContain('getaddrinfo');
    expect((await failure(checkTarget(new URL('http://empty.test/'), PUBLIC_ONLY, resolverOf(), live))).code).toBe('DNS');
  });

  it('says a temporary DNS failure is temporary', async () => {
    const flaky: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    };
    const error = await failure(checkTarget(new URL('http://flaky.test/'), PUBLIC_ONLY, flaky, live));
    expect(error.message).toMatch(/right now/);
  });

  it('refuses a resolver answer that is not an address', async () => {
    const error = await failure(checkTarget(new URL('http://odd.test/'), PUBLIC_ONLY, resolverOf('localhost'), live));
    expect(error.code).toBe('DNS');
  });

  it('stops waiting for a slow resolver when the fetch is aborted', async () => {
    const never: Resolver = () => new Promise(() => undefined);
    const controller = new AbortController();
    const reason = new SkimError('TIMEOUT');
    setTimeout(() => controller.abort(reason), 20);
    await expect(checkTarget(new URL('http://slow.test/'), PUBLIC_ONLY, never, controller.signal)).rejects.toBe(reason);
  });
});

describe('precheckUrl', () => {
  it.each(['http://127.0.0.1:9/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://localhost/', 'http://169.254.169.254/'])(
    'refuses %s without DNS',
    (url) => {
      expect(() => precheckUrl(url)).toThrow(expect.objectContaining({ code: 'BLOCKED_ADDRESS' }));
    },
  );

  it('refuses other schemes', () => {
    expect(() => precheckUrl('file:///etc/passwd')).toThrow(expect.objectContaining({ code: 'BAD_URL' }));
  });

  it('lets names and public addresses through for fetchPage to resolve and check', () => {
    expect(precheckUrl('https://example.com/a#b').href).toBe('https://example.com/a');
    expect(precheckUrl('http://93.184.215.14/').hostname).toBe('93.184.215.14');
  });

  it('follows the policy it is given', () => {
    expect(precheckUrl('http://127.0.0.1:9/', allowLoopbackForTests()).port).toBe('9');
  });
});
