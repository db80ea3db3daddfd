import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  channelMention,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SkimError } from '../src/core/errors.js';
import { VERSION } from '../src/services.js';
import type { BotContext } from '../src/discord/context.js';
import { NO_MENTIONS } from '../src/discord/replies.js';
import type { GuildSettings } from '../src/discord/settings.js';
import { NO_INTENT_NOTE } from './skim.js';

/** Open to every member, unlike the settings in `/skim`. */
export const data = {
  name: 'skim-status',
  description: "Skim's settings, limits, cache and version in this server",
  type: ApplicationCommandType.ChatInput,
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/skim-status`, answered privately. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (!interaction.inGuild()) throw new SkimError('BAD_INPUT', 'Use this command in a server.');
  await interaction.editReply({ content: await status(interaction, ctx), allowedMentions: NO_MENTIONS });
}

async function status(interaction: ChatInputCommandInteraction<'raw' | 'cached'>, ctx: BotContext): Promise<string> {
  const settings: GuildSettings = await ctx.settings.get(interaction.guildId);
  const channels = channelList(settings.autoSummaryChannels);
  const shard = interaction.client.shard;
  const lines = [
    `**Skim ${VERSION}**`,
    `Auto-summary: ${channels ? `on in ${channels}` : 'off in every channel'} (up to ${ctx.config.AUTO_SUMMARY_MAX_LINKS} links a message)`,
    ctx.messageContent ? 'Link replies: enabled (Message Content intent on)' : NO_INTENT_NOTE,
    `Rate limits: ${ctx.config.RATE_LIMIT_USER_PER_MINUTE} a minute per user, ${ctx.config.RATE_LIMIT_GUILD_PER_MINUTE} per server`,
    `Cache store: ${ctx.cache.kind}`,
    `Queue: ${ctx.queue.active} running, ${ctx.queue.pending} waiting (room for ${ctx.config.QUEUE_SIZE})`,
  ];
  if (shard) lines.push(`Shard: ${shard.ids.join(', ')} of ${shard.count}`);
  return lines.join('\n');
}

/** Channels named in a status line; a server with very many stays within a message. */
const LISTED_CHANNELS = 25;

/** "<#1>, <#2>", and "and N more" past {@link LISTED_CHANNELS}. */
export function channelList(ids: readonly string[]): string {
  const listed = ids.slice(0, LISTED_CHANNELS).map((id) => channelMention(id)).join(', ');
  return ids.length > LISTED_CHANNELS ? `${listed} and ${ids.length - LISTED_CHANNELS} more` : listed;
}
