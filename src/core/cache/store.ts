import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type KeyvSqlite from '@keyv/sqlite';
import type { Logger } from '../../logger.js';
import { CacheTimeoutError, FaultLog, withTimeout } from './faults.js';
import { MemoryStore } from './memoryStore.js';

/** Which backend holds the cache. */
export type StoreKind = 'sqlite' | 'redis' | 'memory';

/** The Redis client the cache uses for keyv, locks and counters. */
export type RedisClient = Awaited<ReturnType<typeof createRedisClient>>;

/** The embedded default, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/skim.sqlite';

/** The outcome of a guarded read: a fault (store down, timeout, corrupt entry) is told apart from a miss. */
export type Read = { status: 'hit'; value: unknown } | { status: 'miss' } | { status: 'fault' };

/** The outcome of a guarded raw Redis call. */
export type Outcome<T> = { ok: true; value: T } | { ok: false };

/** Where the cache lives, parsed from `CACHE_URL`. */
export type StoreLocation = { kind: 'memory' } | { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string };

/** How {@link openStore} connects and how long each operation may take. */
export interface StoreOptions {
  logger: Logger;
  /** Time budget of one store operation; past it the operation counts as a fault. */
  opTimeoutMs: number;
  /** Prepended to every key, so several deployments (or test files) can share one Redis. */
  prefix: string;
  /** How long opening may wait for Redis before going on without it (it keeps reconnecting). */
  connectTimeoutMs?: number;
  /** How long the store is skipped after an operation timed out. */
  cooldownMs?: number;
}

const MISS: Read = { status: 'miss' };
const FAULT: Read = { status: 'fault' };
const SQLITE_SWEEP_MS = 3_600_000;
const DEFAULT_COOLDOWN_MS = 5_000;

/**
 * Reads `CACHE_URL`: unset is the SQLite file `./data/skim.sqlite`; `memory`; `sqlite://PATH` (relative or
 * absolute, `sqlite:///abs/path` works too); `redis://` or `rediss://` URLs.
 * @throws Error for any other form.
 */
