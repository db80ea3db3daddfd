import type { RawInput } from '../extract/index.js';
import type { Digest } from '../types.js';
import { WorkerPool, type PoolOptions } from './workerPool.js';

/** The module the digest workers run: TypeScript in development, JavaScript once built. */
const DIGEST_WORKER = new URL(`./digestWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** A pool of workers running the pipeline's CPU-bound step, and the `run` function the pipeline takes. */
export interface DigestPool {
  run: (raw: RawInput, key: string) => Promise<Digest>;
  pool: WorkerPool<{ raw: RawInput; key: string }, Digest>;
  close(): Promise<void>;
}

/**
 * Budgets of a digest worker. A page may take 20 s; the heap cap makes V8 collect before the heap balloons
 * (RSS stays steady) and turns a page too big to parse into a clean failure of its own worker.
 */
export const DIGEST_WORKER_LIMITS = { jobTimeoutMs: 20_000, maxHeapMb: 256 } as const;

/** Starts the digest workers. */
export function createDigestPool(options: Omit<PoolOptions, 'entry' | 'jobTimeoutMs'> & Partial<Pick<PoolOptions, 'jobTimeoutMs'>>): DigestPool {
  const pool = new WorkerPool<{ raw: RawInput; key: string }, Digest>({ entry: DIGEST_WORKER, ...DIGEST_WORKER_LIMITS, ...options });
  return { pool, run: (raw, key) => pool.run({ raw, key }), close: () => pool.close() };
}
