import type { BotConfig } from '../config.js';
import type { SkimCache } from '../core/cache/index.js';
import type { PipelineDeps } from '../core/pipeline.js';
import type { Logger } from '../logger.js';
import { cdnFetcher, type AttachmentFetcher } from './attachments.js';
import { WorkQueue } from './queue.js';
import { RateLimiter } from './rateLimit.js';
import { RecentLinks } from './recentLinks.js';
import { SettingsStore, type GuildSettings } from './settings.js';
import { ThreadLinks, type ThreadLink } from './threadLinks.js';

/** Everything a command or an event handler needs, built once per bot and passed in (no module state). */
export interface BotContext {
  config: BotConfig;
  /** The pipeline's dependencies: fetcher, cache and (when there is one) the worker pool. */
  deps: PipelineDeps;
  cache: SkimCache;
  logger: Logger;
  settings: SettingsStore;
  limiter: RateLimiter;
  queue: WorkQueue;
  threads: ThreadLinks;
  recent: RecentLinks;
  fetchAttachment: AttachmentFetcher;
  /** Whether the privileged Message Content intent is on: link replies and thread questions need it. */
  messageContent: boolean;
  /** The bot's own user id once logged in. */
  botUserId: () => string | undefined;
}

/** What {@link createBotContext} builds from; any part may be replaced (tests). */
export interface BotContextOptions {
  config: BotConfig;
  services: PipelineDeps;
  logger: Logger;
  /** Summaries computed at once (the rest wait in the queue, up to QUEUE_SIZE). Default 8. */
  concurrency?: number;
  overrides?: Partial<BotContext>;
}

/**
 * Builds the bot's context from config and services.
 * @throws Error when the services have no cache: settings, thread links and rate limits live in it.
 */
export function createBotContext(options: BotContextOptions): BotContext {
  const { config, services, logger } = options;
  const cache = options.overrides?.cache ?? services.cache;
  if (!cache) throw new Error('the bot needs a cache (CACHE_URL): settings, threads and rate limits live in it');
  return {
    config,
    deps: services,
    cache,
    logger,
    settings: new SettingsStore(cache.kv<GuildSettings>('guild')),
    limiter: new RateLimiter((ns, key, windowMs) => cache.hit(ns, key, windowMs), {
      perUser: config.RATE_LIMIT_USER_PER_MINUTE,
      perGuild: config.RATE_LIMIT_GUILD_PER_MINUTE,
    }),
    queue: new WorkQueue({ concurrency: options.concurrency ?? 8, capacity: config.QUEUE_SIZE }),
    threads: new ThreadLinks(cache.kv<ThreadLink>('thread')),
    recent: new RecentLinks(cache.kv<number>('recent')),
    fetchAttachment: cdnFetcher(config.FETCH_TIMEOUT_MS),
    messageContent: config.MESSAGE_CONTENT_INTENT,
    botUserId: () => undefined,
    ...options.overrides,
  };
}
