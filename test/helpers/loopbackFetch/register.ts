/**
 * A preload for bot processes started by end-to-end tests (`node --import tsx --import <this file>`): it makes
 * their fetcher accept 127.0.0.1, where the test's page server listens. Production has no such switch (the
 * address policy cannot be set from config or the environment), so a child process can only get it through a
 * module hook: `fetchOptionsFromConfig` is swapped for {@link ./options.ts}'s, which adds the loopback policy.
 * The ShardingManager passes the parent's `--import` flags on to every shard, so shards get it too.
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
