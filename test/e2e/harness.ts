/**
 * The end-to-end harness: the real bot (createBot, the real safe fetcher, pipeline, cache and optionally the
 * worker pool) against the loopback fake of Discord and a loopback page server, with every TCP connection of
 * the process held to loopback. One harness per test file; `checkpoint()` between tests checks what every
 * scenario must hold and forgets the recorded calls.
 */
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import type { BotConfig } from '../../src/config.js';
import { digestInput } from '../../src/core/digest.js';
import { openCache, type SkimCache } from '../../src/core/cache/index.js';
import { allowLoopbackForTests } from '../../src/core/fetch/address.js';
import { fetchOptionsFromConfig, fetchPage, type Resolver } from '../../src/core/fetch/index.js';
import type { PipelineDeps } from '../../src/core/pipeline.js';
import { createDigestPool, type DigestPool } from '../../src/core/pool/digestPool.js';
import { createBot, type Bot } from '../../src/discord/client.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import type { Logger } from '../../src/logger.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type InteractionHandle, type RecordedCall } from '../fakeDiscord/index.js';
import { capturingLogger } from '../helpers/cacheStores.js';
import { guardLoopbackOnly } from '../helpers/loopbackOnlyNetwork.js';
import { startPageServer, type PageServer, type Route } from '../helpers/pageServer.js';
import { testConfig } from '../discord/fakes.js';
import { articleHtml, articleUrl, type TestArticle } from './pages.js';

/** A host name the test resolver answers with a private address: the fetcher must refuse it. */
export const INTRANET_HOST = 'wiki.corp.example';
const INTRANET_ADDRESS = '10.20.30.40';

/** How a harness is built. */
export interface HarnessOptions {
  /** Where the cache lives: memory (default), or the run's shared Redis under a key prefix of its own. */
  store?: 'memory' | 'redis';
  /** Runs the CPU-bound step in the worker pool, as the bot does in production (default inline). */
  pool?: boolean;
  /** Settings over the e2e defaults. */
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
}

/** A running bot, its Discord, its web, and what they saw. */
export interface Harness {
  readonly discord: FakeDiscord;
  readonly pages: PageServer;
  /** The bot now running (a new one after {@link Harness.restart}). */
  readonly bot: Bot;
  readonly cache: SkimCache;
  readonly config: BotConfig;
  /** Log records of the bot (debug and up) since the last checkpoint. */
  readonly logs: Array<Record<string, unknown>>;
  /**
   * Serves an article page at its host and path; returns its URL. `delayMs` holds each response that long;
   * `until` holds it until the promise settles, for a test that must know a fetch is still under way.
   */
  serve(article: TestArticle, options?: { delayMs?: number; until?: Promise<unknown> }): string;
  /** Serves anything at a host and path; returns its URL. */
  route(host: string, path: string, route: Route): string;
  /** Digests computed (in the pool or inline) since the harness started: a cache hit computes none. */
  readonly computed: number;
  /** How many times the page server was asked for a URL since the last checkpoint. */
  fetchesOf(url: string): number;
  /** Stops the bot and starts a new one (a new client, a new connection to the same store). */
  restart(): Promise<void>;
  /** Checks what must hold after every scenario, then forgets calls, requests and logs. */
  checkpoint(): void;
  close(): Promise<void>;
}

/** Settings of the bot under test; the rate limits are raised since every scenario of a file shares a guild. */
const E2E_ENV = {
  RATE_LIMIT_USER_PER_MINUTE: '100',
  RATE_LIMIT_GUILD_PER_MINUTE: '200',
  FETCH_TIMEOUT_MS: '5000',
};

/** As in src/services.ts. */
const JOB_TIMEOUT_MS = 20_000;
const WORKER_HEAP_MB = 768;

