import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { openStore, parseCacheUrl, type CacheStore, type StoreKind } from '../../src/core/cache/store.js';
import { silentLogger, type Logger } from '../../src/logger.js';

/** Every store the cache runs on; the Redis one is the run's shared server (see test/setup/global.ts). */
export const STORE_KINDS: StoreKind[] = ['memory', 'sqlite', 'redis'];

/** A CACHE_URL for `kind`: memory, a SQLite file in a fresh temporary folder, or the shared Redis. */
export async function testCacheUrl(kind: StoreKind): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (kind === 'memory') return { url: 'memory', cleanup: async () => {} };
  if (kind === 'redis') return { url: inject('redisUrl'), cleanup: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'skim-cache-'));
  return { url: `sqlite://${join(dir, 'cache.sqlite')}`, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A key prefix of its own, so tests sharing the Redis server never see each other's keys. */
export function testPrefix(): string {
  return `test-${randomUUID()}:`;
}

/** Opens a store of `kind` with its own prefix; `dispose` closes it and removes its files. */
export async function openTestStore(
  kind: StoreKind,
  options: { logger?: Logger; opTimeoutMs?: number } = {},
): Promise<{ store: CacheStore; url: string; prefix: string; dispose: () => Promise<void> }> {
  const { url, cleanup } = await testCacheUrl(kind);
  const prefix = testPrefix();
  const store = await openStore(parseCacheUrl(url), {
    logger: options.logger ?? silentLogger,
    opTimeoutMs: options.opTimeoutMs ?? 1_000,
    prefix,
  });
  return {
    store,
    url,
    prefix,
    dispose: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** A logger that keeps its records, to check what the cache reported. */
export function capturingLogger(): { logger: Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, records };
}

/** Records at `warn` level or above. */
export function warnings(records: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return records.filter((record) => typeof record.level === 'number' && record.level >= 40);
}
