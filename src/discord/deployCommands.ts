import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTOptions } from 'discord.js';
import { commandData } from '../../commands/index.js';
import type { BotConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { restOptionsFromConfig } from './restOptions.js';
import { loadBotConfigOrExit } from './run.js';

/** Where the commands went. */
export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
}

/**
 * Registers every command in `commands/index.ts`, replacing what was there: to `DEV_GUILD_ID` only when it
 * is set (instant), globally otherwise. REST only, no gateway connection.
 */
export async function deployCommands(
  config: Pick<BotConfig, 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DEV_GUILD_ID'>,
  options: { rest?: Partial<RESTOptions>; logger?: Logger } = {},
): Promise<DeployResult> {
  const rest = new REST(options.rest ?? {}).setToken(config.DISCORD_TOKEN);
  const guildId = config.DEV_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guildId)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const registered = (await rest.put(route, { body: commandData })) as unknown[];
  const result: DeployResult = { scope: guildId ? 'guild' : 'global', count: registered.length };
  options.logger?.info({ ...result, guildId, commands: commandData.map((c) => c.name) }, 'commands registered');
  return result;
}

async function main(): Promise<void> {
  const config = loadBotConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL, 'skim-deploy');
  try {
    const result = await deployCommands(config, { logger, rest: restOptionsFromConfig(config) });
    if (result.scope === 'global') logger.info('global commands can take up to an hour to appear everywhere');
  } catch (error) {
    logger.error({ err: error }, 'could not register the commands');
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
