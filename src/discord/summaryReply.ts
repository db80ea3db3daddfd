import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { Source } from '../core/pipeline.js';
import type { BotContext } from './context.js';
import { digestFor } from './digests.js';
import { abilitiesFrom } from './permissions.js';
import { renderSummaryEmbed } from './render/embed.js';
import { renderSummaryText } from './render/text.js';
import { summaryButtonRow } from './summaryButtons.js';
import { NO_MENTIONS } from './replies.js';
import { keptSource } from './threadLinks.js';
import { offerFollowUps, type FollowUpMode } from './threads.js';

/** A summary someone asked for with a command. */
export interface SummaryRequest {
  source: Source;
  /** Summary sentences; the article's own default when omitted. */
  sentences?: number;
  refresh?: boolean;
  /** The reply is private (only then no thread: an ephemeral message cannot start one). */
  ephemeral?: boolean;
}

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/**
 * Fills a deferred command reply with a summary: rate limits, the bounded queue, the pipeline, the embed (or
 * text where Skim may not embed), then a thread for questions, or the "Ask a question" button.
 * @throws SkimError (rate limited, busy, fetch or parse failures) for the caller's error reply.
 */
export async function replyWithSummary(interaction: CommandInteraction, request: SummaryRequest, ctx: BotContext): Promise<FollowUpMode> {
  await ctx.limiter.take({ userId: interaction.user.id, guildId: interaction.guildId });
  const refresh = request.refresh === true;
  const { digest, cached } = await digestFor(request.source, ctx, { refresh });
  const abilities = abilitiesFrom(interaction.appPermissions, interaction.channel?.type);
  // Questions in a thread need message content; without it the button (a modal) still works.
  const canThread = request.ephemeral !== true && interaction.inGuild() && abilities.thread && ctx.messageContent;
  const view = { cached, ...(request.sentences ? { sentences: request.sentences } : {}) };
  const body = abilities.embed
    ? { content: '', embeds: [renderSummaryEmbed(digest, view)] }
    : { content: renderSummaryText(digest, view), embeds: [] };
  const buttons = { refresh: 'url' in request.source };
  const message = await interaction.editReply({
    ...body,
    components: [summaryButtonRow({ ...buttons, ask: !canThread })],
    allowedMentions: NO_MENTIONS,
  });
  const source = keptSource(request.source);
  const shown = request.sentences ?? digest.defaultLength;
  const link = {
    articles: [{ key: digest.key, title: digest.article.title, shown, ...(source ? { source } : {}) }],
    channelId: interaction.channelId ?? message.channelId,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    requesterId: interaction.user.id,
  };
  return offerFollowUps(
    {
      message,
      link,
      canThread,
      hasButton: !canThread,
      addButton: () => interaction.editReply({ components: [summaryButtonRow({ ...buttons, ask: true })], allowedMentions: NO_MENTIONS }),
    },
    ctx.threads,
    ctx.logger,
  );
}
