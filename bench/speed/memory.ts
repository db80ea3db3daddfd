import type { RawInput } from '../../src/core/extract/index.js';
import { createDigestPool } from '../../src/core/pool/digestPool.js';
import { mb } from '../lib/stats.js';
import { benchPages } from './pages.js';

const PAGES = 500;

function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** RSS of the whole process (main thread and workers) after warm-up and after 500 pages through the pool. */
export async function run(args: string[]): Promise<void> {
  const pages = benchPages(args);
  const jobs: RawInput[] = pages.map((p) => ({ kind: 'html', html: p.html, url: p.url }));
  const pool = createDigestPool({ size: 'auto', queueSize: 1000 });
  const runBatch = async (n: number, offset: number) => {
    for (let i = 0; i < n; i += pool.pool.size * 2) {
      const batch = Array.from({ length: Math.min(pool.pool.size * 2, n - i) }, (_, k) => jobs[(offset + i + k) % jobs.length]!);
      await Promise.all(batch.map((raw) => pool.run(raw, 'bench').catch(() => undefined)));
    }
  };
  const baseline = process.memoryUsage().rss;
  await runBatch(jobs.length, 0);
  settle();
  const warm = process.memoryUsage().rss;
  const samples: number[] = [];
  for (let done = 0; done < PAGES; done += 100) {
    await runBatch(100, done);
    settle();
    samples.push(process.memoryUsage().rss);
  }
  await pool.close();
  console.log(`pool of ${pool.pool.size} workers; RSS of the whole process`);
  console.log(`before the pool: ${mb(baseline)}; after warm-up (${jobs.length} pages): ${mb(warm)}`);
  console.log(`after each 100 of ${PAGES} more pages: ${samples.map(mb).join(', ')}`);
  console.log(`growth over ${PAGES} pages: ${mb(samples[samples.length - 1]! - warm)} (${(((samples[samples.length - 1]! - warm) / warm) * 100).toFixed(1)}%)`);
}
