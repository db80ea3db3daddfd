import { once } from 'node:events';
import { ShardingManager, type Shard } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
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
  const manager = new ShardingManager(script, {
    token: config.DISCORD_TOKEN,
    totalShards: config.SHARD_COUNT ?? 'auto',
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

