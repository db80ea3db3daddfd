import type { Logger } from '../../logger.js';

/** Raised when a store operation outlives its time budget. */
export class CacheTimeoutError extends Error {
  constructor(operation: string, ms: number) {
    super(`cache ${operation} timed out after ${ms} ms`);
    this.name = 'CacheTimeoutError';
  }
}

/**
 * Settles like `promise`, or rejects with a {@link CacheTimeoutError} after `ms`. The operation itself is not
 * cancelled; its late outcome is ignored, so a hung store costs a caller `ms` at most.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(operation, ms)), ms);
  });
  promise.catch(() => {}); // a late rejection after the timeout must not become an unhandled rejection
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Logs store faults without flooding: the first fault of a burst is a warning, the rest of the burst only
 * counts (and goes to debug), and the next warning says how many were left out. A Redis outage under load
 * then costs a few log lines, not one per request.
 */
export class FaultLog {
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly burstMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a fault of `operation`; the cache goes on as if the store had missed. */
  report(operation: string, error: unknown, context: Record<string, unknown> = {}): void {
    const time = this.now();
    if (time - this.lastWarnAt < this.burstMs) {
      this.suppressed += 1;
      this.logger.debug({ err: error, operation, ...context }, 'cache fault (bypassed)');
      return;
    }
    const suppressed = this.suppressed;
    this.lastWarnAt = time;
    this.suppressed = 0;
    this.logger.warn({ err: error, operation, suppressed, ...context }, 'cache fault: bypassing the cache');
  }
}
