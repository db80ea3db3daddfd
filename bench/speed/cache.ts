import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type SkimCache } from '../../src/core/cache/index.js';
import type { FetchedPage } from '../../src/core/fetch/index.js';
import { digestSource } from '../../src/core/pipeline.js';
import { silentLogger } from '../../src/logger.js';
import { startRedis } from '../../test/helpers/redis.js';
import { median, ms, quantile } from '../lib/stats.js';
import { benchPages } from './pages.js';

const HITS = 500;

function hasRedis(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Times a cache hit through `digestSource` (key, lookup, schema check) on each store; the miss is the baseline. */
export async function run(args: string[]): Promise<void> {
  const page = benchPages(args).find((p) => p.html.length > 50_000)!;
  const fetched: FetchedPage = { url: page.url, status: 200, contentType: 'text/html', body: Buffer.from(page.html) };
  const deps = { fetchPage: async () => fetched };
  const dir = mkdtempSync(join(tmpdir(), 'skim-bench-'));
  const redis = hasRedis() ? await startRedis() : undefined;
  const stores: Array<[string, string]> = [
    ['memory', 'memory'],
    ['sqlite', `sqlite://${join(dir, 'bench.sqlite')}`],
    ...(redis ? ([['redis', redis.url]] as Array<[string, string]>) : []),
  ];
  console.log(`one ${Math.round(page.html.length / 1024)} KB page; ${HITS} hits per store; the miss (fetch stub + clean + analyse) is the baseline`);
  for (const [name, url] of stores) {
    const cache: SkimCache = await openCache(url, { ttlSeconds: 3600, failureTtlSeconds: 60, logger: silentLogger });
    const missStart = performance.now();
    await digestSource({ url: page.url }, { ...deps, cache });
    const miss = performance.now() - missStart;
    const times: number[] = [];
    for (let i = 0; i < HITS; i++) {
      const start = performance.now();
      const { cached } = await digestSource({ url: page.url }, { ...deps, cache });
      times.push(performance.now() - start);
      if (!cached) throw new Error(`${name}: expected a cache hit`);
    }
    console.log(
      `${name.padEnd(7)} hit p50 ${ms(median(times)).padStart(9)}  p95 ${ms(quantile(times, 0.95)).padStart(9)}   miss ${ms(miss).padStart(8)}  (hit/miss ${(median(times) / miss).toFixed(4)})`,
    );
    await cache.close();
  }
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}
