import { Events } from 'discord.js';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '../../src/core/answer/index.js';
import type { FakeDiscord, FakeMessage } from '../fakeDiscord/index.js';
import { bullets, embedEdits, expectDeferredInTime, startHarness, unescape, type Harness } from './harness.js';
import { at, BINS, LIBRARY, NIGHT_TRAINS, SCHOONER, SOURDOUGH } from './pages.js';

const ASK_BUTTON = 'skim:ask';

/** End-to-end: link replies and their threads, and the bot riding out what Discord does to it. */
describe('link replies, threads and Discord trouble, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  let links: string;
  let noThreads: string;
  beforeAll(async () => {
    h = await startHarness({ fake: { guilds: [{ channels: ['general', 'links', 'no-threads'] }] } });
    discord = h.discord;
    links = discord.guild.channelId('links');
    noThreads = discord.guild.channelId('no-threads');
    for (const channelId of [links, noThreads]) {
      const on = discord.sendSlashCommand({ name: 'skim', subcommand: 'autosummary', options: { state: 'on' }, channelId });
      expect((await on.waitForOriginal()).content).toMatch(/Auto-summary is now \*\*on\*\*/);
    }
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  /** The bot's reply to a user's message, once it has one (the first of the file loads the HTML cleaner: a long wait). */
  const replyTo = (message: FakeMessage): Promise<FakeMessage> =>
    discord.waitForMessage(message.channel_id, (m) => m.author.id === discord.botUser.id && m.message_reference?.message_id === message.id, 15_000);
  const fromBot = (channelId: string): FakeMessage[] => discord.messages(channelId).filter((m) => m.author.id === discord.botUser.id);

  it("5. replies to a link with a summary and a thread, answers questions there with quotes or \"doesn't say\", and ignores other threads", async () => {
    const url = h.serve(NIGHT_TRAINS);
    const post = discord.postMessage({ channelId: links, user: 'bob', content: `Finally, no more 6 a.m. flights to Brisk: ${url}` });
    const reply = await replyTo(post);
    expect(reply.embeds[0]?.title).toBe(NIGHT_TRAINS.title);
    const buttons = JSON.stringify(reply.components);
    for (const id of ['skim:shorter', 'skim:longer', 'skim:refresh']) expect(buttons).toContain(id);
    expect(buttons).not.toContain(ASK_BUTTON);
    const thread = await discord.waitUntil(() => discord.threads(links).find((t) => t.id === reply.id));
    expect(thread.name).toBe(NIGHT_TRAINS.title);
    expect(thread.thread?.ownerId).toBe(discord.botUser.id);

    const theirs = discord.createThread({ channelId: links, name: 'Night train plans', user: 'carol' });
    discord.postMessage({ channelId: theirs.id, user: 'carol', content: 'What time does the night train arrive in Brisk?' });

    const question = discord.postMessage({ channelId: thread.id, user: 'bob', content: 'What time does the night train arrive in Brisk?' });
    const answer = await replyTo(question);
    const quote = /^> (.+)$/m.exec(answer.content)?.[1];
    expect(quote).toBeDefined();
    expect(NIGHT_TRAINS.paragraphs.join(' ')).toContain(unescape(quote!));
    expect(quote).toContain('7:20');
    expect(answer.content).toMatch(/^-# Paragraph \d+/m);

    const chatter = discord.postMessage({ channelId: thread.id, user: 'carol', content: 'finally, thanks for sharing' });
    const unanswerable = discord.postMessage({ channelId: thread.id, user: 'carol', content: 'Is there wifi on board?' });
    expect((await replyTo(unanswerable)).content).toBe(NOT_FOUND_MESSAGE);
    expect(fromBot(thread.id).filter((m) => m.message_reference?.message_id === chatter.id)).toEqual([]);

    expect(fromBot(theirs.id)).toEqual([]);
    expect(discord.calls.filter((c) => c.path.includes(theirs.id))).toEqual([]);
    expect(h.fetchesOf(url)).toBe(1);
  });

  it('makes a one-link reply longer in place when its poster presses Longer, with no new fetch', async () => {
    const url = h.serve(at(BINS, '/council/longer-reply'));
    const post = discord.postMessage({ channelId: links, user: 'carol', content: url });
    const reply = await replyTo(post);
    const shown = (): number => bullets(discord.message(reply.id)?.embeds[0]?.description).length;
    const before = shown();
    await discord.sendButton({ message: reply.id, customId: 'skim:longer', user: 'carol' }).waitForCallback();
    await discord.waitUntil(() => (shown() > before ? true : undefined));
    expect(h.fetchesOf(url)).toBe(1);
  });

  it('stays silent on links posted where auto-summary is off, and fetches nothing for them', async () => {
    const general = discord.guild.channelId('general');
    const quiet = h.serve(at(SCHOONER, '/harbour/not-here'));
    discord.postMessage({ channelId: general, user: 'alice', content: `Look: ${quiet}` });
    // A later link in an auto-summary channel is answered: the one before it has been handled by then.
    const later = discord.postMessage({ channelId: links, user: 'alice', content: h.serve(at(BINS, '/council/quiet-check')) });
    await replyTo(later);
    expect(fromBot(general)).toEqual([]);
    expect(h.fetchesOf(quiet)).toBe(0);
  });

  it('8. resumes after the gateway drops mid-session, catches up, and answers the next command', async () => {
    const before = discord.gatewayStats;
    const resumed = once(h.bot.client, Events.ShardResume);
    await discord.dropConnection({ abrupt: true });
    const missedUrl = h.serve(SOURDOUGH);
    const missed = discord.postMessage({ channelId: links, user: 'carol', content: `Posted while Skim was away: ${missedUrl}` });
    await resumed;
    expect(discord.gatewayStats).toMatchObject({ identifies: before.identifies, resumes: before.resumes + 1 });
    expect((await replyTo(missed)).embeds[0]?.title).toBe(SOURDOUGH.title);

    const url = h.serve(BINS);
    const next = discord.sendSlashCommand({ name: 'summarize', options: { url }, user: 'bob' });
    await expectDeferredInTime(discord, next);
    expect((await next.waitForOriginal()).embeds[0]?.title).toBe(BINS.title);
  });

  it('9. rides out a 429 with retry-after and delivers each reply exactly once', async () => {
    discord.rateLimitNext('PATCH /webhooks/:app/:token/messages/@original', 0.3);
    const url = h.serve(LIBRARY);
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url } });
    await expectDeferredInTime(discord, handle);
    expect((await handle.waitForOriginal()).embeds[0]?.title).toBe(LIBRARY.title);
    const edits = handle.calls().filter((c) => c.method === 'PATCH' && c.path.endsWith('/@original'));
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(250);
    expect(embedEdits(handle)).toHaveLength(1);
    expect(handle.followUps()).toEqual([]);

    discord.rateLimitNext('POST /channels/:id/messages', 0.3);
    const linkUrl = h.serve(SCHOONER);
    const post = discord.postMessage({ channelId: links, user: 'bob', content: `Great dive story ${linkUrl}` });
    const reply = await replyTo(post);
    expect(reply.embeds[0]?.title).toBe(SCHOONER.title);
    await discord.waitUntil(() => discord.threads(links).find((t) => t.id === reply.id));
    const posts = discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${links}/messages`);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(fromBot(links).filter((m) => m.message_reference?.message_id === post.id)).toHaveLength(1);
  });

  it('10. still delivers the summary, without a thread, where Skim may not create threads', async () => {
    discord.denyPermission(noThreads, 'CreatePublicThreads');
    const url = h.serve(at(SCHOONER, '/local/schooner-wreck-protected-by-law'));
    const post = discord.postMessage({ channelId: noThreads, user: 'bob', content: `Read this ${url}` });
    const reply = await replyTo(post);
    expect(reply.embeds[0]?.title).toBe(SCHOONER.title);
    expect(bullets(reply.embeds[0]?.description).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(reply.components)).toContain(ASK_BUTTON);

    // Discord refuses the thread although the permissions looked right: the reply stays, the button is added.
    discord.failNext('POST /channels/:channel/messages/:message/threads', 403, { code: 50013, message: 'Missing Permissions' });
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url: h.serve(at(NIGHT_TRAINS, '/travel/night-train-tickets')) } });
    await expectDeferredInTime(discord, handle);
    const original = await handle.waitForOriginal((m) => JSON.stringify(m.components).includes(ASK_BUTTON));
    expect(original.embeds[0]?.title).toBe(NIGHT_TRAINS.title);
    expect(discord.calls.filter((c) => c.path.endsWith('/threads')).map((c) => c.status)).toEqual([403]);
    expect(discord.threads(noThreads)).toEqual([]);
    expect(discord.threads().filter((t) => t.id === original.id)).toEqual([]);
  });
});
