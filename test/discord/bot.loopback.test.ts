import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/discord/client.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { silentLogger } from '../../src/logger.js';
import { fakeClientOptions } from '../e2e/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.js';
import { ARTICLE_TEXT, ARTICLE_URL, fakeFetcher, memoryCache, testConfig } from './fakes.js';

/**
 * A smoke test of the real bot (discord.js client, commands, events) against the loopback fake of Discord:
 * the wiring the unit tests replace with fake objects. The end-to-end scenarios live elsewhere.
 */
describe('the bot against a loopback Discord', () => {
  let discord: FakeDiscord | undefined;
  let bot: Bot | undefined;
  afterEach(async () => {
    await bot?.stop(1_000);
    await discord?.close();
  });

  it('registers its commands, summarizes into a thread, answers there, and replies to links', async () => {
    discord = await startFakeDiscord();
    const config = testConfig({ DISCORD_TOKEN: discord.token, DISCORD_CLIENT_ID: discord.applicationId, DEV_GUILD_ID: discord.guild.id });
    expect(await deployCommands(config, { rest: { api: discord.restUrl } })).toEqual({ scope: 'guild', count: 4 });

    bot = createBot({
      config,
      services: { fetchPage: fakeFetcher(), cache: await memoryCache() },
      logger: silentLogger,
      clientOptions: fakeClientOptions(discord),
    });
    await bot.start();
    const channelId = discord.guild.textChannelId;

    const summary = discord.sendSlashCommand({ name: 'summarize', options: { url: ARTICLE_URL } });
    const original = await summary.waitForOriginal();
    expect(original.embeds[0]?.title).toBe('Harbor City opens its first tidal power station');
    const thread = await discord.waitUntil(() => discord!.threads(channelId)[0]);
    expect(thread.name).toBe('Harbor City opens its first tidal power station');

    discord.postMessage({ channelId: thread.id, content: 'How many homes will the station supply?' });
    const answer = await discord.waitForMessage(thread.id);
    expect(answer.content).toMatch(/12,000 homes/);

    const settings = discord.sendSlashCommand({ name: 'skim', subcommand: 'autosummary', options: { state: 'on' } });
    expect((await settings.waitForOriginal()).content).toMatch(/Auto-summary is now \*\*on\*\*/);
    const posted = discord.postMessage({ content: `Worth reading: ${ARTICLE_URL}` });
    const reply = await discord.waitForMessage(channelId, (m) => m.message_reference?.message_id === posted.id);
    expect(reply.embeds[0]?.footer?.text).toMatch(/cached$/);

    const pasted = discord.sendSlashCommand({ name: 'summarize', options: { text: ARTICLE_TEXT.slice(0, 6000), private: true } });
    const privateReply = await pasted.waitForOriginal();
    expect(privateReply.flags & 64).toBe(64);
    expect(JSON.stringify(privateReply.components)).toContain('skim:ask');

    const sends = discord.calls.filter((c) => (c.method === 'POST' || c.method === 'PATCH') && /\/(messages|webhooks)\b/.test(c.path) && !/\/threads$/.test(c.path));
    expect(sends.length).toBeGreaterThan(4);
    for (const call of sends) expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toMatchObject({ parse: [] });
    expect(discord.serverErrors).toEqual([]);
  });

  it('lets a summary in flight finish when stopped', async () => {
    discord = await startFakeDiscord();
    const config = testConfig({ DISCORD_TOKEN: discord.token, DISCORD_CLIENT_ID: discord.applicationId });
    const fetcher = fakeFetcher();
    const slowFetch = async (url: string) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return fetcher(url);
    };
    bot = createBot({
      config,
      services: { fetchPage: slowFetch, cache: await memoryCache() },
      clientOptions: fakeClientOptions(discord),
    });
    await bot.start();
    const summary = discord.sendSlashCommand({ name: 'summarize', options: { url: ARTICLE_URL } });
    await summary.waitForCallback();
    await bot.stop(5_000);
    expect(summary.original()?.embeds[0]?.title).toBe('Harbor City opens its first tidal power station');
    expect(bot.client.isReady()).toBe(false);
  });

  it('offers the question button where it may not create threads, and answers the modal privately', async () => {
    discord = await startFakeDiscord();
    const config = testConfig({ DISCORD_TOKEN: discord.token, DISCORD_CLIENT_ID: discord.applicationId, DEV_GUILD_ID: discord.guild.id });
    await deployCommands(config, { rest: { api: discord.restUrl } });
    bot = createBot({ config, services: { fetchPage: fakeFetcher(), cache: await memoryCache() }, clientOptions: fakeClientOptions(discord) });
    await bot.start();
    discord.denyPermission(discord.guild.textChannelId, 'CreatePublicThreads');
    const summary = discord.sendSlashCommand({ name: 'summarize', options: { url: ARTICLE_URL } });
    const original = await summary.waitForOriginal();
    expect(discord.threads(discord.guild.textChannelId)).toEqual([]);
    const button = discord.sendButton({ message: original, customId: 'skim:ask' });
    expect(await discord.waitUntil(() => button.modal())).toMatchObject({ custom_id: `skim:ask:${original.id}` });
    const submit = discord.sendModalSubmit({ from: button, values: { question: 'Who designed and built the station?' } });
    const answer = await submit.waitForOriginal();
    expect(answer.flags & 64).toBe(64);
    expect(answer.content).toMatch(/Northwind Marine Energy/);
    expect(discord.serverErrors).toEqual([]);
  });

  it('keeps answering in its thread after a restart (a new client over the same store)', async () => {
    discord = await startFakeDiscord();
    const config = testConfig({ DISCORD_TOKEN: discord.token, DISCORD_CLIENT_ID: discord.applicationId, DEV_GUILD_ID: discord.guild.id });
    await deployCommands(config, { rest: { api: discord.restUrl } });
    const cache = await memoryCache();
    const first = createBot({ config, services: { fetchPage: fakeFetcher(), cache }, clientOptions: fakeClientOptions(discord) });
    await first.start();
    await discord.sendSlashCommand({ name: 'summarize', options: { url: ARTICLE_URL } }).waitForOriginal();
    const thread = await discord.waitUntil(() => discord!.threads(discord!.guild.textChannelId)[0]);
    await first.stop(1_000);

    bot = createBot({ config, services: { fetchPage: fakeFetcher(), cache }, clientOptions: fakeClientOptions(discord) });
    await bot.start();
    discord.postMessage({ channelId: thread.id, content: 'How many homes will the station supply?' });
    expect((await discord.waitForMessage(thread.id)).content).toMatch(/12,000 homes/);
  });
});
