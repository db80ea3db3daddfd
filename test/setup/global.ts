import type { TestProject } from 'vitest/node';
import { startRedis } from '../helpers/redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A redis-server shared by the whole run (no persistence); tests keep apart with their own key prefixes. */
    redisUrl: string;
  }
}

/**
 * Vitest global setup: services that several test files share are started here. One redis-server on a free
 * loopback port; fails with a clear message when it is not installed (`.ci/run` installs it).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedis();
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
  };
}
