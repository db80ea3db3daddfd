/**
 * Tracks the event handlers running now, so shutting down can stop taking new work and still let the
 * work in flight finish, within a bound.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private open = true;

  /** Whether new work is taken. */
  get accepting(): boolean {
    return this.open;
  }

  /** Handlers running now. */
  get size(): number {
    return this.running.size;
  }

  /** Runs `work` and keeps track of it until it settles; its rejection is the caller's (it is not swallowed). */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Stops taking new work and waits for what runs; resolves false if `timeoutMs` passes first. */
  async close(timeoutMs: number): Promise<boolean> {
    this.open = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.allSettled([...this.running]).then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
