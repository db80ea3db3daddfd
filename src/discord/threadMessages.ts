import type { AnyThreadChannel, Message } from 'discord.js';
import { isSkimError } from '../core/errors.js';
import { answerText, entitiesText, moreText, sourceText } from './articles.js';
import type { BotContext } from './context.js';
import { abilitiesFrom } from './permissions.js';
import { answerMessage, failureText } from './replies.js';
import type { ThreadLink } from './threadLinks.js';

/** The words that are commands in a summary's thread. */
export type ThreadCommand = 'more' | 'entities' | 'source';

/** "more", "Entities?", "!source": the command a thread message is, or undefined for a question. */
export function parseThreadCommand(text: string): ThreadCommand | undefined {
  const word = text.trim().toLowerCase().replace(/^[!/.]/, '').replace(/[.!?]+$/, '');
  if (word === 'more') return 'more';
  if (word === 'entities' || word === 'names') return 'entities';
  if (word === 'source' || word === 'link') return 'source';
  return undefined;
}

/** Openings of a question or a request put without a question mark ("who built it", "tell me about..."). */
const QUESTION_START =
  /^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|tell|explain|list|describe|summari[sz]e|give|show|name)\b/i;

/**
 * Whether a thread message is for Skim: a command word, a question (a question mark, or a question's or a
 * request's opening), or a message that mentions Skim or replies to it. People chatting in the thread
 * ("thanks!", "wow"), or talking to someone else (mentioning or replying to another user), are left alone.
 */
export function isForSkim(text: string, addressed: { toSkim: boolean; toOthers: boolean }): boolean {
  if (addressed.toSkim) return true;
  if (addressed.toOthers) return false;
  return parseThreadCommand(text) !== undefined || /\?\s*$/.test(text) || QUESTION_START.test(text);
}

/** Whom a message addresses: Skim (a mention of it, a reply to it), or other people. */
function addressees(message: Message, me: string): { toSkim: boolean; toOthers: boolean } {
  const replied = message.mentions.repliedUser?.id;
  const mentioned = [...message.mentions.users.keys()];
  return {
    toSkim: replied === me || mentioned.includes(me),
    toOthers: (replied !== undefined && replied !== me) || mentioned.some((id) => id !== me),
  };
}

/**
 * A message in one of Skim's own summary threads: a command word, or a question answered with quotes from
 * the article; chatter between people is not answered. Returns false when the message is not in such a
 * thread (so other handlers may look at it). Bots are ignored; questions are rate-limited like commands;
 * failures get a short reply, never a trace.
 */
export async function handleThreadMessage(message: Message, ctx: BotContext): Promise<boolean> {
  const channel = message.channel;
  if (!channel.isThread()) return false;
  const me = ctx.botUserId();
  if (!me || channel.ownerId !== me) return false;
  const link = await ctx.threads.get(channel.id);
  if (!link) return false;
  const text = message.content.trim();
  if (!text || !isForSkim(text, addressees(message, me))) return true;
  const abilities = abilitiesFrom(channel.permissionsFor(me), channel.type);
  const context = { guildId: message.guildId, threadId: channel.id, messageId: message.id };
  if (!abilities.send) {
    // No answer could be posted: spend neither the user's rate limit nor a fetch on it.
    ctx.logger.debug(context, 'a question in a summary thread where Skim may not post');
    return true;
  }
  try {
    await ctx.limiter.take({ userId: message.author.id, guildId: message.guildId });
    const content = await threadReply(text, link, channel, ctx);
    await answerMessage(message, { content }, abilities, ctx.logger);
  } catch (error) {
    if (!isSkimError(error)) ctx.logger.error({ ...context, err: error }, 'thread message failed');
    await answerMessage(message, { content: failureText(error) }, abilities, ctx.logger).catch((replyError: unknown) => {
      ctx.logger.warn({ ...context, err: replyError }, 'could not tell the user about a failure');
    });
  }
  return true;
}

async function threadReply(text: string, link: ThreadLink, thread: AnyThreadChannel, ctx: BotContext): Promise<string> {
  switch (parseThreadCommand(text)) {
    case 'more': {
      const more = await moreText(link, ctx);
      await ctx.threads.set(thread.id, more.link);
      return more.text;
    }
    case 'entities':
      return entitiesText(link, ctx);
    case 'source':
      return sourceText(link, ctx);
    default:
      return answerText(link, text, ctx);
  }
}
