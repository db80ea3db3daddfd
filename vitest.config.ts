import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one: a single file at a time on CI's two cores, while most
    // files wait on child processes, servers and timers. Two at a time halves the wall time.
    maxWorkers: 2,
  },
});
