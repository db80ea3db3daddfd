import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelType, MessageFlags, PermissionFlagsBits, ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCache } from '../../src/core/cache/index.js';
import { SkimError } from '../../src/core/errors.js';
import { handleMessage } from '../../src/discord/messages.js';
import { offerFollowUps, threadName } from '../../src/discord/threads.js';
import type { ThreadLink } from '../../src/discord/threadLinks.js';
import { silentLogger } from '../../src/logger.js';
import { run } from '../commands/helpers.js';
import {
  ARTICLE_TEXT,
  ARTICLE_URL,
  BOT_ID,
  fakeChannel,
  fakeFetcher,
  fakeInteraction,
  fakeMessage,
  lastEdit,
  permsWithout,
  testConfig,
  testContext,
  type FakeChannel,
  type FakeInteraction,
} from './fakes.js';

const TITLE = 'Harbor City opens its first tidal power station';

/** Summarizes the sample article with /summarize and returns the thread Skim opened from the reply. */
async function summarizeIntoThread(ctx: Awaited<ReturnType<typeof testContext>>): Promise<{ interaction: FakeInteraction; thread: FakeChannel }> {
  const interaction = fakeInteraction({ kind: 'slash', commandName: 'summarize', options: { strings: { url: ARTICLE_URL } } });
  await run(interaction, ctx);
  const thread = interaction.replyMessage.channel.threads[0];
  if (!thread) throw new Error('no thread was opened');
  return { interaction, thread };
}

/** A user's message in a thread, handled as the client would; returns what Skim answered. */
async function ask(ctx: Awaited<ReturnType<typeof testContext>>, thread: FakeChannel, content: string): Promise<string | undefined> {
  const message = fakeMessage({ content, channel: thread });
  await handleMessage(message as unknown as Message, ctx);
  const reply = message.replies[0] ?? (thread.sent.length ? { options: thread.sent.at(-1) } : undefined);
  return reply?.options?.content as string | undefined;
}

describe('threadName', () => {
  it("is the article's title on one line, at most 100 characters, cut between words", () => {
    expect(threadName(TITLE)).toBe(TITLE);
    const long = threadName(`${'Harbor City council votes '.repeat(10)}today`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/\s…$/);
    expect(threadName('Line one\nline two')).toBe('Line one line two');
    expect(threadName('   ')).toBe('Summary');
  });
});

describe('offerFollowUps', () => {
  const link: ThreadLink = { articles: [{ key: 'url:x', title: TITLE, shown: 3 }], channelId: 'c' };

  it('opens a thread named after the article, archiving after a day, and stores the link', async () => {
    const ctx = await testContext();
    const message = fakeMessage({ authorId: BOT_ID });
    const addButton = vi.fn();
    const mode = await offerFollowUps({ message: message as unknown as Message, link, canThread: true, hasButton: false, addButton }, ctx.threads, silentLogger);
    expect(mode).toBe('thread');
    expect(message.startThread).toHaveBeenCalledWith(expect.objectContaining({ name: TITLE, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay }));
    expect(addButton).not.toHaveBeenCalled();
    expect(await ctx.threads.get(message.id)).toEqual(link);
  });

  it('adds the button when the thread cannot be made', async () => {
    const ctx = await testContext();
    const message = fakeMessage({ authorId: BOT_ID, threadFails: true });
    const addButton = vi.fn(async () => undefined);
    expect(await offerFollowUps({ message: message as unknown as Message, link, canThread: true, hasButton: false, addButton }, ctx.threads, silentLogger)).toBe('button');
    expect(addButton).toHaveBeenCalledTimes(1);
  });

  it('offers nothing, and does not throw, when the store cannot keep the link', async () => {
    const ctx = await testContext();
    vi.spyOn(ctx.threads, 'set').mockRejectedValue(new Error('store down'));
    const message = fakeMessage({ authorId: BOT_ID });
    const addButton = vi.fn(async () => undefined);
    expect(await offerFollowUps({ message: message as unknown as Message, link, canThread: true, hasButton: false, addButton }, ctx.threads, silentLogger)).toBe('none');
    expect(message.startThread).not.toHaveBeenCalled();
    expect(addButton).not.toHaveBeenCalled();
  });
});

