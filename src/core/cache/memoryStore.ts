import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter } from 'keyv';

interface Slot {
  value: unknown;
  expiresAt: number;
}

/**
 * An in-process keyv store for tests and single-shot CLI runs: expires entries itself (so a long-lived
 * process does not keep dead entries) and holds at most `maxEntries`, dropping the oldest writes first.
 */
export class MemoryStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts = { dialect: 'memory' };
  namespace?: string;
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot.value as Value;
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    this.slots.delete(key); // re-inserting moves the key to the young end of the eviction order
    this.slots.set(key, { value, expiresAt: ttl === undefined || ttl <= 0 ? Number.POSITIVE_INFINITY : this.now() + ttl });
    for (const oldest of this.slots.keys()) {
      if (this.slots.size <= this.maxEntries) break;
      this.slots.delete(oldest);
    }
    return true;
  }

  async delete(key: string): Promise<boolean> {
    return this.slots.delete(key);
  }

  async clear(): Promise<void> {
    this.slots.clear();
  }

  /** How many entries are held, expired ones included until they are next read. */
  get size(): number {
    return this.slots.size;
  }
}
