import type { Message } from 'discord.js';
import { isSkimError } from '../core/errors.js';
import { digestSource, type DigestResult } from '../core/pipeline.js';
import { askButtonRow } from './ask.js';
import type { BotContext } from './context.js';
import { extractLinks } from './links.js';
import { abilitiesFrom, isThreadType } from './permissions.js';
import { EMBED_LIMITS, renderSummaryEmbed } from './render/embed.js';
import { CONTENT_LIMIT, renderSummaryText } from './render/text.js';
import { answerMessage, NO_MENTIONS } from './replies.js';
import { offerFollowUps } from './threads.js';

/**
 * Auto-summary: in a channel where it is on, a message with links gets one reply summarizing up to
 * AUTO_SUMMARY_MAX_LINKS of them (one embed each, sharing the 6000 characters), then a thread or the
 * question button. Quiet by design: links that fail, rate limits and a full queue produce no message, only
 * logs. Needs the Message Content intent (without it message text arrives empty).
 */
export async function handleLinkMessage(message: Message, ctx: BotContext): Promise<void> {
  if (!ctx.messageContent || !message.inGuild()) return;
  const links = extractLinks(message.content, ctx.config.AUTO_SUMMARY_MAX_LINKS);
  if (links.length === 0) return;
  if (!(await ctx.settings.autoSummaryOn(message.guildId, message.channelId))) return;
  const me = ctx.botUserId();
  const abilities = abilitiesFrom(me ? message.channel.permissionsFor(me) : null, message.channel.type);
  const context = { guildId: message.guildId, channelId: message.channelId, messageId: message.id };
  if (!abilities.send) {
    ctx.logger.debug(context, 'auto-summary is on but Skim may not post here');
    return;
  }
  const fresh = await ctx.recent.claim(message.channelId, links);
  if (fresh.length === 0) return;
  try {
    await ctx.limiter.take({ userId: message.author.id, guildId: message.guildId });
  } catch (error) {
    ctx.logger.debug({ ...context, err: error }, 'auto-summary skipped: rate limited');
    return;
  }
  const results = (await Promise.all(fresh.map((url) => summarizeQuietly(url, ctx, context)))).filter((r) => r !== undefined);
  if (results.length === 0) return;

  const canThread = abilities.thread && !isThreadType(message.channel.type);
  const body = abilities.embed
    ? { embeds: results.map((r) => renderSummaryEmbed(r.digest, { cached: r.cached, budget: Math.floor(EMBED_LIMITS.total / results.length) })) }
    : { content: results.map((r) => renderSummaryText(r.digest, { cached: r.cached, budget: Math.floor(CONTENT_LIMIT / results.length) - 2 })).join('\n\n') };
  const reply = await answerMessage(message, { ...body, components: canThread ? [] : [askButtonRow()] }, abilities, ctx.logger);
  if (!reply) return;
  const link = {
    articles: results.map((r) => ({ key: r.digest.key, title: r.digest.article.title, shown: r.digest.defaultLength, source: { url: r.url } })),
    channelId: message.channelId,
    guildId: message.guildId,
  };
  await offerFollowUps(
    { message: reply, link, canThread, hasButton: !canThread, addButton: () => reply.edit({ components: [askButtonRow()], allowedMentions: NO_MENTIONS }) },
    ctx.threads,
    ctx.logger,
  );
}

/** A link's digest, or undefined (logged) when it fails: one bad link does not spoil the others. */
async function summarizeQuietly(url: string, ctx: BotContext, context: Record<string, unknown>): Promise<(DigestResult & { url: string }) | undefined> {
  try {
    return { ...(await ctx.queue.run(() => digestSource({ url }, ctx.deps))), url };
  } catch (error) {
    if (isSkimError(error)) ctx.logger.debug({ ...context, url, code: error.code }, 'auto-summary skipped a link');
    else ctx.logger.error({ ...context, url, err: error }, 'auto-summary failed');
    return undefined;
  }
}
