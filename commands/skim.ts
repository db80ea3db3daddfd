import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  channelMention,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SkimError } from '../src/core/errors.js';
import type { BotContext } from '../src/discord/context.js';
import { abilitiesFrom } from '../src/discord/permissions.js';
import { NO_MENTIONS } from '../src/discord/replies.js';

export const data = {
  name: 'skim',
  description: "Skim's settings for this server (for its admins)",
  type: ApplicationCommandType.ChatInput,
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'autosummary',
      description: 'Summarize links posted in a channel automatically (needs Manage Server)',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'state',
          description: 'on or off',
          required: true,
          choices: [
            { name: 'on', value: 'on' },
            { name: 'off', value: 'off' },
          ],
        },
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'The channel (this one when omitted)',
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
      ],
    },
  ],
  // Hidden from members by default: server admins choose who sees it under Server Settings > Integrations.
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Said wherever link replies are concerned while the Message Content intent is off. */
export const NO_INTENT_NOTE =
  'Link replies are off: the Message Content intent is not enabled for this bot (MESSAGE_CONTENT_INTENT). Commands still work.';

/** `/skim autosummary`, answered privately. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (!interaction.inGuild()) throw new SkimError('BAD_INPUT', 'Use this command in a server.');
  const content = await autosummary(interaction, ctx);
  await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
}

async function autosummary(interaction: ChatInputCommandInteraction<'raw' | 'cached'>, ctx: BotContext): Promise<string> {
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new SkimError('PERMISSION', 'You need the Manage Server permission to change this.');
  }
  const on = interaction.options.getString('state', true) === 'on';
  const channelId = interaction.options.getChannel('channel')?.id ?? interaction.channelId;
  await ctx.settings.setAutoSummary(interaction.guildId, channelId, on);
  const lines = [`Auto-summary is now **${on ? 'on' : 'off'}** in ${channelMention(channelId)}.`];
  if (on && !ctx.messageContent) lines.push(NO_INTENT_NOTE);
  if (on && ctx.messageContent) {
    const channel = interaction.guild?.channels.cache.get(channelId);
    const me = ctx.botUserId();
    const abilities = channel && me ? abilitiesFrom(channel.permissionsFor(me), channel.type) : undefined;
    if (abilities && !abilities.send) lines.push("Note: Skim can't post in that channel; give it Send Messages there.");
    else if (abilities && !abilities.embed) lines.push('Note: without Embed Links there, summaries will be plain text.');
  }
  return lines.join('\n');
}
