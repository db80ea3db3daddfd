import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCache } from '../../../src/core/cache/index.js';
import { silentLogger } from '../../../src/logger.js';
import { makeDigest } from '../../helpers/digestFixture.js';
import { testPrefix } from '../../helpers/cacheStores.js';

/** A page server that counts requests and answers slowly, so that concurrent computes overlap. */
async function countingServer(delayMs: number): Promise<{ server: Server; url: string; count: () => number }> {
  let requests = 0;
  const server = createServer((_, response) => {
    requests += 1;
    setTimeout(() => response.end('<html><body><p>Hello</p></body></html>'), delayMs);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/page`, count: () => requests };
}

/** Starts the worker process and resolves once its cache is open; `go()` starts its requests. */
async function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cacheWorker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // Listen for the exit now: the worker may print its results and exit while this process is still busy
  // with its own requests, and an 'exit' event emitted before a listener exists is never seen again.
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.value !== 'ready') throw new Error(`worker did not start: ${String(first.value)}`);
  return {
    go: (): void => void child.stdin.write('go\n'),
    results: async (): Promise<Array<{ key: string; cached: boolean }>> => {
      const line = await iterator.next();
      await exited;
      return JSON.parse(String(line.value)) as Array<{ key: string; cached: boolean }>;
    },
  };
}

describe('single flight across processes sharing Redis', () => {
  let pages: Awaited<ReturnType<typeof countingServer>>;

  beforeAll(async () => {
    pages = await countingServer(400);
  });
  afterAll(() => {
    pages.server.close();
  });

  it('makes one fetch for 10 concurrent requests split over two processes', async () => {
    const prefix = testPrefix();
    const key = 'url:https://news.example/shared-story';
    const redisUrl = inject('redisUrl');
    const worker = await startWorker({ REDIS_URL: redisUrl, PREFIX: prefix, KEY: key, FETCH_URL: pages.url, COUNT: '5' });
    const cache = await openCache(redisUrl, { ttlSeconds: 60, failureTtlSeconds: 60, logger: silentLogger, prefix });
    try {
      const compute = async () => {
        await (await fetch(pages.url)).text();
        return { digest: makeDigest(key) };
      };
      const before = pages.count();
      worker.go();
      const local = await Promise.all(Array.from({ length: 5 }, () => cache.getOrCompute(key, compute)));
      const remote = await worker.results();
      expect(pages.count() - before).toBe(1);
      expect([...local.map((r) => r.digest.key), ...remote.map((r) => r.key)]).toEqual(Array(10).fill(key));
      // The process that fetched reports cached: false; the other one read the stored result.
      const fresh = [local.every((r) => !r.cached), remote.every((r) => !r.cached)];
      expect(fresh.filter(Boolean)).toHaveLength(1);
    } finally {
      await cache.close();
    }
  });
});
