/**
 * In-process single flight: while work for a key is running, later callers for the same key get the same
 * promise instead of starting the work again. The key is free again as soon as the work settles.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  /** Runs `work` for `key` unless a run for it is already in flight, and shares that run's outcome. */
  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key);
    if (running !== undefined) return running;
    const flight = work().finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  /** How many keys have work in flight. */
  get size(): number {
    return this.flights.size;
  }
}
