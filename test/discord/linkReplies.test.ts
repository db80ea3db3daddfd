import { PermissionFlagsBits, type Message } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { SkimError } from '../../src/core/errors.js';
import { ASK_BUTTON_ID } from '../../src/discord/ask.js';
import { embedLength } from 'discord.js';
import { handleMessage } from '../../src/discord/messages.js';
import {
  ARTICLE_HTML,
  ARTICLE_URL,
  BOT_ID,
  CHANNEL_ID,
  GUILD_ID,
  fakeChannel,
  fakeFetcher,
  fakeMessage,
  permsWithout,
  testConfig,
  testContext,
  type FakeMessage,
} from './fakes.js';

const OTHER_URL = 'https://herald.example/news/second-story';
const THIRD_URL = 'https://herald.example/news/third-story';
const pages = {
  [ARTICLE_URL]: ARTICLE_HTML,
  [OTHER_URL]: ARTICLE_HTML.replace(/Harbor City opens its first tidal power station/g, 'A second story about tides'),
  [THIRD_URL]: ARTICLE_HTML.replace(/Harbor City opens its first tidal power station/g, 'A third story about tides'),
};

async function onContext(env: Record<string, string> = {}) {
  const fetchPage = fakeFetcher(pages);
  const ctx = await testContext({ config: testConfig(env), fetchPage });
  await ctx.settings.setAutoSummary(GUILD_ID, CHANNEL_ID, true);
  return { ctx, fetchPage };
}

async function post(ctx: Awaited<ReturnType<typeof testContext>>, message: FakeMessage): Promise<FakeMessage> {
  await handleMessage(message as unknown as Message, ctx);
  return message;
}

type Embed = { title: string };
const embedsOf = (m: FakeMessage) => (m.replies[0]?.options?.embeds ?? []) as Embed[];

