import type { RawInput } from '../analyse.js';
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

/** Starts the digest workers. */
export function createDigestPool(options: Omit<PoolOptions, 'entry'>): DigestPool {
  const pool = new WorkerPool<{ raw: RawInput; key: string }, Digest>({ entry: DIGEST_WORKER, ...options });
  return { pool, run: (raw, key) => pool.run({ raw, key }), close: () => pool.close() };
}
