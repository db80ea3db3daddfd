import type { CacheStore } from './store.js';

/** JSON values under one namespace of the cache's store. */
export interface KeyValue<T> {
  /** The value, or undefined when absent, expired, of another schema, or when the store fails. */
  get(key: string): Promise<T | undefined>;
  /** Stores `value` for `ttlMs` (forever when omitted); a store fault is logged and ignored. */
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  /** Removes the value; a store fault is logged and ignored. */
  delete(key: string): Promise<void>;
}

interface Versioned {
  schema: number;
  value: unknown;
}

/** Namespaces the cache uses itself; other features pick their own names (`guild`, `thread`, ...). */
const RESERVED = new Set(['digest', 'fail', 'lock', 'rate']);

/**
 * A namespaced view of the store for other features' data (guild settings, thread links). Values are stored
 * as `{ schema, value }`; one written under another schema reads as absent, so a feature that changes its
 * value's shape bumps `schema` instead of migrating.
 * @throws Error for a namespace the cache reserves, or one with a colon.
 */
export function namespacedKv<T>(store: CacheStore, namespace: string, schema = 1): KeyValue<T> {
  if (RESERVED.has(namespace) || namespace.includes(':') || namespace === '') {
    throw new Error(`"${namespace}" cannot be used as a cache namespace`);
  }
  const full = (key: string): string => `${namespace}:${key}`;
  return {
    async get(key) {
      const read = await store.read(full(key));
      if (read.status !== 'hit') return undefined;
      if (isVersioned(read.value) && read.value.schema === schema) return read.value.value as T;
      store.logger.debug({ namespace, key }, 'cached value has another schema; ignored');
      return undefined;
    },
    async set(key, value, ttlMs) {
      const entry: Versioned = { schema, value };
      await store.write(full(key), entry, ttlMs);
    },
    async delete(key) {
      await store.remove(full(key));
    },
  };
}

function isVersioned(value: unknown): value is Versioned {
  return typeof value === 'object' && value !== null && 'schema' in value && 'value' in value;
}
