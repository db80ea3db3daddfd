import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../src/core/decode/decode.js';
import { SkimError } from '../../../src/core/errors.js';
import { fetchPage, skimUserAgent, type FetchOptions, type Resolver } from '../../../src/core/fetch/index.js';
import { allowLoopbackForTests } from '../../../src/core/fetch/address.js';
import { loopbackOnlyPerTest } from '../../helpers/loopbackOnlyNetwork.js';
import { startPageServer, type PageServer, type Route } from '../../helpers/pageServer.js';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '../../helpers/selfSignedCert.js';

const MB = 1024 * 1024;
const CONTACT = 'https://example.org/skim-operator';
const ARTICLE = '<!doctype html><html><head><title>Hi</title></head><body><p>An article.</p></body></html>';

/** Production settings: the default policy. */
const PRODUCTION: FetchOptions = { timeoutMs: 3_000, maxBytes: 5 * MB, userAgent: skimUserAgent(CONTACT) };
/** The same with the test policy, so pages can come from 127.0.0.1. */
const LOCAL: FetchOptions = { ...PRODUCTION, policy: allowLoopbackForTests() };

const network = loopbackOnlyPerTest();
const servers = network.servers;

async function serve(routes: Record<string, Route>, host?: string): Promise<PageServer> {
  const server = await startPageServer(routes, host ? { host } : {});
  servers.push(server);
  return server;
}

async function serveTls(routes: Record<string, Route>): Promise<PageServer> {
  const server = await startPageServer(routes, { tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
  servers.push(server);
  return server;
}

/** A resolver from a fixed table, counting its calls. */
function resolverFrom(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolver, { calls });
}

async function failure(promise: Promise<unknown>): Promise<SkimError> {
  const error = await promise.then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SkimError);
  return error as SkimError;
}

