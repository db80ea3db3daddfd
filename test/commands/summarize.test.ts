import { MessageFlags, PermissionFlagsBits, ThreadAutoArchiveDuration } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseSummarizeOptions, USAGE_HINT } from '../../commands/summarize.js';
import { SkimError } from '../../src/core/errors.js';
import { ASK_BUTTON_ID } from '../../src/discord/ask.js';
import { WorkQueue } from '../../src/discord/queue.js';
import { capturingLogger } from '../helpers/cacheStores.js';
import { run } from './helpers.js';
import {
  ARTICLE_TEXT,
  ARTICLE_URL,
  fakeFetcher,
  fakeInteraction,
  lastEdit,
  permsWithout,
  privateFailure,
  testConfig,
  testContext,
  type FakeInteraction,
} from '../discord/fakes.js';

const TITLE = 'Harbor City opens its first tidal power station';
const NO_PINGS = { parse: [] };

function slash(options: Parameters<typeof fakeInteraction>[0] = {}) {
  return fakeInteraction({ kind: 'slash', commandName: 'summarize', ...options });
}

type Embed = { title?: string; description?: string; footer?: { text: string } };
const embedOf = (i: FakeInteraction) => (lastEdit(i).embeds as Embed[])[0]!;
const bulletCount = (embed: Embed) => embed.description!.split('\n').filter((l) => l.startsWith('• ')).length;

describe('parseSummarizeOptions', () => {
  it('wants exactly one source', () => {
    expect(parseSummarizeOptions({})).toEqual({ ok: false, hint: USAGE_HINT });
    expect(parseSummarizeOptions({ url: 'https://a.example', text: 'some text' })).toEqual({ ok: false, hint: USAGE_HINT });
    expect(parseSummarizeOptions({ text: '   ' })).toEqual({ ok: false, hint: USAGE_HINT });
    expect(parseSummarizeOptions({ url: 'https://a.example/x' })).toMatchObject({ ok: true, options: { input: { url: 'https://a.example/x' } } });
  });

  it('reads a bare domain as https', () => {
    expect(parseSummarizeOptions({ url: 'news.example/story' })).toMatchObject({ ok: true, options: { input: { url: 'https://news.example/story' } } });
  });

  it('refuses text over 6000 characters and an unknown length', () => {
    expect(parseSummarizeOptions({ text: 'a'.repeat(6001) })).toMatchObject({ ok: false, hint: expect.stringMatching(/too long/) });
    expect(parseSummarizeOptions({ text: 'a'.repeat(6000) })).toMatchObject({ ok: true });
    expect(parseSummarizeOptions({ url: 'https://a.example', length: 'huge' })).toMatchObject({ ok: false });
  });

  it('takes length, private and refresh', () => {
    const file = { name: 'notes.txt', size: 10, url: 'https://cdn.example/notes.txt' };
    expect(parseSummarizeOptions({ file, length: 'short', private: true, refresh: true })).toEqual({
      ok: true,
      options: { input: { file }, length: 'short', private: true, refresh: true },
    });
  });
});

