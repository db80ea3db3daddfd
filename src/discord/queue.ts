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
 * beyond that is refused at once with BUSY rather than piling up.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

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
   * @throws SkimError('BUSY') when the queue is full.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
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

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) return next();
    this.running--;
  }
}
