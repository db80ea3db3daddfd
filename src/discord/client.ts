import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { messageCommands, slashCommands } from '../../commands/index.js';
import type { BotConfig } from '../config.js';
import type { PipelineDeps } from '../core/pipeline.js';
import { silentLogger, type Logger } from '../logger.js';
import { commandSet, type CommandSet } from './command.js';
import { createBotContext, type BotContext } from './context.js';
import { InFlight } from './inFlight.js';
import { handleInteraction } from './interactions.js';
import { INVITE_SCOPES, invitePermissionNames, inviteUrl } from './invite.js';
import { handleMessage } from './messages.js';
import { NO_MENTIONS } from './replies.js';
import { restOptionsFromConfig } from './restOptions.js';

/** What {@link createBot} needs. */
export interface CreateBotOptions {
  config: BotConfig;
  /** The pipeline's dependencies with a cache (what `createServices` returns). */
  services: PipelineDeps;
  logger?: Logger;
  /** Merged over Skim's client options, e.g. `{ rest: { api: 'http://127.0.0.1:PORT/api' } }` for a fake Discord. */
  clientOptions?: Partial<ClientOptions>;
  /** Replaces parts of the context (tests: a fake attachment fetcher, a small queue...). */
  context?: Partial<BotContext>;
  /** The commands served; default every command in `commands/index.ts`. */
  commands?: CommandSet;
  /** How long `stop()` waits for work in flight by default. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** How long `start()` waits for the gateway to be ready. Default 60 s. */
  readyTimeoutMs?: number;
}

/** A bot: its client, its context, and its lifecycle. */
export interface Bot {
  client: Client;
  context: BotContext;
  /** Logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /** Stops taking new work, lets work in flight finish (within `timeoutMs`), and disconnects. Idempotent. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The gateway intents Skim asks for: guilds and their messages, and message content when it is enabled. */
export function intentsFor(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  return messageContent ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/**
 * Builds the bot over discord.js and the core pipeline; nothing connects until `start()`. The client never
 * pings (allowedMentions default), and every event handler is tracked so `stop()` can drain it.
 * @throws Error when `services` has no cache.
 */
export function createBot(options: CreateBotOptions): Bot {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const client = new Client({
    intents: intentsFor(config.MESSAGE_CONTENT_INTENT),
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 25 }),
    rest: restOptionsFromConfig(config),
    ...options.clientOptions,
  });
  const context = createBotContext({
    config,
    services: options.services,
    logger,
    overrides: { botUserId: () => client.user?.id, ...options.context },
  });
  const commands = options.commands ?? commandSet(slashCommands, messageCommands);
  const inFlight = new InFlight();
  wireEvents(client, context, commands, inFlight);

  let stopping: Promise<void> | undefined;
  return {
    client,
    context,
    start: () => start(client, context, options.readyTimeoutMs ?? 60_000),
    stop: (timeoutMs = options.shutdownTimeoutMs ?? 10_000) => {
      stopping ??= stop(client, context, inFlight, timeoutMs);
      return stopping;
    },
  };
}

function wireEvents(client: Client, ctx: BotContext, commands: CommandSet, inFlight: InFlight): void {
  const { logger } = ctx;
  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight.track(handleInteraction(interaction, commands, ctx, inFlight.accepting));
  });
  client.on(Events.MessageCreate, (message) => {
    if (inFlight.accepting) void inFlight.track(handleMessage(message, ctx));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'shard disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'shard reconnecting'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'shard error'));
  client.rest.on('rateLimited', (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter }, 'discord rate limit'));
}

async function start(client: Client, ctx: BotContext, readyTimeoutMs: number): Promise<void> {
  const { logger, config } = ctx;
  if (!ctx.messageContent) {
    logger.warn('Message Content intent is off (MESSAGE_CONTENT_INTENT=false): link replies are disabled; commands still work');
  }
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord was not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    client.once(Events.ClientReady, () => resolve());
  });
  // A timeout while login() is still pending is reported by `await ready` below, not as an unhandled rejection.
  ready.catch(() => undefined);
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } finally {
    clearTimeout(timer);
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      shards: client.shard ? client.shard.ids : [0],
      cache: ctx.cache.kind,
      messageContent: ctx.messageContent,
    },
    'Skim is online',
  );
  logger.info(
    { inviteUrl: inviteUrl(config.DISCORD_CLIENT_ID), scopes: INVITE_SCOPES, permissions: invitePermissionNames() },
    'invite Skim to a server with this link',
  );
}

async function stop(client: Client, ctx: BotContext, inFlight: InFlight, timeoutMs: number): Promise<void> {
  const drained = await inFlight.close(timeoutMs);
  if (drained) ctx.logger.info('work in flight finished');
  else ctx.logger.warn({ timeoutMs, pending: inFlight.size }, 'stopping with work still in flight');
  await client.destroy();
}
