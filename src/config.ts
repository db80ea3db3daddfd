import { existsSync } from 'node:fs';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const positiveInt = z.coerce.number().int().positive();

/** Every setting Skim reads from the environment. `.env.example` documents each key. */
const schema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: z.string().regex(/^\d{15,25}$/, 'must be the application id (a number)').optional(),
  DEV_GUILD_ID: z.string().regex(/^\d{15,25}$/, 'must be a guild id (a number)').optional(),
  MESSAGE_CONTENT_INTENT: bool.default(false),
  SHARD_COUNT: z.union([z.literal('auto'), positiveInt]).optional(),
  // A REST proxy (nirn-proxy, twilight-http-proxy) or a test fake; discord.js's `rest.api` form, no trailing slash.
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://proxy:8080/api' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  CACHE_URL: z
    .string()
    .refine((v) => v === 'memory' || /^(redis|rediss|sqlite):\/\//.test(v), 'must be memory, sqlite://PATH or redis://HOST')
    .optional(),
  CACHE_TTL_SECONDS: positiveInt.default(24 * 3600),
  FAILURE_TTL_SECONDS: positiveInt.default(600),
  FETCH_TIMEOUT_MS: positiveInt.default(10_000),
  FETCH_MAX_BYTES: positiveInt.default(5 * 1024 * 1024),
  OPERATOR_CONTACT_URL: z.url().default('https://github.com/skim-bot/skim'),
  AUTO_SUMMARY_MAX_LINKS: positiveInt.max(10).default(3),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt.default(5),
  RATE_LIMIT_GUILD_PER_MINUTE: positiveInt.default(30),
  WORKER_THREADS: z.union([z.literal('auto'), z.coerce.number().int().min(0)]).default('auto'),
  QUEUE_SIZE: positiveInt.default(64),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Where the bot keeps its gateway status for a container health check (the image sets it); unset: nowhere.
  HEALTH_FILE: z.string().min(1).optional(),
});

/** Validated settings. */
export type Config = z.infer<typeof schema>;

/** Raised when the environment is missing a setting or holds a malformed one. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates settings. This is the only place that touches `process.env`.
 * @throws ConfigError naming the first bad key and pointing to `.env.example`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Config error: ${key} ${issue?.message ?? 'is invalid'} (see .env.example)`);
  }
  return parsed.data;
}

/** Settings the bot cannot start without. */
export type BotConfig = Config & { DISCORD_TOKEN: string; DISCORD_CLIENT_ID: string };

/** Like {@link loadConfig}, and also requires the Discord token and application id. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const config = loadConfig(env);
  for (const key of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const) {
    if (!config[key]) throw new ConfigError(`Config error: ${key} is missing (see .env.example)`);
  }
  return config as BotConfig;
}

/** Loads `./.env` into the environment when it exists (the bot's entry points only, never the core). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Whether this process is a shard started by discord.js's ShardingManager (it sets these variables), and which. */
export function shardIdentity(env: NodeJS.ProcessEnv = process.env): { isShard: boolean; shards: string | undefined } {
  return { isShard: env.SHARDING_MANAGER === 'true', shards: env.SHARDS };
}
