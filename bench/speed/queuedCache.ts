import { openCache } from '../../src/core/cache/index.js';
import type { FetchedPage } from '../../src/core/fetch/index.js';
import { digestSource } from '../../src/core/pipeline.js';
import type { BotContext } from '../../src/discord/context.js';
import { digestFor } from '../../src/discord/digests.js';
import { WorkQueue } from '../../src/discord/queue.js';
import { silentLogger } from '../../src/logger.js';
import { median, ms, quantile } from '../lib/stats.js';
import { benchPages } from './pages.js';

const ASKS = 200;

/**
 * The bot's time to a cached answer while its work queue is full (8 running, 64 waiting, all stuck on slow
 * fetches): through `digestFor`, as commands and link replies ask, against a plain cache lookup (the
 * baseline) in the same process. Before cached answers went first, such a request waited for the queue or
 * was told "busy".
 */
export async function run(args: string[]): Promise<void> {
  const page = benchPages(args).find((p) => p.html.length > 50_000)!;
  const fetched: FetchedPage = { url: page.url, status: 200, contentType: 'text/html', body: Buffer.from(page.html) };
  const cache = await openCache('memory', { ttlSeconds: 3600, failureTtlSeconds: 60, logger: silentLogger });
  const deps = { fetchPage: async () => fetched, cache };
  await digestSource({ url: page.url }, deps);

  const queue = new WorkQueue({ concurrency: 8, capacity: 64 });
  let release = (): void => undefined;
  const stuck = new Promise<void>((resolve) => (release = resolve));
  const slow = Array.from({ length: 72 }, () => queue.run(() => stuck));
  const ctx = { cache, queue, deps } as unknown as BotContext;

  const baseline: number[] = [];
  const answered: number[] = [];
  let busy = 0;
  for (let i = 0; i < ASKS; i++) {
    let start = performance.now();
    await cache.peek(`url:${page.url}`);
    baseline.push(performance.now() - start);
    start = performance.now();
    try {
      await digestFor({ url: page.url }, ctx);
      answered.push(performance.now() - start);
    } catch {
      busy++;
    }
  }
  console.log(`queue full: ${queue.active} running, ${queue.pending} waiting; ${ASKS} asks for a cached page`);
  console.log(`cached answer through digestFor   p50 ${ms(median(answered))}  p95 ${ms(quantile(answered, 0.95))}  busy: ${busy}`);
  console.log(`baseline: cache lookup alone      p50 ${ms(median(baseline))}  p95 ${ms(quantile(baseline, 0.95))}`);
  release();
  await Promise.all(slow);
  await cache.close();
}
