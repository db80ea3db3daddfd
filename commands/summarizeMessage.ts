import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { SkimError } from '../src/core/errors.js';
import type { Source } from '../src/core/pipeline.js';
import { attachmentSource, isReadableAttachment, type AttachmentFetcher, type AttachmentLike } from '../src/discord/attachments.js';
import type { BotContext } from '../src/discord/context.js';
import { extractLinks } from '../src/discord/links.js';
import { replyWithSummary } from '../src/discord/summaryReply.js';

export const data = {
  name: 'Summarize',
  type: ApplicationCommandType.Message,
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** What Skim reads of the target message. */
export interface TargetMessage {
  content: string;
  attachments: Iterable<AttachmentLike>;
}

/** The hint for a message with nothing to summarize. */
export const NOTHING_HINT = 'That message has no link, text file, PDF or text to summarize.';

/**
 * What to summarize in a message: its first link, else its first text or PDF attachment (Discord turns a
 * long paste into `message.txt`), else its text; undefined when it has none of them.
 */
export async function sourceOfMessage(message: TargetMessage, fetchBytes: AttachmentFetcher): Promise<Source | undefined> {
  const [link] = extractLinks(message.content, 1);
  if (link) return { url: link };
  const file = [...message.attachments].find(isReadableAttachment);
  if (file) return attachmentSource(file, fetchBytes);
  const text = message.content.trim();
  return text ? { text } : undefined;
}

/** "Summarize" on a message: defer, find what to summarize, summarize into the deferred reply. */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const target = interaction.targetMessage;
  const hasSomething = target.content.trim() !== '' || target.attachments.some(isReadableAttachment);
  // Errors become replies in one place, the router: privately at once here, in the deferred reply below.
  if (!hasSomething) throw new SkimError('BAD_INPUT', NOTHING_HINT);
  await interaction.deferReply();
  const source = await sourceOfMessage({ content: target.content, attachments: target.attachments.values() }, ctx.fetchAttachment);
  if (!source) throw new SkimError('BAD_INPUT', NOTHING_HINT);
  await replyWithSummary(interaction, { source }, ctx);
}
