import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, FakeMessage } from '../fakeDiscord/index.js';
import { embedEdits, expectDeferredInTime, startHarness, unescape, type Harness } from './harness.js';
import { at, BINS, LIBRARY, NIGHT_TRAINS, SCHOONER, SOURDOUGH } from './pages.js';

const READERS = Array.from({ length: 20 }, (_, i) => `reader${String(i + 1).padStart(2, '0')}`);

/**
 * End-to-end over the shared Redis (a key prefix of its own) with the worker pool, as a production bot
 * runs: a crowd at once, and a restart. Rate limits are the production defaults.
 */
describe('a crowd and a restart over Redis and the worker pool, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness({
      store: 'redis',
      pool: true,
      env: { WORKER_THREADS: '2', RATE_LIMIT_USER_PER_MINUTE: '5', RATE_LIMIT_GUILD_PER_MINUTE: '30' },
      fake: { guilds: [{ users: ['alice', ...READERS] }] },
    });
    discord = h.discord;
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  it('11. serves 20 users asking for 5 distinct URLs at once with 5 page fetches, 20 replies and no errors', async () => {
    expect(h.cache.kind).toBe('redis');
    const articles = [LIBRARY, SCHOONER, BINS, SOURDOUGH, NIGHT_TRAINS];
    // Slow pages keep the first fetches in flight while the other requests arrive.
    const urls = articles.map((article) => h.serve(article, { delayMs: 300 }));
    const handles = READERS.map((user, i) => discord.sendSlashCommand({ name: 'summarize', options: { url: urls[i % urls.length]! }, user }));

    for (const handle of handles) await expectDeferredInTime(discord, handle);
    const replies = await Promise.all(handles.map((handle) => handle.waitForOriginal(undefined, 15_000)));
    replies.forEach((reply, i) => expect(reply.embeds[0]?.title).toBe(articles[i % articles.length]!.title));
    for (const handle of handles) expect(embedEdits(handle)).toHaveLength(1);
    expect(h.pages.requests).toHaveLength(5);
    for (const url of urls) expect(h.fetchesOf(url)).toBe(1);
    expect(h.computed).toBe(5);
    expect(replies.filter((r) => r.content !== '')).toEqual([]);
  });

  it('12. keeps its settings and thread links across a restart (a new client over the same store)', async () => {
    const links = discord.guild.channelId('links');
    const on = discord.sendSlashCommand({ name: 'skim', subcommand: 'autosummary', options: { state: 'on' }, channelId: links });
    expect((await on.waitForOriginal()).content).toMatch(/Auto-summary is now \*\*on\*\*/);
    const url = h.serve(at(NIGHT_TRAINS, '/travel/night-train-timetable'));
    const post = discord.postMessage({ channelId: links, user: 'reader01', content: `The timetable is out: ${url}` });
    const summary = await replyTo(discord, post);
    const thread = await discord.waitUntil(() => discord.threads(links).find((t) => t.id === summary.id));

    const identifies = discord.gatewayStats.identifies;
    const before = h.bot;
    await h.restart();
    expect(h.bot).not.toBe(before);
    expect(before.client.isReady()).toBe(false);
    expect(discord.gatewayStats.identifies).toBe(identifies + 1);

    const status = discord.sendSlashCommand({ name: 'skim-status', user: 'reader02' });
    expect((await status.waitForOriginal()).content).toContain(`Auto-summary: on in <#${links}>`);
    const later = discord.postMessage({ channelId: links, user: 'reader03', content: `And this one: ${h.serve(at(SOURDOUGH, '/food/kessler-rye-recipe'))}` });
    expect((await replyTo(discord, later)).embeds[0]?.title).toBe(SOURDOUGH.title);

    const question = discord.postMessage({ channelId: thread.id, user: 'reader01', content: 'How much does a private compartment cost?' });
    const answer = await replyTo(discord, question);
    const quote = /^> (.+)$/m.exec(answer.content)?.[1] ?? '';
    expect(quote).toContain('169 euros');
    expect(NIGHT_TRAINS.paragraphs.join(' ')).toContain(unescape(quote));
    // The thread's article came back from the store, not from the site.
    expect(h.fetchesOf(url)).toBe(1);
  });
});

/** The bot's reply to a user's message, once it has one. */
function replyTo(discord: FakeDiscord, message: FakeMessage): Promise<FakeMessage> {
  return discord.waitForMessage(message.channel_id, (m) => m.author.id === discord.botUser.id && m.message_reference?.message_id === message.id);
}
