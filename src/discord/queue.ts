import { SkimError } from '../core/errors.js';

/** How much work runs at once, and how much may wait. */
export interface QueueOptions {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks that may wait for a slot (QUEUE_SIZE); past it new tasks are refused. */
  capacity: number;
}

/**
 * A bounded queue of summaries in flight: at most `concurrency` run, at most `capacity` wait, and a task
 * beyond that is refused at once with BUSY rather than piling up. `close()` refuses new tasks too, and
 * `drain()` waits for those already accepted.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly idleWaiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: QueueOptions) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.waiting.length;
  }

  /**
   * Runs `task` when a slot is free.
   * @throws SkimError('BUSY') when the queue is full or closed.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) throw new SkimError('BUSY', 'Skim is restarting; try again in a minute.');
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.capacity) throw new SkimError('BUSY');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Refuses new tasks from now on. */
  close(): void {
    this.closed = true;
  }

  /** Resolves true once nothing runs or waits, or false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running === 0 && this.waiting.length === 0) return true;
    let done!: () => void;
    const idle = new Promise<boolean>((resolve) => {
      done = () => resolve(true);
      this.idleWaiters.add(done);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([idle, timeout]);
    } finally {
      clearTimeout(timer);
      this.idleWaiters.delete(done);
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) return next();
    this.running--;
    if (this.running === 0) for (const notify of this.idleWaiters) notify();
  }
}