describe('/summarize', () => {
  it('answers a missing source with a private usage hint, without deferring', async () => {
    const ctx = await testContext();
    const interaction = slash();
    await run(interaction, ctx);
    expect(interaction.calls.deferReply).toEqual([]);
    expect(interaction.calls.reply).toEqual([{ content: USAGE_HINT, flags: MessageFlags.Ephemeral, allowedMentions: expect.objectContaining(NO_PINGS) }]);
  });

  it('defers, then edits the reply with the summary embed and opens a thread named after the article', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(interaction, ctx);
    expect(interaction.calls.deferReply).toEqual([{}]);
    const edit = lastEdit(interaction);
    expect(edit.allowedMentions).toMatchObject(NO_PINGS);
    // Length and refresh buttons; no question button, since the thread takes questions.
    expect(JSON.stringify(edit.components)).toMatch(/skim:shorter.*skim:longer.*skim:refresh/);
    expect(JSON.stringify(edit.components)).not.toContain(ASK_BUTTON_ID);
    const embed = embedOf(interaction);
    expect(embed.title).toBe(TITLE);
    expect(embed.footer?.text).not.toMatch(/cached/);
    expect(interaction.replyMessage.startThread).toHaveBeenCalledWith({
      name: TITLE,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      reason: expect.any(String),
    });
    const link = await ctx.threads.get(interaction.replyMessage.id);
    expect(link?.articles[0]).toMatchObject({ title: TITLE, source: { url: ARTICLE_URL } });
  });

  it('says "cached" the second time, and fetches again with refresh', async () => {
    const fetchPage = fakeFetcher();
    const ctx = await testContext({ fetchPage });
    await run(slash({ options: { strings: { url: ARTICLE_URL } } }), ctx);
    const again = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(again, ctx);
    expect(embedOf(again).footer?.text).toMatch(/cached$/);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    const refreshed = slash({ options: { strings: { url: ARTICLE_URL }, booleans: { refresh: true } } });
    await run(refreshed, ctx);
    expect(embedOf(refreshed).footer?.text).not.toMatch(/cached/);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('follows the length option', async () => {
    const ctx = await testContext();
    const short = slash({ options: { strings: { url: ARTICLE_URL, length: 'short' } } });
    const long = slash({ options: { strings: { url: ARTICLE_URL, length: 'long' }, booleans: { refresh: true } } });
    await run(short, ctx);
    await run(long, ctx);
    expect(bulletCount(embedOf(short))).toBe(2);
    expect(bulletCount(embedOf(long))).toBeGreaterThan(2);
  });

  it('replies privately with the question button instead of a thread', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: ARTICLE_URL }, booleans: { private: true } } });
    await run(interaction, ctx);
    expect(interaction.calls.deferReply).toEqual([{ flags: MessageFlags.Ephemeral }]);
    expect(JSON.stringify(lastEdit(interaction).components)).toContain(ASK_BUTTON_ID);
    expect(interaction.replyMessage.startThread).not.toHaveBeenCalled();
  });

  it('summarizes pasted text', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { text: ARTICLE_TEXT } } });
    await run(interaction, ctx);
    expect(bulletCount(embedOf(interaction))).toBeGreaterThan(0);
    expect((await ctx.threads.get(interaction.replyMessage.id))?.articles[0]?.source).toEqual({ text: ARTICLE_TEXT });
  });

  it('summarizes a text file attachment', async () => {
    const ctx = await testContext();
    ctx.fetchAttachment = async () => new TextEncoder().encode(ARTICLE_TEXT);
    const file = { name: 'story.txt', size: ARTICLE_TEXT.length, url: 'https://cdn.example/story.txt', contentType: 'text/plain' };
    const interaction = slash({ options: { attachments: { file } } });
    await run(interaction, ctx);
    expect(bulletCount(embedOf(interaction))).toBeGreaterThan(0);
  });

  it('refuses other files and oversized ones with a short message', async () => {
    const ctx = await testContext();
    const image = slash({ options: { attachments: { file: { name: 'cat.png', size: 10, url: 'https://cdn.example/cat.png' } } } });
    await run(image, ctx);
    expect(privateFailure(image).content).toBe('Skim reads .txt, .md, .html and .pdf files only.');
    const huge = slash({ options: { attachments: { file: { name: 'big.txt', size: 50_000_000, url: 'https://cdn.example/big.txt' } } } });
    await run(huge, ctx);
    expect(privateFailure(huge).content).toMatch(/too large/);
  });

  it("tells only the person who asked, in the error's short message, never a stack trace", async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: 'https://herald.example/missing' } } });
    await run(interaction, ctx);
    expect(privateFailure(interaction)).toEqual({ content: 'The site answered with an error.', flags: MessageFlags.Ephemeral, allowedMentions: expect.objectContaining(NO_PINGS) });
  });

  it("shows a generic apology for an unexpected error, and logs it with the interaction's context", async () => {
    const { logger, records } = capturingLogger();
    const ctx = await testContext({ overrides: { logger } });
    ctx.deps = { ...ctx.deps, fetchPage: async () => Promise.reject(new TypeError('x is not a function')) };
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(interaction, ctx);
    expect(privateFailure(interaction).content).toBe('Something went wrong on our side. Sorry!');
    const logged = records.find((r) => r.msg === 'interaction failed');
    expect(logged).toMatchObject({ command: 'summarize', userId: interaction.user.id, guildId: interaction.guildId, interactionId: interaction.id });
    expect(JSON.stringify(logged)).toContain('x is not a function');
  });

  it('rate-limits a user with "try again in N s"', async () => {
    const ctx = await testContext({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '2' }) });
    for (let i = 0; i < 2; i++) await run(slash({ options: { strings: { url: ARTICLE_URL } } }), ctx);
    const limited = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(limited, ctx);
    expect(privateFailure(limited).content).toMatch(/^You're going a bit fast; try again in \d+ s\.$/);
  });

  it('says Skim is busy when the queue is full', async () => {
    const ctx = await testContext({ overrides: { queue: new WorkQueue({ concurrency: 0, capacity: 0 }) } });
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(interaction, ctx);
    expect(privateFailure(interaction).content).toBe('Skim is busy right now; try again shortly.');
  });

  it('answers from the cache at once while the queue is full, and only a refresh is told busy', async () => {
    const ctx = await testContext();
    await run(slash({ options: { strings: { url: ARTICLE_URL } } }), ctx);
    ctx.queue = new WorkQueue({ concurrency: 0, capacity: 0 });
    const cached = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(cached, ctx);
    expect(JSON.stringify(lastEdit(cached).embeds)).toContain(TITLE);
    const refresh = slash({ options: { strings: { url: ARTICLE_URL }, booleans: { refresh: true } } });
    await run(refresh, ctx);
    expect(privateFailure(refresh).content).toBe('Skim is busy right now; try again shortly.');
  });

  it('says Skim is busy when the worker pool refuses the job', async () => {
    const ctx = await testContext();
    ctx.deps = { ...ctx.deps, run: async () => Promise.reject(new SkimError('BUSY')) };
    const interaction = slash({ options: { strings: { text: ARTICLE_TEXT } } });
    await run(interaction, ctx);
    expect(privateFailure(interaction).content).toBe('Skim is busy right now; try again shortly.');
  });

  it('sends plain text where Skim may not embed links', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } }, appPermissions: permsWithout(PermissionFlagsBits.EmbedLinks) });
    await run(interaction, ctx);
    expect(lastEdit(interaction).embeds).toEqual([]);
    expect(lastEdit(interaction).content).toContain(`**${TITLE}**`);
  });

  it('offers the button where Skim may not create threads', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } }, appPermissions: permsWithout(PermissionFlagsBits.CreatePublicThreads) });
    await run(interaction, ctx);
    expect(JSON.stringify(lastEdit(interaction).components)).toContain(ASK_BUTTON_ID);
    expect(interaction.replyMessage.startThread).not.toHaveBeenCalled();
  });

  it('falls back to the button when Discord refuses the thread', async () => {
    const ctx = await testContext();
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } }, threadFails: true });
    await run(interaction, ctx);
    expect(interaction.replyMessage.startThread).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(lastEdit(interaction).components)).toContain(ASK_BUTTON_ID);
  });

  it('uses the button, not a thread, without the Message Content intent', async () => {
    const ctx = await testContext({ config: testConfig({ MESSAGE_CONTENT_INTENT: 'false' }) });
    const interaction = slash({ options: { strings: { url: ARTICLE_URL } } });
    await run(interaction, ctx);
    expect(interaction.replyMessage.startThread).not.toHaveBeenCalled();
    expect(JSON.stringify(lastEdit(interaction).components)).toContain(ASK_BUTTON_ID);
  });
});
