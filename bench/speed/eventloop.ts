import { digestRaw } from '../../src/core/digest.js';
import { type RawInput } from '../../src/core/extract/index.js';
import { createDigestPool } from '../../src/core/pool/digestPool.js';
import { median, ms, quantile } from '../lib/stats.js';
import { benchPages, runsOf } from './pages.js';

const TICK_MS = 5;

/**
 * Event-loop delay while `jobs` run at once through `run`: a 5 ms timer, like a gateway heartbeat, records how
 * late each tick fires; p99 and max of that lateness.
 */
async function delayWhile(jobs: RawInput[], run: (raw: RawInput) => Promise<unknown>): Promise<{ p99: number; max: number; wall: number }> {
  const late: number[] = [];
  let expected = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    late.push(Math.max(0, now - expected));
    expected = now + TICK_MS;
  }, TICK_MS);
  const start = performance.now();
  await Promise.all(jobs.map((raw) => run(raw).catch(() => undefined)));
  const wall = performance.now() - start;
  clearInterval(timer);
  return { p99: quantile(late, 0.99), max: Math.max(0, ...late), wall };
}

/** The 8 largest pages summarized at once: through the worker pool, and inline on the main thread as the baseline. */
export async function run(args: string[]): Promise<void> {
  const pages = benchPages(args).sort((a, b) => b.html.length - a.html.length).slice(0, 8);
  const jobs: RawInput[] = pages.map((p) => ({ kind: 'html', html: p.html, url: p.url }));
  const runs = runsOf(args);
  const pool = createDigestPool({ size: 'auto', queueSize: 64 });
  await pool.run(jobs[jobs.length - 1]!, 'warm').catch(() => undefined);
  const pooled: number[] = [];
  const inline: number[] = [];
  const walls = { pooled: [] as number[], inline: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const a = await delayWhile(jobs, (raw) => pool.run(raw, 'bench'));
    pooled.push(a.p99);
    walls.pooled.push(a.wall);
    let chain = Promise.resolve();
    const b = await delayWhile(jobs, (raw) => {
      // One after another, yielding to timers in between, as an inline bot would.
      chain = chain.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => void digestRaw(raw, 'bench'));
      return chain;
    });
    inline.push(b.p99);
    walls.inline.push(b.wall);
  }
  await pool.close();
  const sizes = pages.map((p) => `${Math.round(p.html.length / 1024)}K`).join(' ');
  console.log(`8 largest aeb pages at once (${sizes}), ${runs} runs, medians; pool of ${pool.pool.size} workers`);
  console.log(`event-loop delay p99, worker pool:           ${ms(median(pooled)).padStart(9)}   (all done in ${ms(median(walls.pooled))})`);
  console.log(`event-loop delay p99, main thread (baseline): ${ms(median(inline)).padStart(9)}   (all done in ${ms(median(walls.inline))})`);
}