describe('questions in a summary thread', () => {
  it('answers a question with a quote and where it stands in the article', async () => {
    const ctx = await testContext();
    const { thread } = await summarizeIntoThread(ctx);
    expect(thread.name).toBe(TITLE);
    const answer = await ask(ctx, thread, 'How many homes will the station supply?');
    expect(answer).toMatch(/^> .*12,000 homes/m);
    expect(answer).toMatch(/Paragraph \d+, about \d+% of the way into the article/);
  });

  it('says "The article doesn\'t say." when nothing answers', async () => {
    const ctx = await testContext();
    const { thread } = await summarizeIntoThread(ctx);
    expect(await ask(ctx, thread, 'What is the airspeed velocity of an unladen swallow?')).toBe("The article doesn't say.");
  });

  it('shows the next sentences for "more", entities for "entities", the link for "source"', async () => {
    const ctx = await testContext();
    const { interaction, thread } = await summarizeIntoThread(ctx);
    const shown = String((lastEdit(interaction).embeds as Array<{ description: string }>)[0]!.description);
    const more = await ask(ctx, thread, 'more');
    expect(more).toMatch(/^• /);
    for (const line of more!.split('\n')) expect(shown).not.toContain(line.slice(2));
    expect((await ctx.threads.get(thread.id))!.articles[0]!.shown).toBeGreaterThan(0);
    expect(await ask(ctx, thread, 'Entities')).toMatch(/\*\*People:\*\* .*Daniel Reyes/);
    expect(await ask(ctx, thread, 'source')).toBe(`**${TITLE}**\n${ARTICLE_URL}`);
  });

  it('ignores bots, threads Skim does not own, and threads it has no link for', async () => {
    const ctx = await testContext();
    const { thread } = await summarizeIntoThread(ctx);
    const fromBot = fakeMessage({ content: 'How many homes?', channel: thread, bot: true, authorId: '900000000000000555' });
    await handleMessage(fromBot as unknown as Message, ctx);
    expect(fromBot.replies).toEqual([]);
    const foreign = fakeChannel({ id: thread.id, type: ChannelType.PublicThread, ownerId: '900000000000000555' });
    expect(await ask(ctx, foreign, 'How many homes?')).toBeUndefined();
    const unknown = fakeChannel({ id: '900000000000000666', type: ChannelType.PublicThread, ownerId: BOT_ID });
    expect(await ask(ctx, unknown, 'How many homes?')).toBeUndefined();
  });

  it('rate-limits questions like commands', async () => {
    const ctx = await testContext({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '2' }) });
    const { thread } = await summarizeIntoThread(ctx);
    await ask(ctx, thread, 'How many homes?');
    expect(await ask(ctx, thread, 'Who built the station?')).toMatch(/try again in \d+ s/);
  });

  it('leaves people chatting in the thread, or talking to each other, alone', async () => {
    const ctx = await testContext({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '1' }) });
    const { thread } = await summarizeIntoThread(ctx);
    const take = vi.spyOn(ctx.limiter, 'take');
    expect(await ask(ctx, thread, 'wow, thanks')).toBeUndefined();
    expect(await ask(ctx, thread, 'lol')).toBeUndefined();
    for (const other of [{ mentions: ['900000000000000777'] }, { repliesTo: '900000000000000777' }]) {
      const message = fakeMessage({ content: 'What do you think of the station?', channel: thread, ...other });
      await handleMessage(message as unknown as Message, ctx);
      expect(message.replies).toEqual([]);
    }
    expect(take).not.toHaveBeenCalled();
  });

  it('answers questions without a question mark, and anything said to Skim', async () => {
    const ctx = await testContext();
    const { thread } = await summarizeIntoThread(ctx);
    expect(await ask(ctx, thread, 'who built the station')).toMatch(/Northwind Marine Energy/);
    expect(await ask(ctx, thread, 'Tell me about the homes it will power')).toMatch(/12,000 homes/);
    const mention = fakeMessage({ content: `<@${BOT_ID}> the homes it powers`, channel: thread, mentions: [BOT_ID] });
    await handleMessage(mention as unknown as Message, ctx);
    expect(mention.replies).toHaveLength(1);
    const reply = fakeMessage({ content: 'and the cost', channel: thread, repliesTo: BOT_ID, mentions: [BOT_ID] });
    await handleMessage(reply as unknown as Message, ctx);
    expect(reply.replies).toHaveLength(1);
  });

  it('stays quiet, spending no rate limit, where it may not post in threads', async () => {
    const ctx = await testContext({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '1' }) });
    const { thread } = await summarizeIntoThread(ctx);
    thread.permissionsFor.mockReturnValue(permsWithout(PermissionFlagsBits.SendMessagesInThreads));
    const take = vi.spyOn(ctx.limiter, 'take');
    expect(await ask(ctx, thread, 'How many homes?')).toBeUndefined();
    expect(take).not.toHaveBeenCalled();
  });

  it('replies never ping anyone', async () => {
    const ctx = await testContext();
    const { thread } = await summarizeIntoThread(ctx);
    const message = fakeMessage({ content: 'Who built it?', channel: thread });
    await handleMessage(message as unknown as Message, ctx);
    expect(message.reply).toHaveBeenCalledWith(expect.objectContaining({ allowedMentions: { parse: [], repliedUser: false } }));
  });
});

