import { MessageFlags, type Message, type MessageCreateOptions, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
import { SkimError, toUserError } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { type Abilities, isRefusal } from './permissions.js';

/** Every message Skim sends pings no one: not users, roles, @everyone, nor the author it replies to. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

/** The short sentence a user sees for a failure; Discord refusals read as a permission problem. */
export function failureText(error: unknown): string {
  return toUserError(isRefusal(error) ? new SkimError('PERMISSION', undefined, { cause: error }) : error).message;
}

/** What the logs say about an interaction, to find it again. */
export function interactionContext(interaction: RepliableInteraction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind: interaction.type,
    command: 'commandName' in interaction ? interaction.commandName : undefined,
    customId: 'customId' in interaction ? interaction.customId : undefined,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}

/**
 * Tells the user an interaction failed, privately and in a short sentence from the error's code, never a
 * stack trace: a private deferred reply is edited; a public one ("Skim is thinking…") is deleted and the
 * failure sent as a private follow-up, so the channel sees nothing of a request that failed; a reply that
 * already shows something, or a button's summary message, keeps it and gets a private follow-up. Unexpected errors are logged with the
 * interaction's context; expected ones quietly. Never throws.
 */
export async function replyWithError(interaction: RepliableInteraction, error: unknown, logger: Logger): Promise<void> {
  const { code } = toUserError(error);
  const context = interactionContext(interaction);
  if (isRefusal(error)) logger.info({ ...context, err: error }, 'discord refused a request');
  else if (code === 'INTERNAL') logger.error({ ...context, err: error }, 'interaction failed');
  else logger.debug({ ...context, code }, 'interaction ended with an expected error');
  const content = failureText(error);
  const privately = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(privately);
    } else if (interaction.isMessageComponent()) {
      // A button acknowledged with an update: its message is the summary itself, which stays as it was.
      await interaction.followUp(privately);
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral === true) {
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
    } else {
      if (!interaction.replied) await interaction.deleteReply();
      await interaction.followUp(privately);
    }
  } catch (replyError) {
    logger.warn({ ...context, err: replyError }, 'could not tell the user about a failure');
  }
}

/**
 * Answers a user's message in its channel as well as Skim may: a reply when it can read the history, a
 * plain message otherwise, nothing when it cannot post. Discord's refusals are logged, never thrown.
 */
export async function answerMessage(
  message: Message,
  payload: Omit<MessageCreateOptions, 'allowedMentions' | 'reply'>,
  abilities: Abilities,
  logger: Logger,
): Promise<Message | undefined> {
  if (!abilities.send) {
    logger.debug({ channelId: message.channelId }, 'no permission to post here; staying quiet');
    return undefined;
  }
  try {
    const options = { ...payload, allowedMentions: NO_MENTIONS };
    if (abilities.history) return await message.reply(options);
    if (!message.channel.isSendable()) return undefined;
    return await message.channel.send(options);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    logger.info({ channelId: message.channelId, err: error }, 'discord refused a message');
    return undefined;
  }
}
