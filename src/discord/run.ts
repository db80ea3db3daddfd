import { ConfigError, loadBotConfig, loadDotEnv, type BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createServices } from '../services.js';
import { DiscordUnreachableError, probeDiscordApi } from './apiProbe.js';
import { createBot, type CreateBotOptions } from './client.js';
import { healthFileFor, reportHealth } from './health.js';

/**
 * The bot's settings from `.env` and the environment, validated; on a bad or missing key, prints which one
 * and exits 1 (entry points only).
 */
export function loadBotConfigOrExit(): BotConfig {
  loadDotEnv();
  try {
    return loadBotConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Signals that stop Skim gracefully. */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Calls `shutdown` once on the first SIGTERM or SIGINT; a second signal while it runs exits at once.
 */
export function onShutdownSignal(shutdown: (signal: string) => Promise<void>, logger: Logger): void {
  let running = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      if (running) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      running = true;
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/**
 * Runs one bot process (alone, or as one shard under the ShardingManager): opens the services (cache and
 * worker pool), logs in, and on SIGTERM/SIGINT stops new work, lets work in flight finish within the bound,
 * closes the cache and the workers, and exits 0. A failed login closes everything and exits 1.
 */
export async function runBot(config: BotConfig, logger: Logger, options: Pick<CreateBotOptions, 'clientOptions'> = {}): Promise<void> {
  const services = await createServices(config, logger, { pool: true });
  const bot = createBot({ config, services, logger, ...options });
  let stopReporting = (): void => undefined;
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'shutting down: no new work, finishing what runs');
    stopReporting();
    await bot.stop();
    await services.close();
    logger.info('stopped');
  }, logger);
  try {
    // The same address the client will use: a test may point the client elsewhere than the settings.
    const api = options.clientOptions?.rest?.api;
    await probeDiscordApi(config, api ? { api } : {});
    await bot.start();
    if (config.HEALTH_FILE) stopReporting = reportHealth(bot.client, healthFileFor(config.HEALTH_FILE, bot.client.shard?.ids));
  } catch (error) {
    logger.fatal({ err: error, hint: loginHint(error) }, 'could not connect to Discord');
    await bot.stop(0);
    await services.close();
    process.exit(1);
  }
}

/** What to do about a failed login, for the errors an operator can fix. */
export function loginHint(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'DisallowedIntents') {
    return 'Enable the Message Content intent for the bot in the Developer Portal (Bot > Privileged Gateway Intents), or set MESSAGE_CONTENT_INTENT=false';
  }
  if (code === 'TokenInvalid') return 'DISCORD_TOKEN was refused: reset the token in the Developer Portal (Bot > Reset Token) and update .env';
  if (error instanceof DiscordUnreachableError) return error.message;
  return undefined;
}
