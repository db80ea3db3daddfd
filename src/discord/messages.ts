import type { Message } from 'discord.js';
import type { BotContext } from './context.js';
import { handleLinkMessage } from './linkReplies.js';
import { handleThreadMessage } from './threadMessages.js';

/**
 * A new message: ignored from bots (Skim included) and webhooks; in one of Skim's summary threads it is a
 * question or command; elsewhere its links may get an automatic summary. Never throws.
 */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || message.webhookId || message.author.id === ctx.botUserId()) return;
  try {
    if (await handleThreadMessage(message, ctx)) return;
    await handleLinkMessage(message, ctx);
  } catch (error) {
    ctx.logger.error({ err: error, guildId: message.guildId, channelId: message.channelId, messageId: message.id }, 'message handler failed');
  }
}
