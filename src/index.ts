import { fileURLToPath } from 'node:url';
import { loadBotConfigOrExit, runBot } from './discord/run.js';
import { runShards } from './discord/shards.js';
import { shardIdentity } from './config.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: validates the config, then runs the bot in this process, or, with SHARD_COUNT, discord.js's
 * ShardingManager, which runs this same file once per shard (it marks its children with SHARDING_MANAGER).
 */
async function main(): Promise<void> {
  const config = loadBotConfigOrExit();
  const { isShard, shards } = shardIdentity();
  const logger = createLogger(config.LOG_LEVEL, isShard ? `skim-shard-${shards ?? '?'}` : 'skim');
  // Nothing that goes wrong in one handler may take the whole bot down: log it and carry on.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
  if (config.SHARD_COUNT !== undefined && !isShard) await runShards(config, logger, fileURLToPath(import.meta.url));
  else await runBot(config, logger);
}

await main();