/** Starts the fake Discord, the page server and the bot (commands deployed to the guild, client ready). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const guard = guardLoopbackOnly();
  const { logger, records } = capturingLogger();
  const discord = await startFakeDiscord(options.fake);
  const pages = await startPageServer();
  const config = testConfig({
    ...E2E_ENV,
    DISCORD_TOKEN: discord.token,
    DISCORD_CLIENT_ID: discord.applicationId,
    DEV_GUILD_ID: discord.guild.id,
    ...options.env,
  });
  await deployCommands(config, { rest: { api: discord.restUrl } });

  const hosts = new Map<string, string>([[INTRANET_HOST, INTRANET_ADDRESS]]);
  const resolver = tableResolver(hosts);
  const prefix = `e2e-${randomUUID()}:`;
  const openStore = () => openTestCache(options.store ?? 'memory', config, logger, prefix);
  let cache = await openStore();
  const pool = options.pool ? await warmPool(digestPool(config, logger)) : undefined;
  const fetchOptions = { ...fetchOptionsFromConfig(config), policy: allowLoopbackForTests(['127.0.0.1']), resolver };
  let computed = 0;
  const run: NonNullable<PipelineDeps['run']> = async (raw, key) => {
    computed += 1;
    return pool ? pool.run(raw, key) : digestInput(raw, key);
  };
  const services = (): PipelineDeps => ({ fetchPage: (url) => fetchPage(url, fetchOptions), cache, run });
  const newBot = (): Bot =>
    createBot({ config, services: services(), logger, clientOptions: fakeClientOptions(discord), shutdownTimeoutMs: 2_000, readyTimeoutMs: 10_000 });
  let bot = newBot();
  await bot.start();

  const route = (host: string, path: string, handler: Route): string => {
    hosts.set(host, '127.0.0.1');
    pages.route(path, handler);
    return `http://${host}:${pages.port}${path}`;
  };

  return {
    discord,
    pages,
    config,
    get bot() {
      return bot;
    },
    get cache() {
      return cache;
    },
    logs: records,
    get computed() {
      return computed;
    },
    route,
    serve(article, serveOptions = {}) {
      const url = articleUrl(article, pages.port);
      const html = articleHtml(article, url);
      const { delayMs = 0, until } = serveOptions;
      const slow = delayMs > 0 || until !== undefined;
      return route(article.host, article.path, slow ? slowly(html, delayMs, until) : { body: html });
    },
    fetchesOf(url) {
      const { host, pathname, search } = new URL(url);
      return pages.requests.filter((r) => r.path === pathname + search && r.headers.host === host).length;
    },
    async restart() {
      await bot.stop();
      if (cache.kind !== 'memory') {
        await cache.close();
        cache = await openStore();
      }
      bot = newBot();
      await bot.start();
    },
    checkpoint() {
      try {
        expect(discord.serverErrors).toEqual([]);
        expect(guard.violations).toEqual([]);
        expectNoMentionsAnywhere(discord);
        expectNothingInternal(discord, [discord.restUrl, discord.cdnUrl, inject('redisUrl')]);
        expect(records.filter((r) => Number(r.level) >= 50)).toEqual([]);
      } finally {
        discord.clearCalls();
        pages.requests.length = 0;
        records.length = 0;
        guard.reset();
      }
    },
    async close() {
      try {
        await bot.stop();
        await Promise.all([cache.close(), pool?.close(), discord.close(), pages.close()]);
      } finally {
        guard.restore();
      }
    },
  };
}

/** Client options for the fake, without the 5 s wait between two IDENTIFYs. */
export function fakeClientOptions(discord: FakeDiscord) {
  return { ...discord.clientOptions, ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } };
}

/** Answers from a table of host names (the test's own DNS); any other name does not exist. */
function tableResolver(hosts: ReadonlyMap<string, string>): Resolver {
  return async (hostname) => {
    const address = hosts.get(hostname.toLowerCase());
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  };
}

async function openTestCache(store: 'memory' | 'redis', config: BotConfig, logger: Logger, prefix: string): Promise<SkimCache> {
  return openCache(store === 'redis' ? inject('redisUrl') : 'memory', {
    ttlSeconds: config.CACHE_TTL_SECONDS,
    failureTtlSeconds: config.FAILURE_TTL_SECONDS,
    lockMs: config.FETCH_TIMEOUT_MS + JOB_TIMEOUT_MS,
    logger,
    prefix,
  });
}

function digestPool(config: BotConfig, logger: Logger): DigestPool {
  return createDigestPool({
    size: config.WORKER_THREADS === 0 ? 1 : config.WORKER_THREADS,
    queueSize: config.QUEUE_SIZE,
    jobTimeoutMs: JOB_TIMEOUT_MS,
    maxHeapMb: WORKER_HEAP_MB,
    onWorkerLost: (reason, error) => logger.warn({ err: error, reason }, 'digest worker replaced'),
  });
}

/**
 * Waits until the workers have loaded the pipeline (a small job each), as a bot that has been up a moment
 * has: the scenarios then measure serving, not the workers' boot competing for the CPU.
 */
async function warmPool(pool: DigestPool): Promise<DigestPool> {
  const text = 'Warming up. '.repeat(5) + 'The worker pool loads the pipeline before the first request arrives, so that later jobs run at full speed.';
  await Promise.all(Array.from({ length: pool.pool.size }, (_, i) => pool.run({ kind: 'text', text }, `warm-up:${i}`).catch(() => undefined)));
  return pool;
}