/** Writes `total` bytes in 64 KiB chunks, as fast as the client reads, until done or the client leaves. */
function streamBytes(res: ServerResponse, total: number, sent: { bytes: number; closed: boolean }): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  res.on('close', () => (sent.closed = true));
  const pump = (): void => {
    while (sent.bytes < total && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** A handler that sends headers, then one byte a second until the client leaves. */
function drip(contentType = 'text/html'): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.write('<');
    const timer = setInterval(() => res.write('p'), 1_000);
    res.on('close', () => clearInterval(timer));
  };
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function ipv6LoopbackWorks(): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

describe('fetchPage: reading pages', () => {
  it('returns the body, type, charset and URL of an HTML page', async () => {
    const server = await serve({ '/a': { body: ARTICLE } });
    const page = await fetchPage(server.url('/a#section'), LOCAL);
    expect(page).toEqual({
      url: server.url('/a'),
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      body: Buffer.from(ARTICLE),
    });
  });

  it('names Skim and its operator contact, and asks like a browser', async () => {
    const server = await serve({ '/': { body: ARTICLE } });
    await fetchPage(server.url('/'), { ...LOCAL, acceptLanguage: 'fr-FR,fr;q=0.9' });
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe(`Mozilla/5.0 (compatible; Skim/0.1; +${CONTACT})`);
    expect(headers?.accept).toMatch(/^text\/html,application\/xhtml\+xml/);
    expect(headers?.['accept-language']).toBe('fr-FR,fr;q=0.9');
    expect(headers?.['accept-encoding']).toBe('gzip, br');
    expect(headers?.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('sends an English Accept-Language by default', async () => {
    const server = await serve({ '/': { body: ARTICLE } });
    await fetchPage(server.url('/'), LOCAL);
    expect(server.requests[0]?.headers['accept-language']).toBe('en-US,en;q=0.9');
  });

  it.each([
    ['text/plain', 'Just text.'],
    ['application/xhtml+xml; charset=utf-8', '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>'],
  ])('reads %s', async (contentType, body) => {
    const server = await serve({ '/': { body, headers: { 'content-type': contentType } } });
    const page = await fetchPage(server.url('/'), LOCAL);
    expect(page.contentType).toBe(contentType.split(';')[0]);
    expect(Buffer.from(page.body).toString()).toBe(body);
  });

  it('returns Windows-1252 bytes served without a charset unchanged, for the decoder to read', async () => {
    const text = '<html><head><title>Café</title></head><body><p>Déjà vu: “naïve” – 50 €</p></body></html>';
    const bytes = iconv.encode(text, 'windows-1252');
    const server = await serve({ '/': { body: bytes, headers: { 'content-type': 'text/html' } } });
    const page = await fetchPage(server.url('/'), LOCAL);
    expect(page.charset).toBeUndefined();
    expect(Buffer.from(page.body).equals(bytes)).toBe(true);
    expect(decodeHtml(page.body, page.charset)).toBe(text);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ])('decodes a %s-encoded page', async (encoding, compress) => {
    const server = await serve({ '/': { body: compress(Buffer.from(ARTICLE)), headers: { 'content-encoding': encoding } } });
    const page = await fetchPage(server.url('/'), LOCAL);
    expect(Buffer.from(page.body).toString()).toBe(ARTICLE);
  });

  it('reads a page served without Content-Type as HTML', async () => {
    const server = await serve({
      '/': (_req, res) => {
        res.removeHeader('content-type');
        res.end(ARTICLE);
      },
    });
    const page = await fetchPage(server.url('/'), LOCAL);
    expect(page.contentType).toBe('text/html');
  });
});

describe('fetchPage: refusing addresses', () => {
  it.each([
    'http://127.0.0.1:PORT/',
    'http://2130706433:PORT/',
    'http://0x7f.1:PORT/',
    'http://0x7f000001:PORT/',
    'http://0177.0.0.1:PORT/',
    'http://127.1:PORT/',
    'http://127.0.0.1.:PORT/',
    'http://%31%32%37.0.0.1:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://[::ffff:7f00:1]:PORT/',
    'http://[::ffff:0:7f00:1]:PORT/',
    'http://[64:ff9b::7f00:1]:PORT/',
    'http://[2002:7f00:1::]:PORT/',
    'http://0:PORT/',
    'http://0.0.0.0:PORT/',
    'http://localhost:PORT/',
    'http://LocalHost.:PORT/',
    'https://127.0.0.1:PORT/',
  ])('refuses %s before connecting, with the default policy', async (spelling) => {
    const server = await serve({ '/': { body: ARTICLE } });
    const started = Date.now();
    const error = await failure(fetchPage(spelling.replace('PORT', String(server.port)), PRODUCTION));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(server.connections).toBe(0);
    expect(network.guard.attempts).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses [::1] before connecting, with a server listening there', async (context) => {
    if (!(await ipv6LoopbackWorks())) return context.skip();
    const server = await serve({ '/': { body: ARTICLE } }, '::1');
    for (const spelling of ['[::1]', '[0:0:0:0:0:0:0:1]', '[::0001]']) {
      const error = await failure(fetchPage(`http://${spelling}:${server.port}/`, PRODUCTION));
      expect(error.code).toBe('BLOCKED_ADDRESS');
    }
    expect(server.connections).toBe(0);
    // The same server is reachable with the test policy, so the refusals above were the policy's doing.
    expect((await fetchPage(server.url('/'), LOCAL)).status).toBe(200);
  });

  it.each([
    ['private 10/8', '10.0.0.1'],
    ['private 172.16/12', '172.16.5.4'],
    ['private 172.16/12 (top)', '172.31.255.254'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['multicast', '224.0.0.251'],
    ['broadcast', '255.255.255.255'],
    ['reserved', '240.0.0.1'],
    ['documentation (reserved)', '198.51.100.7'],
    ['unspecified', '0.0.0.0'],
    ['metadata in decimal', '2852039166'],
    ['metadata in hex', '0xa9.0xfe.0xa9.0xfe'],
    ['private in octal', '012.0.0.1'],
    ['IPv6 unspecified', '[::]'],
    ['IPv6 unique local', '[fc00::1]'],
    ['IPv6 unique local (fd)', '[fd00:ec2::254]'],
    ['IPv6 link-local', '[fe80::1]'],
    ['IPv6 multicast', '[ff02::1]'],
    ['IPv4-mapped private', '[::ffff:10.0.0.1]'],
    ['IPv4-mapped metadata', '[::ffff:169.254.169.254]'],
    ['IPv4-translated private', '[::ffff:0:a00:1]'],
    ['NAT64 private', '[64:ff9b::a9fe:a9fe]'],
    ['6to4 private', '[2002:c0a8:101::1]'],
    ['Teredo private', '[2001:0:4136:e378:8000:63bf:f5ff:fffe]'],
    ['IPv4-compatible', '[::a00:1]'],
  ])('refuses %s (%s) before any connection', async (_label, host) => {
    const started = Date.now();
    const error = await failure(fetchPage(`http://${host}/latest/meta-data/`, LOCAL));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(network.guard.attempts).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it.each([['10.1.2.3'], ['192.168.0.1'], ['169.254.169.254'], ['100.100.100.200'], ['fd12::1'], ['::ffff:172.17.0.1'], ['127.0.0.1']])(
    'refuses a hostname that resolves to %s',
    async (address) => {
      const resolver = resolverFrom({ 'intranet.test': [address] });
      const error = await failure(fetchPage('http://intranet.test/', { ...PRODUCTION, resolver }));
      expect(error.code).toBe('BLOCKED_ADDRESS');
      expect(resolver.calls).toEqual(['intranet.test']);
      expect(network.guard.attempts).toEqual([]);
    },
  );

  it('refuses a hostname when one of its answers is private, even if the others are allowed', async () => {
    const server = await serve({ '/': { body: ARTICLE } });
    const resolver = resolverFrom({ 'mixed.test': ['127.0.0.1', '10.0.0.1'] });
    const error = await failure(fetchPage(`http://mixed.test:${server.port}/`, { ...LOCAL, resolver }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(server.connections).toBe(0);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1:70/', 'javascript:alert(1)', 'not a link'])(
    'refuses %s as a link',
    async (url) => {
      expect((await failure(fetchPage(url, PRODUCTION))).code).toBe('BAD_URL');
      expect(network.guard.attempts).toEqual([]);
    },
  );

  it('accepts no policy object but its own', async () => {
    const forged = { check: () => ({ allowed: true, range: 'unicast' }) } as unknown as FetchOptions['policy'];
    await expect(fetchPage('http://127.0.0.1:9/', { ...PRODUCTION, policy: forged })).rejects.toThrow(TypeError);
    expect(network.guard.attempts).toEqual([]);
  });
});

describe('fetchPage: connecting to the checked address', () => {
  it('connects a hostname to the address its resolver gave, keeping the name in the Host header', async () => {
    const server = await serve({ '/': { body: ARTICLE } });
    const resolver = resolverFrom({ 'pages.test': ['127.0.0.1'] });
    const page = await fetchPage(`http://pages.test:${server.port}/`, { ...LOCAL, resolver });
    expect(page.url).toBe(`http://pages.test:${server.port}/`);
    expect(server.requests[0]?.headers.host).toBe(`pages.test:${server.port}`);
    expect(resolver.calls).toEqual(['pages.test']);
    expect(network.guard.attempts).toEqual([`127.0.0.1:${server.port}`]);
  });

  it('never resolves the name again at connect time (DNS rebinding)', async () => {
    const checked = await serve({ '/': { body: ARTICLE } }, '127.0.0.1');
    const rebound = await startPageServer({ '/': { body: 'rebound' } }, { host: '127.0.0.2' });
    servers.push(rebound);
    const answers = [['127.0.0.1'], ['127.0.0.2']];
    let calls = 0;
    const rebinding: Resolver = async () => (answers[Math.min(calls++, 1)] ?? []).map((address) => ({ address, family: 4 }));
    const page = await fetchPage(`http://rebind.test:${checked.port}/`, { ...LOCAL, resolver: rebinding });
    expect(Buffer.from(page.body).toString()).toBe(ARTICLE);
    expect(calls).toBe(1);
    expect(rebound.connections).toBe(0);
  });

  it('sends the hostname as TLS SNI and checks the certificate against it, not the address', async () => {
    const server = await serveTls({ '/': { body: ARTICLE } });
    const resolver = resolverFrom({ 'skim.test': ['127.0.0.1'], 'wrong.test': ['127.0.0.1'] });
    const options = { ...LOCAL, resolver, extraCaCertificates: [TEST_TLS_CERT] };
    const page = await fetchPage(`https://skim.test:${server.port}/`, options);
    expect(page.status).toBe(200);
    expect(server.servernames).toContain('skim.test');
    expect(server.requests[0]?.headers.host).toBe(`skim.test:${server.port}`);
    expect((await failure(fetchPage(`https://wrong.test:${server.port}/`, options))).code).toBe('TLS');
  });

  it('reports an untrusted certificate as a TLS failure', async () => {
    const server = await serveTls({ '/': { body: ARTICLE } });
    const resolver = resolverFrom({ 'skim.test': ['127.0.0.1'] });
    const error = await failure(fetchPage(`https://skim.test:${server.port}/`, { ...LOCAL, resolver }));
    expect(error.code).toBe('TLS');
    expect(server.servernames).toEqual(['skim.test']);
    expect(server.requests).toEqual([]);
  });

  it('reports nothing listening as a connection failure', async () => {
    const error = await failure(fetchPage(`http://127.0.0.1:${await closedPort()}/`, LOCAL));
    expect(error.code).toBe('CONNECTION');
  });

  it('reports a name that does not resolve as a DNS failure', async () => {
    const error = await failure(fetchPage('http://nowhere.test/', { ...LOCAL, resolver: resolverFrom({}) }));
    expect(error.code).toBe('DNS');
  });
});

describe('fetchPage: redirects', () => {
  function chain(length: number): Record<string, Route> {
    const routes: Record<string, Route> = { [`/r${length}`]: { body: ARTICLE } };
    for (let i = 0; i < length; i++) routes[`/r${i}`] = { status: 302, headers: { location: `/r${i + 1}` } };
    return routes;
  }

  it('follows up to 5 redirects, resolving relative locations, and returns the final URL', async () => {
    const server = await serve(chain(5));
    const page = await fetchPage(server.url('/r0'), LOCAL);
    expect(page.url).toBe(server.url('/r5'));
    expect(server.requests.map((r) => r.path)).toEqual(['/r0', '/r1', '/r2', '/r3', '/r4', '/r5']);
    expect(server.requests.every((r) => r.headers['user-agent'] === LOCAL.userAgent)).toBe(true);
  });

  it('gives up after 5 redirects', async () => {
    const server = await serve(chain(6));
    expect((await failure(fetchPage(server.url('/r0'), LOCAL))).code).toBe('TOO_MANY_REDIRECTS');
    expect(server.requests).toHaveLength(6);
  });

  it('honours a smaller redirect limit and stops a redirect loop', async () => {
    const server = await serve({ '/loop': { status: 301, headers: { location: '/loop' } }, ...chain(2) });
    expect((await failure(fetchPage(server.url('/r0'), { ...LOCAL, maxRedirects: 1 }))).code).toBe('TOO_MANY_REDIRECTS');
    expect((await failure(fetchPage(server.url('/loop'), LOCAL))).code).toBe('TOO_MANY_REDIRECTS');
  });

  it.each([301, 302, 303, 307, 308])('follows a %i with a GET', async (status) => {
    const server = await serve({ '/from': { status, headers: { location: '/to' } }, '/to': { body: ARTICLE } });
    await fetchPage(server.url('/from'), LOCAL);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /from', 'GET /to']);
  });

  it('refuses a redirect chain ending at 127.0.0.1, without connecting there', async () => {
    const target = await serve({ '/admin': { body: 'secret' } }, '127.0.0.1');
    const start = await serve({
      '/': { status: 302, headers: { location: '/hop' } },
      '/hop': { status: 307, headers: { location: `http://127.0.0.1:${target.port}/admin` } },
    }, '127.0.0.2');
    const policy = allowLoopbackForTests(['127.0.0.2']);
    const error = await failure(fetchPage(start.url('/'), { ...PRODUCTION, policy }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(start.requests).toHaveLength(2);
    expect(target.connections).toBe(0);
  });

  it.each(['http://2130706433:PORT/admin', 'http://[::ffff:127.0.0.1]:PORT/admin', 'http://localhost:PORT/admin'])(
    'refuses a redirect to %s',
    async (location) => {
      const target = await serve({ '/admin': { body: 'secret' } }, '127.0.0.1');
      const start = await serve({ '/': { status: 302, headers: { location: location.replace('PORT', String(target.port)) } } }, '127.0.0.2');
      const error = await failure(fetchPage(start.url('/'), { ...PRODUCTION, policy: allowLoopbackForTests(['127.0.0.2']) }));
      expect(error.code).toBe('BLOCKED_ADDRESS');
      expect(target.connections).toBe(0);
    },
  );

  it('checks the address of every hop: a redirect to a name that resolves to a private address is refused', async () => {
    const start = await serve({ '/': { status: 302, headers: { location: 'http://metadata.test/latest/' } } });
    const resolver = resolverFrom({ 'metadata.test': ['169.254.169.254'] });
    const error = await failure(fetchPage(start.url('/'), { ...LOCAL, resolver }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(resolver.calls).toEqual(['metadata.test']);
    expect(network.guard.attempts).toEqual([`127.0.0.1:${start.port}`]);
  });

  it('refuses a redirect to another scheme', async () => {
    const start = await serve({ '/': { status: 302, headers: { location: 'file:///etc/passwd' } } });
    expect((await failure(fetchPage(start.url('/'), LOCAL))).code).toBe('BAD_URL');
  });

  it('says so when a page redirects to a login page', async () => {
    const server = await serve({
      '/2024/story': { status: 302, headers: { location: '/login?next=%2F2024%2Fstory' } },
      '/login?next=%2F2024%2Fstory': { body: '<form>Sign in</form>' },
    });
    const error = await failure(fetchPage(server.url('/2024/story'), LOCAL));
    expect(error.code).toBe('PAYWALL');
    expect(error.message).toBe('That page redirects to a login or subscription page.');
  });

  it('reports a redirect without a Location as an HTTP error', async () => {
    const start = await serve({ '/': { status: 302 } });
    const error = await failure(fetchPage(start.url('/'), LOCAL));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.details.status).toBe(302);
  });
});

describe('fetchPage: cookies across redirects', () => {
  /** Names that all resolve to the loopback server, so one server plays several sites. */
  const resolver = resolverFrom(
    Object.fromEntries(['www.news.test', 'consent.news.test', 'other.test', 'evil.test', 'bank.test', 'skim.test'].map((h) => [h, ['127.0.0.1']])),
  );
  const SITES = { ...LOCAL, resolver };

  /** The Cookie header each request carried, as `host path -> cookie`. */
  function cookiesSent(server: PageServer): string[] {
    return server.requests.map((r) => `${r.headers.host?.replace(/:\d+$/, '')} ${r.path} -> ${r.headers.cookie ?? '(none)'}`);
  }

  /** A page that sets a cookie and redirects to itself until that cookie comes back, as consent walls do. */
  function consentWall(cookie = 'consent=yes; Path=/; HttpOnly; SameSite=Lax'): Route {
    return (req, res) => {
      if (req.headers.cookie?.includes(cookie.split(';')[0] ?? '')) return void res.end(ARTICLE);
      res.writeHead(302, { location: req.url, 'set-cookie': cookie });
      res.end();
    };
  }

  it('reads a page that sets a cookie on a redirect to itself and expects it back', async () => {
    const server = await serve({ '/story': consentWall() });
    const page = await fetchPage(server.url('/story'), LOCAL);
    expect(Buffer.from(page.body).toString()).toBe(ARTICLE);
    expect(cookiesSent(server)).toEqual(['127.0.0.1 /story -> (none)', '127.0.0.1 /story -> consent=yes']);
  });

  it('carries a Domain cookie set by a consent host back to the article host', async () => {
    const server = await serve({});
    const at = (host: string, path: string): string => `http://${host}:${server.port}${path}`;
    server.route('/story', (req, res) => {
      if (req.headers.cookie === 'consent=yes') return void res.end(ARTICLE);
      res.writeHead(302, { location: at('consent.news.test', '/accept') }).end();
    });
    server.route('/accept', { status: 302, headers: { location: at('www.news.test', '/story'), 'set-cookie': 'consent=yes; Domain=news.test; Path=/' } });
    const page = await fetchPage(`http://www.news.test:${server.port}/story`, SITES);
    expect(page.url).toBe(`http://www.news.test:${server.port}/story`);
    expect(cookiesSent(server)).toEqual([
      'www.news.test /story -> (none)',
      'consent.news.test /accept -> (none)',
      'www.news.test /story -> consent=yes',
    ]);
  });

  it('keeps no cookie from one fetch to the next', async () => {
    const server = await serve({ '/story': consentWall() });
    await fetchPage(server.url('/story'), LOCAL);
    await fetchPage(server.url('/story'), LOCAL);
    expect(cookiesSent(server).filter((line) => line.endsWith('(none)'))).toHaveLength(2);
  });

  it('sends a cookie only to the host that set it, not to another host the chain passes through', async () => {
    const server = await serve({});
    const at = (host: string, path: string): string => `http://${host}:${server.port}${path}`;
    server.route('/start', { status: 302, headers: { location: at('other.test', '/elsewhere'), 'set-cookie': 'session=abc' } });
    server.route('/elsewhere', { status: 302, headers: { location: at('www.news.test', '/back') } });
    server.route('/back', { body: ARTICLE });
    await fetchPage(at('www.news.test', '/start'), SITES);
    expect(cookiesSent(server)).toEqual([
      'www.news.test /start -> (none)',
      'other.test /elsewhere -> (none)',
      'www.news.test /back -> session=abc',
    ]);
  });

  it('does not carry a host-only cookie to a sibling or parent host', async () => {
    const server = await serve({});
    const at = (host: string, path: string): string => `http://${host}:${server.port}${path}`;
    server.route('/a', (_req, res) => {
      res.writeHead(302, [['location', at('consent.news.test', '/b')], ['set-cookie', 'hostonly=1'], ['set-cookie', 'shared=2; Domain=news.test']]);
      res.end();
    });
    server.route('/b', { body: ARTICLE });
    await fetchPage(at('www.news.test', '/a'), SITES);
    expect(cookiesSent(server)).toEqual(['www.news.test /a -> (none)', 'consent.news.test /b -> shared=2']);
  });

  it('refuses cookies a site sets for another site or for a whole top-level domain', async () => {
    const server = await serve({});
    const at = (host: string, path: string): string => `http://${host}:${server.port}${path}`;
    const attempts = ['stolen=1; Domain=bank.test', 'wide=1; Domain=test', 'wide2=1; Domain=.test', 'ip=1; Domain=127.0.0.1', 'own=1'];
    server.route('/plant', (_req, res) => {
      res.writeHead(302, [['location', at('bank.test', '/account')], ...attempts.map((c) => ['set-cookie', c] as [string, string])]);
      res.end();
    });
    server.route('/account', { status: 302, headers: { location: at('evil.test', '/done') } });
    server.route('/done', { body: ARTICLE });
    await fetchPage(at('evil.test', '/plant'), SITES);
    expect(cookiesSent(server)).toEqual(['evil.test /plant -> (none)', 'bank.test /account -> (none)', 'evil.test /done -> own=1']);
  });

  it('forgets a cookie the site removes with Max-Age=0', async () => {
    const server = await serve({
      '/a': { status: 302, headers: { location: '/b', 'set-cookie': 'tmp=1' } },
      '/b': (_req, res) => {
        res.writeHead(302, [['location', '/c'], ['set-cookie', 'tmp=; Max-Age=0'], ['set-cookie', 'kept=2']]);
        res.end();
      },
      '/c': { body: ARTICLE },
    });
    await fetchPage(server.url('/a'), LOCAL);
    expect(cookiesSent(server)).toEqual(['127.0.0.1 /a -> (none)', '127.0.0.1 /b -> tmp=1', '127.0.0.1 /c -> kept=2']);
  });

  it('sends a Secure cookie over https but not on a redirect to http', async () => {
    const plain = await serve({ '/plain': { body: ARTICLE } });
    const tls = await serveTls({
      '/start': { status: 302, headers: { location: '/secure', 'set-cookie': 'sid=1; Secure' } },
      '/secure': { status: 302, headers: { location: `http://skim.test:${plain.port}/plain` } },
    });
    await fetchPage(`https://skim.test:${tls.port}/start`, { ...SITES, extraCaCertificates: [TEST_TLS_CERT] });
    expect(cookiesSent(tls)).toEqual(['skim.test /start -> (none)', 'skim.test /secure -> sid=1']);
    expect(cookiesSent(plain)).toEqual(['skim.test /plain -> (none)']);
  });

  it('still gives up on a site that keeps redirecting while setting cookies', async () => {
    let round = 0;
    const server = await serve({
      '/loop': (_req, res) => {
        res.writeHead(302, { location: '/loop', 'set-cookie': `visit=${++round}` });
        res.end();
      },
    });
    const error = await failure(fetchPage(server.url('/loop'), LOCAL));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
    expect(server.requests).toHaveLength(6);
    expect(server.requests.at(-1)?.headers.cookie).toBe('visit=5');
  });

  it('still checks every hop: a cookie-setting redirect to a private address is refused before connecting', async () => {
    const start = await serve({ '/': { status: 302, headers: { location: 'http://metadata.test/latest/', 'set-cookie': 'a=1; Domain=metadata.test' } } });
    const privateNames = resolverFrom({ 'metadata.test': ['169.254.169.254'] });
    const error = await failure(fetchPage(start.url('/'), { ...LOCAL, resolver: privateNames }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(network.guard.attempts).toEqual([`127.0.0.1:${start.port}`]);
  });
});

describe('fetchPage: limits', () => {
  it('stops a server that drips one byte a second at the total time limit', async () => {
    const server = await serve({ '/': drip() });
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/'), { ...LOCAL, timeoutMs: 1_200 }));
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops a server that never sends its headers at the time-to-first-byte limit', async () => {
    const server = await serve({ '/': () => undefined });
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/'), { ...LOCAL, timeoutMs: 5_000, headersTimeoutMs: 300 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/start answering/);
    // undici checks header timeouts on a ~0.5 s tick.
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('stops a body that goes silent at the idle limit, long before the total time limit', async () => {
    const server = await serve({
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>Half a page');
      },
    });
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/'), { ...LOCAL, timeoutMs: 5_000, headersTimeoutMs: 300 }));
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('counts every hop of a slow redirect chain against the total time limit', async () => {
    const server = await serve({});
    for (let i = 0; i < 10; i++) {
      server.route(`/r${i}`, (_req, res) => {
        setTimeout(() => res.writeHead(302, { location: `/r${i + 1}` }).end(), 300);
      });
    }
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/r0'), { ...LOCAL, timeoutMs: 1_000, maxRedirects: 20 }));
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_800);
    expect(server.requests.length).toBeLessThan(6);
  });

  it('stops a DNS lookup that never answers at the total time limit, without connecting', async () => {
    const hanging: Resolver = () => new Promise(() => undefined);
    const started = Date.now();
    const error = await failure(fetchPage('http://slow-dns.test/', { ...LOCAL, resolver: hanging, timeoutMs: 400 }));
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(network.guard.attempts).toEqual([]);
  });

  it.each([
    ['deflate', deflateSync],
    ['br', (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })],
  ])('stops a %s bomb early', async (encoding, compress) => {
    const server = await serve({ '/': { body: compress(Buffer.alloc(16 * MB)), headers: { 'content-encoding': encoding } } });
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/'), { ...LOCAL, maxBytes: MB }));
    expect(error.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops a gzip bomb early', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MB));
    const server = await serve({ '/': { body: bomb, headers: { 'content-encoding': 'gzip' } } });
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses a 20 MB page announced by Content-Length without reading it', async () => {
    const sent = { bytes: 0, closed: false };
    const server = await serve({
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': 20 * MB });
        streamBytes(res, 20 * MB, sent);
      },
    });
    expect((await failure(fetchPage(server.url('/'), LOCAL))).code).toBe('TOO_LARGE');
    await expect.poll(() => sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(8 * MB);
  });

  it('stops a 20 MB page sent without Content-Length at the size limit', async () => {
    const sent = { bytes: 0, closed: false };
    const server = await serve({
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        streamBytes(res, 20 * MB, sent);
      },
    });
    expect((await failure(fetchPage(server.url('/'), LOCAL))).code).toBe('TOO_LARGE');
    await expect.poll(() => sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(15 * MB);
  });

  it('refuses oversized response headers', async () => {
    const server = await serve({ '/': { body: ARTICLE, headers: { 'x-padding': 'p'.repeat(64 * 1024) } } });
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/headers/);
  });

  it('lets the caller cancel a fetch', async () => {
    const server = await serve({ '/': drip() });
    const controller = new AbortController();
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 100);
    await expect(fetchPage(server.url('/'), { ...LOCAL, signal: controller.signal })).rejects.toBe(reason);
  });
});

describe('fetchPage: content types', () => {
  it('refuses a PDF over the byte cap without downloading it', async () => {
    let closed = false;
    const server = await serve({
      '/paper.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 30 * MB });
        res.write('%PDF-1.7\n');
        res.on('close', () => (closed = true));
      },
    });
    const error = await failure(fetchPage(server.url('/paper.pdf'), LOCAL));
    expect(error.code).toBe('TOO_LARGE');
    await expect.poll(() => closed).toBe(true);
  });

  it.each(['image/png', 'video/mp4', 'application/octet-stream', 'application/json'])('refuses %s', async (type) => {
    const server = await serve({ '/': { body: 'x', headers: { 'content-type': type } } });
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('NOT_HTML');
    expect(error.message).toContain(type);
  });

  it('reads a PDF served without Content-Type as a PDF', async () => {
    const server = await serve({
      '/': (_req, res) => {
        res.removeHeader('content-type');
        res.end('%PDF-1.4\n%âãÏÓ\n');
      },
    });
    const page = await fetchPage(server.url('/'), LOCAL);
    expect(page.contentType).toBe('application/pdf');
  });
});

describe('fetchPage: HTTP errors', () => {
  it('reports a 404 with its status', async () => {
    const server = await serve({});
    const error = await failure(fetchPage(server.url('/missing'), LOCAL));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.details.status).toBe(404);
    expect(error.message).toBe("That page wasn't found (404).");
  });

  it('says a 403 page is forbidden', async () => {
    const server = await serve({ '/': { status: 403, body: 'Forbidden' } });
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('PAYWALL');
    expect(error.details.status).toBe(403);
    expect(error.message).toMatch(/forbidden/i);
  });

  it.each([
    [401, /login/],
    [402, /paywall/],
    [451, /legal/],
  ])('explains a %i', async (status, message) => {
    const server = await serve({ '/': { status } });
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('PAYWALL');
    expect(error.message).toMatch(message);
  });

  it('reports a server error with its status', async () => {
    const server = await serve({ '/': { status: 503, body: 'down' } });
    const error = await failure(fetchPage(server.url('/'), LOCAL));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.details.status).toBe(503);
  });
});

describe('fetchPage: error messages', () => {
  it('never show an address, a stack or an internal error text', async () => {
    const server = await serve({ '/': () => undefined, '/image': { headers: { 'content-type': 'image/png' } } });
    const resolver = resolverFrom({ 'inside.test': ['10.9.8.7'] });
    const failures = await Promise.all([
      failure(fetchPage('http://10.9.8.7/', PRODUCTION)),
      failure(fetchPage('http://inside.test/', { ...PRODUCTION, resolver })),
      failure(fetchPage('http://nowhere.test/', { ...PRODUCTION, resolver })),
      failure(fetchPage(`http://127.0.0.1:${await closedPort()}/`, LOCAL)),
      failure(fetchPage(server.url('/'), { ...LOCAL, headersTimeoutMs: 200 })),
      failure(fetchPage(server.url('/image'), LOCAL)),
    ]);
    for (const error of failures) {
      expect(error.message).not.toMatch(/\d+\.\d+\.\d+\.\d+|::|ECONN|ENOTFOUND|UND_ERR|\bat\b.*:\d+|inside\.test/);
      expect(error.message.length).toBeLessThan(120);
    }
  });
});