describe('link replies', () => {
  it('answer a message with links in a channel where auto-summary is on, with a thread', async () => {
    const { ctx } = await onContext();
    const message = await post(ctx, fakeMessage({ content: `look ${ARTICLE_URL} and https://i.example/cat.png` }));
    expect(message.replies).toHaveLength(1);
    expect(embedsOf(message).map((e) => e.title)).toEqual(['Harbor City opens its first tidal power station']);
    expect(message.reply).toHaveBeenCalledWith(expect.objectContaining({ allowedMentions: { parse: [], repliedUser: false } }));
    // One summary: Shorter, Longer and Refresh; the thread takes questions, so no Ask button.
    const buttons = JSON.stringify(message.replies[0]?.options?.components);
    for (const id of ['skim:shorter', 'skim:longer', 'skim:refresh']) expect(buttons).toContain(id);
    expect(buttons).not.toContain('skim:ask');
    const reply = message.replies[0]!;
    expect(reply.startThread).toHaveBeenCalledWith(expect.objectContaining({ name: 'Harbor City opens its first tidal power station' }));
    expect((await ctx.threads.get(reply.id))?.articles.map((a) => a.source)).toEqual([{ url: ARTICLE_URL }]);
  });

  it('cover up to the configured number of links in one reply, within 6000 characters', async () => {
    const { ctx } = await onContext({ AUTO_SUMMARY_MAX_LINKS: '2' });
    const message = await post(ctx, fakeMessage({ content: `${ARTICLE_URL} ${OTHER_URL} ${THIRD_URL}` }));
    expect(message.replies).toHaveLength(1);
    // Shorter and Longer would not say which summary they change: several get none.
    expect(JSON.stringify(message.replies[0]?.options?.components ?? [])).not.toContain('skim:longer');
    const embeds = embedsOf(message);
    expect(embeds.map((e) => e.title)).toEqual(['Harbor City opens its first tidal power station', 'A second story about tides']);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });

  it('stay quiet where auto-summary is off, for bots and Skim itself, and without the Message Content intent', async () => {
    const { ctx } = await onContext();
    expect((await post(ctx, fakeMessage({ content: ARTICLE_URL, channel: fakeChannel({ id: '900000000000000444' }) }))).replies).toEqual([]);
    expect((await post(ctx, fakeMessage({ content: ARTICLE_URL, bot: true, authorId: '900000000000000555' }))).replies).toEqual([]);
    expect((await post(ctx, fakeMessage({ content: ARTICLE_URL, bot: true, authorId: BOT_ID }))).replies).toEqual([]);
    const { ctx: noIntent } = await onContext({ MESSAGE_CONTENT_INTENT: 'false' });
    expect((await post(noIntent, fakeMessage({ content: ARTICLE_URL }))).replies).toEqual([]);
  });

  it('skip links in code, suppressed links and links summarized in the channel a moment ago', async () => {
    const { ctx, fetchPage } = await onContext();
    expect((await post(ctx, fakeMessage({ content: `\`${ARTICLE_URL}\` <${OTHER_URL}>` }))).replies).toEqual([]);
    expect((await post(ctx, fakeMessage({ content: ARTICLE_URL }))).replies).toHaveLength(1);
    expect((await post(ctx, fakeMessage({ content: `again: ${ARTICLE_URL}` }))).replies).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('say in one short line, without a ping, why the only link of a message failed', async () => {
    const { ctx } = await onContext();
    const message = await post(ctx, fakeMessage({ content: 'https://herald.example/404' }));
    expect(message.replies).toHaveLength(1);
    expect(message.replies[0]!.options).toEqual({ content: "-# Couldn't summarize that link: The site answered with an error.", allowedMentions: { parse: [], repliedUser: false } });
    expect(message.reactions).toEqual([]);
  });

  it('note the failed links under the summaries of the others, naming them by host and path', async () => {
    const { ctx } = await onContext();
    const message = await post(ctx, fakeMessage({ content: `${ARTICLE_URL} https://herald.example/gone?id=1 ${OTHER_URL}` }));
    expect(message.replies).toHaveLength(1);
    const sent = message.replies[0]!.options!;
    expect(embedsOf(message).map((e) => e.title)).toEqual(['Harbor City opens its first tidal power station', 'A second story about tides']);
    expect(sent.content).toBe("-# Couldn't summarize `herald.example/gone`: The site answered with an error.");
    expect(message.replies[0]!.startThread).toHaveBeenCalledTimes(1);
  });

  it('keep the notes within one message of plain text too', async () => {
    const { ctx } = await onContext({ AUTO_SUMMARY_MAX_LINKS: '10' });
    const channel = fakeChannel({ permissions: permsWithout(PermissionFlagsBits.EmbedLinks) });
    const failing = Array.from({ length: 8 }, (_, i) => `https://herald.example/${'long-path-segment/'.repeat(5)}${i}`);
    const message = await post(ctx, fakeMessage({ content: [ARTICLE_URL, OTHER_URL, ...failing].join(' '), channel }));
    const content = String(message.replies[0]!.options!.content);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain('**Harbor City opens its first tidal power station**');
    expect(content.match(/^-# Couldn't summarize `herald\.example\/long-path/gm)).toHaveLength(8);
  });

  it('do not repeat a failure note for the same link in the channel within the window', async () => {
    const { ctx, fetchPage } = await onContext();
    expect((await post(ctx, fakeMessage({ content: 'https://herald.example/404' }))).replies).toHaveLength(1);
    expect((await post(ctx, fakeMessage({ content: 'once more https://herald.example/404' }))).replies).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('react with an hourglass, and post nothing, when the user is rate-limited; the link can be posted again later', async () => {
    const { ctx, fetchPage } = await onContext({ RATE_LIMIT_USER_PER_MINUTE: '1' });
    await post(ctx, fakeMessage({ content: OTHER_URL }));
    const limited = await post(ctx, fakeMessage({ content: ARTICLE_URL }));
    expect(limited.replies).toEqual([]);
    expect(limited.reactions).toEqual(['⏳']);
    expect(await ctx.recent.claim(CHANNEL_ID, [ARTICLE_URL])).toEqual([ARTICLE_URL]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('react with an hourglass when the queue is full, and summarize the links that got through', async () => {
    const { ctx } = await onContext();
    let calls = 0;
    const run = ctx.queue.run.bind(ctx.queue);
    vi.spyOn(ctx.queue, 'run').mockImplementation((task) => (++calls === 2 ? Promise.reject(new SkimError('BUSY')) : run(task)));
    const message = await post(ctx, fakeMessage({ content: `${ARTICLE_URL} ${OTHER_URL}` }));
    expect(message.reactions).toEqual(['⏳']);
    expect(embedsOf(message).map((e) => e.title)).toEqual(['Harbor City opens its first tidal power station']);
    expect(message.replies[0]!.options!.content).toBeUndefined();
    expect(await ctx.recent.claim(CHANNEL_ID, [OTHER_URL])).toEqual([OTHER_URL]);
  });

  it('still post the other summaries when the reaction fails', async () => {
    const { ctx } = await onContext();
    const run = ctx.queue.run.bind(ctx.queue);
    let calls = 0;
    vi.spyOn(ctx.queue, 'run').mockImplementation((task) => (++calls === 2 ? Promise.reject(new SkimError('BUSY')) : run(task)));
    const message = fakeMessage({ content: `${ARTICLE_URL} ${OTHER_URL}` });
    message.react.mockRejectedValue(new Error('socket hang up'));
    await post(ctx, message);
    expect(embedsOf(message).map((e) => e.title)).toEqual(['Harbor City opens its first tidal power station']);
  });

  it('skip the reaction where Skim may not add reactions', async () => {
    const { ctx } = await onContext({ RATE_LIMIT_USER_PER_MINUTE: '1' });
    const channel = fakeChannel({ permissions: permsWithout(PermissionFlagsBits.AddReactions) });
    await post(ctx, fakeMessage({ content: OTHER_URL, channel }));
    const limited = await post(ctx, fakeMessage({ content: ARTICLE_URL, channel }));
    expect(limited.react).not.toHaveBeenCalled();
    expect(limited.replies).toEqual([]);
  });

  it('post nothing (and do not throw) without Send Messages', async () => {
    const { ctx, fetchPage } = await onContext();
    const channel = fakeChannel({ permissions: permsWithout(PermissionFlagsBits.SendMessages) });
    const message = await post(ctx, fakeMessage({ content: ARTICLE_URL, channel }));
    expect(message.replies).toEqual([]);
    expect(channel.send).not.toHaveBeenCalled();
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('post without a reply reference when Skim cannot read the history', async () => {
    const { ctx } = await onContext();
    const channel = fakeChannel({ permissions: permsWithout(PermissionFlagsBits.ReadMessageHistory) });
    const message = await post(ctx, fakeMessage({ content: ARTICLE_URL, channel }));
    expect(message.reply).not.toHaveBeenCalled();
    expect(channel.send).toHaveBeenCalledWith(expect.objectContaining({ allowedMentions: { parse: [], repliedUser: false } }));
  });

  it('post plain text without Embed Links, and the button without Create Public Threads', async () => {
    const { ctx } = await onContext();
    const channel = fakeChannel({ permissions: permsWithout(PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.CreatePublicThreads) });
    const message = await post(ctx, fakeMessage({ content: ARTICLE_URL, channel }));
    const sent = message.replies[0]!.options!;
    expect(sent.embeds).toBeUndefined();
    expect(String(sent.content)).toContain('**Harbor City opens its first tidal power station**');
    expect(String(sent.content).length).toBeLessThanOrEqual(2000);
    expect(JSON.stringify(sent.components)).toContain(ASK_BUTTON_ID);
    expect(message.replies[0]!.startThread).not.toHaveBeenCalled();
  });
});