function slowly(html: string, delayMs: number, until?: Promise<unknown>): Route {
  return async (_req, res) => {
    await Promise.all([new Promise((resolve) => setTimeout(resolve, delayMs)), until?.catch(() => undefined)]);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  };
}

type Json = Record<string, unknown>;

/**
 * The message payload of a REST call that sends or edits a message (channel messages, webhook and
 * interaction responses), or undefined for any other call.
 */
export function sentPayload(call: RecordedCall): Json | undefined {
  const body = (call.body ?? {}) as Json;
  if (/^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) && (call.method === 'POST' || call.method === 'PATCH')) return body;
  if (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(call.path) && (call.method === 'POST' || call.method === 'PATCH')) return body;
  if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(call.path) && (body.type === 4 || body.type === 7)) return (body.data ?? {}) as Json;
  return undefined;
}

/** Every text a user can read in a sent payload: content, and each embed's title, description, fields, author and footer. */
export function textsOf(payload: Json): string[] {
  const texts = typeof payload.content === 'string' ? [payload.content] : [];
  for (const embed of (payload.embeds ?? []) as Json[]) {
    for (const key of ['title', 'description'] as const) if (typeof embed[key] === 'string') texts.push(embed[key] as string);
    for (const field of (embed.fields ?? []) as Json[]) texts.push(String(field.name), String(field.value));
    if (embed.author) texts.push(String((embed.author as Json).name));
    if (embed.footer) texts.push(String((embed.footer as Json).text));
  }
  return texts;
}

/** The calls that sent or edited a message. */
export function sendingCalls(discord: FakeDiscord): Array<{ call: RecordedCall; payload: Json }> {
  return discord.calls.flatMap((call) => {
    const payload = sentPayload(call);
    return payload ? [{ call, payload }] : [];
  });
}

/** Every message-sending call asked Discord to parse no mention, and no message the bot sent pinged anyone. */
function expectNoMentionsAnywhere(discord: FakeDiscord): void {
  for (const { call, payload } of sendingCalls(discord)) {
    expect(payload.allowed_mentions, `${call.method} ${call.path}`).toMatchObject({ parse: [] });
    const id = (call.response as Json | undefined)?.id;
    const stored = typeof id === 'string' ? discord.message(id) : undefined;
    if (stored) expect({ users: stored.mentions, roles: stored.mention_roles, everyone: stored.mention_everyone }).toEqual({ users: [], roles: [], everyone: false });
  }
}

const STACK_OR_INTERNALS = [
  /\n\s+at\s/, // a stack frame
  /\.[cm]?[jt]s:\d+/, // a source position
  /node:internal|file:\/\/|\/work\//,
  /\b(?:Error|TypeError|SkimError|DiscordAPIError)\b:/,
  /\b(?:ECONN\w+|ENOTFOUND|EAI_\w+|UND_ERR_\w+)\b/,
  /\blocalhost\b|\[::1\]/i,
  /\b(?:127|10)\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|\b169\.254\.\d|\b192\.168\.\d|\b172\.(?:1[6-9]|2\d|3[01])\.\d/,
];

/** No text the bot sent shows a stack trace, an error's internals, or an internal address or service. */
function expectNothingInternal(discord: FakeDiscord, services: string[]): void {
  for (const { call, payload } of sendingCalls(discord)) {
    for (const text of textsOf(payload)) {
      for (const pattern of STACK_OR_INTERNALS) expect(text, `${call.method} ${call.path}`).not.toMatch(pattern);
      for (const service of services) expect(text).not.toContain(new URL(service).host);
    }
  }
}

/** The interaction was acknowledged with a deferred reply (type 5) that Discord accepted within its deadline. */
export async function expectDeferredInTime(discord: FakeDiscord, handle: InteractionHandle, deadlineMs = 3_000): Promise<void> {
  const callback = await handle.waitForCallback();
  expect((callback.body as Json).type).toBe(5);
  expect(callback.status).toBeLessThan(300);
  const createdAt = discord.state.interactions.get(handle.id)?.createdAt ?? 0;
  expect(callback.at - createdAt).toBeLessThan(deadlineMs);
}

/** The successful edits of an interaction's original response that carried an embed. */
export function embedEdits(handle: InteractionHandle): RecordedCall[] {
  return handle
    .calls()
    .filter((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original') && c.status === 200)
    .filter((c) => (((c.body as Json).embeds ?? []) as unknown[]).length > 0);
}

/** Undoes the escaping of article text in a message (markdown backslashes, the zero-width space after @). */
export function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/@\u200b/g, '@');
}

/** The bullets of a summary embed's description, unescaped. */
export function bullets(description: string | undefined): string[] {
  return (description ?? '')
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map((line) => unescape(line.slice(2)));
}
