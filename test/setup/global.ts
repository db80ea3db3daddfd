import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../helpers/build.js';
import { startRedis } from '../helpers/redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A redis-server shared by the whole run (no persistence); tests keep apart with their own key prefixes. */
    redisUrl: string;
  }
}

/**
 * Vitest global setup: what several test files share. dist/ built from the current sources (the CLI and
 * bot tests run it as users do); one redis-server on a free loopback port, failing with a clear message
 * when it is not installed (`.ci/run` installs it).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuilt();
  const redis = await startRedis();
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
  };
}