describe('thread links across restarts', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keep working for a new client over the same store, fetching the article again once it has expired', async () => {
    dir = await mkdtemp(join(tmpdir(), 'skim-threads-'));
    const url = `sqlite://${join(dir, 'cache.sqlite')}`;
    const first = await openCache(url, { ttlSeconds: 0.3, failureTtlSeconds: 60, logger: silentLogger });
    const before = await testContext({ cache: first });
    const { thread } = await summarizeIntoThread(before);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 400));

    const second = await openCache(url, { ttlSeconds: 3600, failureTtlSeconds: 60, logger: silentLogger });
    const fetchPage = fakeFetcher();
    const after = await testContext({ cache: second, fetchPage });
    expect(await ask(after, thread, 'How many homes will the station supply?')).toMatch(/12,000 homes/);
    expect(fetchPage).toHaveBeenCalledWith(ARTICLE_URL);
    await second.close();
  });
});

describe('a summary whose article the cache has let go', () => {
  /** A summary in a thread over a cache that forgets digests at once, then a bot over the same store (its memo empty). */
  async function expired(fetchPage = fakeFetcher(), source: 'url' | 'text' = 'url') {
    const cache = await openCache('memory', { ttlSeconds: 0.05, failureTtlSeconds: 60, logger: silentLogger });
    const before = await testContext({ cache });
    const options = source === 'url' ? { strings: { url: ARTICLE_URL } } : { strings: { text: ARTICLE_TEXT.slice(0, 6000) } };
    const interaction = fakeInteraction({ kind: 'slash', commandName: 'summarize', options });
    await run(interaction, before);
    const thread = interaction.replyMessage.channel.threads[0]!;
    await new Promise((resolve) => setTimeout(resolve, 80));
    const key = (await before.threads.get(thread.id))!.articles[0]!.key;
    expect(await cache.peek(key)).toBeUndefined();
    return { ctx: await testContext({ cache, fetchPage }), thread, interaction };
  }

  it('fetches it again once for "more", "entities" and "source"', async () => {
    const fetchPage = fakeFetcher();
    const { ctx, thread } = await expired(fetchPage);
    expect(await ask(ctx, thread, 'more')).toMatch(/^• /);
    expect(await ask(ctx, thread, 'entities')).toMatch(/\*\*People:\*\* .*Daniel Reyes/);
    expect(await ask(ctx, thread, 'source')).toBe(`**${TITLE}**\n${ARTICLE_URL}`);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('makes pasted text again from the text kept with the summary, without fetching', async () => {
    const fetchPage = fakeFetcher();
    const { ctx, thread } = await expired(fetchPage, 'text');
    expect(await ask(ctx, thread, 'source')).toMatch(/was summarized from pasted text or a file, not a web page\.$/);
    expect(await ask(ctx, thread, 'How many homes will the station supply?')).toMatch(/12,000 homes/);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('says in one sentence that getting it again failed, for a command and for a question', async () => {
    const { ctx, thread } = await expired(fakeFetcher({}));
    const expected = 'Skim no longer has that article, and getting it again failed: the site answered with an error.';
    expect(await ask(ctx, thread, 'more')).toBe(expected);
    expect(await ask(ctx, thread, 'Who built the station?')).toBe(expected);
    expect((await ctx.threads.get(thread.id))!.articles[0]!.shown).toBe(3);
  });

  it('answers the question modal by fetching it again, or says why it cannot', async () => {
    const { ctx, interaction } = await expired();
    const submit = fakeInteraction({ kind: 'modal', customId: `skim:ask:${interaction.replyMessage.id}`, fields: { question: 'Who designed and built the station?' } });
    await run(submit, ctx);
    expect(String(lastEdit(submit).content)).toMatch(/^> .*Northwind Marine Energy/m);

    const { ctx: offline, interaction: other } = await expired(fakeFetcher({}));
    const failed = fakeInteraction({ kind: 'modal', customId: `skim:ask:${other.replyMessage.id}`, fields: { question: 'Who built it?' } });
    await run(failed, offline);
    expect(lastEdit(failed)).toMatchObject({ content: 'Skim no longer has that article, and getting it again failed: the site answered with an error.', embeds: [] });
    expect(failed.calls.deferReply).toEqual([{ flags: MessageFlags.Ephemeral }]);
  });

  it('turns a question away, rather than losing it, when the queue is full', async () => {
    const { ctx, thread } = await expired();
    vi.spyOn(ctx.queue, 'run').mockRejectedValue(new SkimError('BUSY'));
    expect(await ask(ctx, thread, 'more')).toBe('Skim is busy right now; try again shortly.');
  });
});

describe('the "Ask a question" button', () => {
  it('opens a modal, and the question is answered privately', async () => {
    const ctx = await testContext();
    const summary = fakeInteraction({ kind: 'slash', commandName: 'summarize', options: { strings: { url: ARTICLE_URL }, booleans: { private: true } } });
    await run(summary, ctx);
    const message = summary.replyMessage;

    const button = fakeInteraction({ kind: 'button', customId: 'skim:ask', message });
    await run(button, ctx);
    const modal = button.calls.showModal[0] as { custom_id: string; components: Array<{ components: Array<{ custom_id: string }> }> };
    expect(modal.custom_id).toBe(`skim:ask:${message.id}`);
    const inputId = modal.components[0]!.components[0]!.custom_id;

    const submit = fakeInteraction({ kind: 'modal', customId: modal.custom_id, fields: { [inputId]: 'Who designed and built the station?' } });
    await run(submit, ctx);
    expect(submit.calls.deferReply).toEqual([{ flags: MessageFlags.Ephemeral }]);
    expect(String(lastEdit(submit).content)).toMatch(/^> .*Northwind Marine Energy/m);
    expect(lastEdit(submit).allowedMentions).toMatchObject({ parse: [] });
  });

  it('says when the summary is too old to ask about', async () => {
    const ctx = await testContext();
    const submit = fakeInteraction({ kind: 'modal', customId: 'skim:ask:900000000000000999', fields: { question: 'Who?' } });
    await run(submit, ctx);
    expect(lastEdit(submit).content).toMatch(/too old/);
  });
});