export function parseCacheUrl(url: string | undefined): StoreLocation {
  const value = url?.trim() ?? '';
  if (value === '') return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (value === 'memory') return { kind: 'memory' };
  if (value.startsWith('sqlite://')) return { kind: 'sqlite', path: value.slice('sqlite://'.length) || DEFAULT_SQLITE_PATH };
  if (/^rediss?:\/\//.test(value)) return { kind: 'redis', url: value };
  throw new Error(`CACHE_URL must be memory, sqlite://PATH or redis://HOST[:PORT], not "${value}"`);
}

/**
 * One keyv store with every operation under a time budget. Faults are logged (once per burst) and reported
 * as `fault` / `false`, never thrown: callers carry on as if the cache were empty. After a timeout the store
 * is skipped for a cool-down, so a hung server costs one time budget per cool-down, not one per request.
 */
export class CacheStore {
  readonly faults: FaultLog;
  private skipUntil = 0;

  constructor(
    readonly kind: StoreKind,
    private readonly keyv: Keyv,
    private readonly options: StoreOptions,
    /** The raw client for locks and counters; only for Redis. */
    readonly redis?: RedisClient,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.faults = new FaultLog(options.logger);
  }

  /** The logger faults and notes go to. */
  get logger(): Logger {
    return this.options.logger;
  }

  /** The key as stored, with the deployment prefix. */
  fullKey(key: string): string {
    return this.options.prefix + key;
  }

  /** Reads a value; keyv drops expired entries. A corrupt entry reads as a fault. */
  async read(key: string): Promise<Read> {
    const outcome = await this.attempt('get', () => this.keyv.get(this.fullKey(key)), key);
    if (!outcome.ok) return FAULT;
    const value: unknown = outcome.value;
    return value === undefined || value === null ? MISS : { status: 'hit', value };
  }

  /** Writes a value (JSON) that expires after `ttlMs` (never when undefined); false on a fault. */
  async write(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    return (await this.attempt('set', () => this.keyv.set(this.fullKey(key), value, ttlMs), key)).ok;
  }

  /** Deletes a value; false on a fault. */
  async remove(key: string): Promise<boolean> {
    return (await this.attempt('delete', () => this.keyv.delete(this.fullKey(key)), key)).ok;
  }

  /** Runs a raw Redis command under the time budget; `{ ok: false }` without Redis or on a fault. */
  async redisCall<T>(operation: string, call: (client: RedisClient) => Promise<T>): Promise<Outcome<T>> {
    const client = this.redis;
    if (client === undefined) return { ok: false };
    return this.attempt(operation, () => call(client));
  }

  /** Closes the connection; never throws. */
  async close(): Promise<void> {
    try {
      await this.onClose();
    } catch (error) {
      this.options.logger.debug({ err: error }, 'cache close failed');
    }
  }

  private async attempt<T>(operation: string, run: () => Promise<T>, key?: string): Promise<Outcome<T>> {
    if (Date.now() < this.skipUntil) return { ok: false };
    try {
      return { ok: true, value: await withTimeout(run(), this.options.opTimeoutMs, operation) };
    } catch (error) {
      if (error instanceof CacheTimeoutError) this.skipUntil = Date.now() + (this.options.cooldownMs ?? DEFAULT_COOLDOWN_MS);
      this.faults.report(operation, error, key === undefined ? {} : { key });
      return { ok: false };
    }
  }
}

/**
 * Opens the store `CACHE_URL` names. Never fails because the store is unavailable: an unreachable Redis or
 * an unwritable SQLite folder is logged and every operation then counts as a fault, so the bot still answers
 * (and Redis is reconnected in the background).
 */
export async function openStore(location: StoreLocation, options: StoreOptions): Promise<CacheStore> {
  options.logger.info({ store: describeLocation(location) }, 'cache store');
  switch (location.kind) {
    case 'memory':
      return new CacheStore('memory', keyvOver(new MemoryStore()), options);
    case 'sqlite':
      return openSqlite(location.path, options);
    case 'redis':
      return openRedis(location.url, options);
  }
}

/** Where the cache lives, for logs: a Redis password is left out. */
function describeLocation(location: StoreLocation): string {
  if (location.kind === 'memory') return 'memory';
  if (location.kind === 'sqlite') return `sqlite://${location.path}`;
  try {
    const url = new URL(location.url);
    if (url.password !== '') url.password = '***';
    return url.href;
  } catch {
    return 'redis';
  }
}

/** Keyv over an adapter, keys used as given (we prefix them ourselves) and plain JSON, which is fastest. */
function keyvOver(store: KeyvStoreAdapter): Keyv {
  return new Keyv({
    store,
    namespace: undefined,
    useKeyPrefix: false,
    serialize: JSON.stringify,
    deserialize: JSON.parse,
    throwOnErrors: true,
  });
}

async function openSqlite(path: string, options: StoreOptions): Promise<CacheStore> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') {
    await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
      options.logger.warn({ err: error, path: file }, 'cache folder could not be created; running without a cache');
    });
  }
  // Each driver loads only when its store is used: the Redis client alone is hundreds of modules.
  const { default: KeyvSqliteAdapter } = await import('@keyv/sqlite');
  const adapter = new KeyvSqliteAdapter({ uri: `sqlite://${file}`, busyTimeout: 250 });
  // Queried at once: the adapter's connection promise must have a handler before it can reject.
  const ready = adapter.query('PRAGMA journal_mode=WAL').then(() => adapter.query('PRAGMA synchronous=NORMAL'));
  let sweeping = Promise.resolve();
  const store = new CacheStore('sqlite', keyvOver(adapter), options, undefined, async () => {
    clearInterval(sweeper);
    await sweeping; // closing under a running statement would fail
    await withTimeout(adapter.disconnect(), 1_000, 'close');
  });
  await withTimeout(ready, options.connectTimeoutMs ?? 5_000, 'open').catch((error: unknown) => {
    store.faults.report('open', error, { path: file });
  });
  const sweep = (): void => {
    sweeping = sweepSqlite(adapter, options.prefix).catch((error: unknown) => store.faults.report('sweep', error));
  };
  const sweeper = setInterval(sweep, SQLITE_SWEEP_MS).unref();
  sweep();
  return store;
}

/** SQLite keeps expired rows until they are read; this drops the ones nobody asked for again. */
export async function sweepSqlite(adapter: KeyvSqlite, prefix: string): Promise<void> {
  await adapter.query(
    `DELETE FROM ${adapter.opts.table} WHERE key LIKE ? ESCAPE '\\' AND (CASE WHEN json_valid(value) THEN json_extract(value, '$.expires') END) < ?`,
    `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
    Date.now(),
  );
}

/** A client that fails fast while the server is away (no offline queue) and keeps reconnecting (every 2 s at most). */
async function createRedisClient(url: string) {
  const { createClient } = await import('@keyv/redis');
  return createClient({
    url,
    disableOfflineQueue: true,
    commandsQueueMaxLength: 10_000,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
  });
}

async function openRedis(url: string, options: StoreOptions): Promise<CacheStore> {
  const client = await createRedisClient(url);
  const { default: KeyvRedis } = await import('@keyv/redis');
  const store = new CacheStore('redis', keyvOver(new KeyvRedis(client, { throwOnErrors: true })), options, client, async () => {
    if (client.isReady) await withTimeout(client.close(), 1_000, 'close').catch(() => client.destroy());
    else if (client.isOpen) client.destroy();
  });
  let down = false;
  client.on('error', (error: unknown) => {
    down = true;
    store.faults.report('redis', error);
  });
  client.on('ready', () => {
    if (down) options.logger.info('cache: Redis connection restored');
    down = false;
  });
  const connecting = client.connect();
  connecting.catch(() => {}); // keeps reconnecting in the background; faults are reported as they come
  await withTimeout(connecting, options.connectTimeoutMs ?? 2_000, 'connect').catch((error: unknown) => {
    store.faults.report('connect', error);
  });
  return store;
}
