import {
  ButtonStyle,
  ComponentType,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
} from 'discord.js';
import { SkimError } from '../core/errors.js';
import type { Digest } from '../core/types.js';
import { loadDigest } from './articles.js';
import { ASK_BUTTON_ID } from './ask.js';
import type { BotContext } from './context.js';
import { digestFor } from './digests.js';
import { renderSummaryEmbed } from './render/embed.js';
import { renderSummaryText } from './render/text.js';
import { NO_MENTIONS } from './replies.js';
import type { ThreadLink } from './threadLinks.js';

const SHORTER_ID = 'skim:shorter';
const LONGER_ID = 'skim:longer';
const REFRESH_ID = 'skim:refresh';

/** Sentences a press of Shorter or Longer takes away or adds. */
export const LENGTH_STEP = 2;
/** The longest summary the Longer button reaches, in sentences. */
export const MAX_BUTTON_SENTENCES = 12;

/** What the row under a summary offers. */
export interface SummaryButtons {
  /** Refresh: for a summary of a link (pasted text has nothing to fetch again). */
  refresh: boolean;
  /** "Ask a question", where the summary has no thread for questions. */
  ask: boolean;
}

/** The buttons under a summary: Shorter, Longer, Refresh (links) and Ask a question (no thread). */
export function summaryButtonRow(buttons: SummaryButtons): APIActionRowComponent<APIButtonComponent> {
  const button = (custom_id: string, label: string, emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id,
    label,
    emoji: { name: emoji },
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(SHORTER_ID, 'Shorter', '➖'),
      button(LONGER_ID, 'Longer', '➕'),
      ...(buttons.refresh ? [button(REFRESH_ID, 'Refresh', '🔄')] : []),
      ...(buttons.ask ? [button(ASK_BUTTON_ID, 'Ask a question', '❓')] : []),
    ],
  };
}

/** Whether a custom id is one of {@link summaryButtonRow}'s, other than Ask. */
export function isSummaryButton(customId: string): boolean {
  return customId === SHORTER_ID || customId === LONGER_ID || customId === REFRESH_ID;
}

/**
 * Shorter, Longer and Refresh: acknowledged at once (the message stays as it is meanwhile), rate-limited like
 * a command, then the summary message is drawn again at the new length or from a fresh fetch. The summary's
 * link in the store says what it is about, so the buttons work after a restart and once the cache has let the
 * article go (it is made again from its source). Refresh is for the person who asked, or anyone who may
 * manage messages.
 * @throws SkimError (an old summary, someone else's refresh, a rate limit, a failed fetch) for a private reply.
 */
export async function handleSummaryButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferUpdate();
  const messageId = interaction.message.id;
  const link = await ctx.threads.get(messageId);
  const ref = link?.articles.length === 1 ? link.articles[0] : undefined;
  if (!link || !ref) throw new SkimError('BAD_INPUT', 'That summary is too old for its buttons; summarize the article again.');
  const refresh = interaction.customId === REFRESH_ID;
  if (refresh) mayRefresh(interaction, link);
  await ctx.limiter.take({ userId: interaction.user.id, guildId: interaction.guildId });

  let digest: Digest;
  let shown = ref.shown;
  if (refresh) {
    if (!ref.source || !('url' in ref.source)) throw new SkimError('BAD_INPUT', 'Only a summary of a link can be refreshed.');
    digest = (await digestFor(ref.source, ctx, { refresh: true })).digest;
  } else {
    digest = await loadDigest(ref, ctx);
    const available = Math.min(MAX_BUTTON_SENTENCES, digest.sentences.length);
    shown = Math.max(1, Math.min(available, ref.shown + (interaction.customId === LONGER_ID ? LENGTH_STEP : -LENGTH_STEP)));
  }
  const view = { sentences: shown, cached: false };
  // An embed reply keeps its content: a link reply's notes on the links that failed.
  const body =
    interaction.message.embeds.length > 0
      ? { content: interaction.message.content, embeds: [renderSummaryEmbed(digest, view)] }
      : { content: renderSummaryText(digest, view), embeds: [] };
  await interaction.editReply({ ...body, allowedMentions: NO_MENTIONS });
  await ctx.threads.set(messageId, { ...link, articles: [{ ...ref, key: digest.key, shown }] });
}

/** @throws SkimError('PERMISSION') unless the presser asked for the summary or may manage messages. */
function mayRefresh(interaction: ButtonInteraction, link: ThreadLink): void {
  if (link.requesterId === interaction.user.id) return;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) return;
  throw new SkimError('PERMISSION', 'Only the person who asked for this summary (or a moderator) can refresh it.');
}
