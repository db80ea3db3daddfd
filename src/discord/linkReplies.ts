import type { APIActionRowComponent, APIButtonComponent, APIEmbed, Message } from 'discord.js';
import { isSkimError, toUserError } from '../core/errors.js';
import type { DigestResult } from '../core/pipeline.js';
import { askButtonRow } from './ask.js';
import type { BotContext } from './context.js';
import { digestFor } from './digests.js';
import type { Logger } from '../logger.js';
import { failureKind, failureNotes, WAIT_REACTION, type LinkFailure } from './linkFailures.js';
import { extractLinks } from './links.js';
import { abilitiesFrom, isRefusal, isThreadType, type Abilities } from './permissions.js';
import { EMBED_LIMITS, renderSummaryEmbed } from './render/embed.js';
import { CONTENT_LIMIT, renderSummaryText } from './render/text.js';
import { answerMessage, NO_MENTIONS } from './replies.js';
import { summaryButtonRow } from './summaryButtons.js';
import { offerFollowUps } from './threads.js';

/** A link of the message, summarized or not. */
type Outcome = (DigestResult & { url: string; ok: true }) | (LinkFailure & { ok: false });

/**
 * Auto-summary: in a channel where it is on, a message with links gets one reply summarizing up to
 * AUTO_SUMMARY_MAX_LINKS of them (one embed each, sharing the 6000 characters), then a thread or the
 * question button; a reply with one summary also gets Shorter, Longer and Refresh (for the poster). A link that fails gets a one-line note in that reply (or a reply of its own) with the
 * reason; a rate limit or a full queue gets the {@link WAIT_REACTION} on the message and no text, and the
 * link may be posted again. A link is handled once per channel within a few minutes, notes included, and no
 * reply pings the poster. Needs the Message Content intent (without it message text arrives empty).
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
    if (failureKind(error) !== 'wait') throw error;
    ctx.logger.debug({ ...context, code: toUserError(error).code }, 'auto-summary waits: rate limited');
    await ctx.recent.release(message.channelId, fresh);
    await react(message, abilities, ctx.logger);
    return;
  }
  const outcomes = await Promise.all(fresh.map((url) => summarizeLink(url, ctx, context)));
  const results = outcomes.filter((o) => o.ok);
  const failures = outcomes.filter((o) => !o.ok);
  const waiting = failures.filter((f) => failureKind(f.error) === 'wait').map((f) => f.url);
  const notes = failureNotes(failures.filter((f) => failureKind(f.error) === 'note'), links.length);
  if (waiting.length > 0) {
    await ctx.recent.release(message.channelId, waiting);
    await react(message, abilities, ctx.logger);
  }
  if (results.length === 0) {
    if (notes) await answerMessage(message, { content: notes }, abilities, ctx.logger);
    return;
  }

  const canThread = abilities.thread && !isThreadType(message.channel.type);
  const body = summaryBody(results, notes, abilities.embed);
  const reply = await answerMessage(message, { ...body, components: buttonRows(results.length, !canThread) }, abilities, ctx.logger);
  if (!reply) return;
  const link = {
    articles: results.map((r) => ({ key: r.digest.key, title: r.digest.article.title, shown: r.digest.defaultLength, source: { url: r.url } })),
    channelId: message.channelId,
    guildId: message.guildId,
    requesterId: message.author.id,
  };
  const addButton = () => reply.edit({ components: buttonRows(results.length, true), allowedMentions: NO_MENTIONS });
  await offerFollowUps({ message: reply, link, canThread, hasButton: !canThread, addButton }, ctx.threads, ctx.logger);
}

/**
 * The buttons under a link reply: one summary gets Shorter, Longer and Refresh like a command's; several
 * summaries in one reply would leave those buttons ambiguous, so they get the question button alone.
 */
function buttonRows(summaries: number, ask: boolean): APIActionRowComponent<APIButtonComponent>[] {
  if (summaries === 1) return [summaryButtonRow({ refresh: true, ask })];
  return ask ? [askButtonRow()] : [];
}

/** The summaries as embeds (the notes as content), or all as text within one message's 2000 characters. */
function summaryBody(results: ReadonlyArray<DigestResult>, notes: string, embed: boolean): { content?: string; embeds?: APIEmbed[] } {
  if (embed) {
    const budget = Math.floor(EMBED_LIMITS.total / results.length);
    return { ...(notes ? { content: notes } : {}), embeds: results.map((r) => renderSummaryEmbed(r.digest, { cached: r.cached, budget })) };
  }
  const room = CONTENT_LIMIT - (notes ? notes.length + 2 : 0);
  const budget = Math.floor(room / results.length) - 2;
  const summaries = results.map((r) => renderSummaryText(r.digest, { cached: r.cached, budget }));
  return { content: [...summaries, ...(notes ? [notes] : [])].join('\n\n') };
}

/**
 * Leaves the wait reaction where Skim may. Never throws: a reaction is a courtesy, and the summaries of the
 * other links still have to go out. A refusal (or a message deleted meanwhile) is expected; anything else warns.
 */
async function react(message: Message, abilities: Abilities, logger: Logger): Promise<void> {
  if (!abilities.react) return;
  try {
    await message.react(WAIT_REACTION);
  } catch (error) {
    if (isRefusal(error)) logger.info({ channelId: message.channelId, err: error }, 'discord refused a reaction');
    else logger.warn({ channelId: message.channelId, err: error }, 'could not react to a message');
  }
}

/** A link's digest, or why it failed (logged): one bad link does not spoil the others. */
async function summarizeLink(url: string, ctx: BotContext, context: Record<string, unknown>): Promise<Outcome> {
  try {
    return { ...(await digestFor({ url }, ctx)), url, ok: true };
  } catch (error) {
    if (isSkimError(error)) ctx.logger.debug({ ...context, url, code: error.code }, 'auto-summary could not summarize a link');
    else ctx.logger.error({ ...context, url, err: error }, 'auto-summary failed');
    return { url, error, ok: false };
  }
}
