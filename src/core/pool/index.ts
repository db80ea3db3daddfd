/** Worker threads for the CPU-bound step: a bounded queue, a heap cap, a per-job timeout, a replaced worker on crash. */
export { createDigestPool, DIGEST_WORKER_LIMITS, type DigestPool } from './digestPool.js';
