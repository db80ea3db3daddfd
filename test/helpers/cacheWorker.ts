/**
 * A second bot process for the cross-process single-flight test. It opens the cache on the Redis in
 * REDIS_URL (keys under PREFIX), prints "ready", waits for "go" on stdin, then asks COUNT times at once for
 * KEY, whose compute fetches FETCH_URL (a counting server). It prints the results as one JSON line.
 */
import { createInterface } from 'node:readline';
import { openCache } from '../../src/core/cache/index.js';
import { silentLogger } from '../../src/logger.js';
import { makeDigest } from './digestFixture.js';

const { REDIS_URL, PREFIX, KEY, FETCH_URL, COUNT } = process.env;
if (!REDIS_URL || !PREFIX || !KEY || !FETCH_URL) throw new Error('REDIS_URL, PREFIX, KEY and FETCH_URL are required');
const key = KEY;
const fetchUrl = FETCH_URL;

const cache = await openCache(REDIS_URL, { ttlSeconds: 60, failureTtlSeconds: 60, logger: silentLogger, prefix: PREFIX });
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
lines.close();

const compute = async (): Promise<{ digest: ReturnType<typeof makeDigest> }> => {
  await (await fetch(fetchUrl)).text();
  return { digest: makeDigest(key) };
};
const results = await Promise.all(Array.from({ length: Number(COUNT ?? 5) }, () => cache.getOrCompute(key, compute)));
process.stdout.write(`${JSON.stringify(results.map((result) => ({ key: result.digest.key, cached: result.cached })))}\n`);
await cache.close();
