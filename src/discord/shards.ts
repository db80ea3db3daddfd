import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { DiscordUnreachableError, probeDiscordApi } from './apiProbe.js';
import { restOptionsFromConfig } from './restOptions.js';
import { onShutdownSignal } from './run.js';

/** How long the manager waits for its shards to exit after passing on a stop signal. */
const SHARD_EXIT_MS = 20_000;

/**
 * Runs `SHARD_COUNT` shards (or Discord's recommendation for `auto`), each a child process running
 * `script` (the bot's entry point). A stop signal is passed on to every shard, which drains and exits; the
 * manager exits 0 once they have. If the first start fails, nothing is respawned and the manager exits 1.
 */
export async function runShards(config: BotConfig, logger: Logger, script: string): Promise<void> {
  if (!config.CACHE_URL?.startsWith('redis')) {
    logger.warn('several shards without Redis: each shard keeps its own rate limits; use CACHE_URL=redis://... to share them');
  }
  const totalShards = await probeDiscordApi(config)
    .then(() => totalShardsFor(config))
    .catch((error: unknown) => {
      const hint = error instanceof DiscordUnreachableError ? error.message : undefined;
      logger.fatal({ err: error, hint }, 'could not ask Discord for the recommended shard count');
      process.exit(1);
    });
  const manager = new ShardingManager(script, {
    token: config.DISCORD_TOKEN,
    totalShards,
    // A TypeScript entry point needs the parent's loader (tsx) in every child too.
    execArgv: script.endsWith('.ts') ? process.execArgv : [],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id }, 'shard started');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard exited'));
  });
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'stopping every shard');
    await stopShards(manager, signal);
  }, logger);
  try {
    await manager.spawn({ timeout: 120_000 });
    logger.info({ shards: manager.shards.size }, 'every shard is ready');
  } catch (error) {
    logger.fatal({ err: error }, 'shards could not start');
    await stopShards(manager, 'SIGTERM');
    process.exit(1);
  }
}

/**
 * SHARD_COUNT for the manager. `auto` with DISCORD_API_URL asks `GET /gateway/bot` through it here, since
 * discord.js's own `auto` always asks discord.com; without it, `auto` is left to discord.js.
 */
export async function totalShardsFor(config: Pick<BotConfig, 'SHARD_COUNT' | 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): Promise<number | 'auto'> {
  if (config.SHARD_COUNT !== 'auto' && config.SHARD_COUNT !== undefined) return config.SHARD_COUNT;
  if (!config.DISCORD_API_URL) return 'auto';
  const rest = new REST(restOptionsFromConfig(config)).setToken(config.DISCORD_TOKEN);
  const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return shards;
}

async function stopShards(manager: ShardingManager, signal: NodeJS.Signals | string): Promise<void> {
  manager.respawn = false;
  await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, signal as NodeJS.Signals)));
}

async function stopShard(shard: Shard, signal: NodeJS.Signals): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_EXIT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

