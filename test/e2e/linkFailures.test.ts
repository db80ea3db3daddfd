import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultMessage } from '../../src/core/errors.js';
import type { FakeDiscord, FakeMessage, RecordedCall } from '../fakeDiscord/index.js';
import { INTRANET_HOST, startHarness, type Harness } from './harness.js';
import { at, BINS, LIBRARY, NIGHT_TRAINS, SCHOONER } from './pages.js';

const NOT_AN_ARTICLE_PAGE = '<!doctype html><html><head><title>Shop</title></head><body><nav>Home · Shop · Cart</nav><p>Buy now.</p></body></html>';

/** End-to-end: what a user sees when a link of an auto-summary cannot be summarized, or has to wait. */
describe('link reply failures, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  let links: string;
  beforeAll(async () => {
    // Two summaries a minute per user, so the rate limit is reached within the file.
    h = await startHarness({ env: { RATE_LIMIT_USER_PER_MINUTE: '2' } });
    discord = h.discord;
    links = discord.guild.channelId('links');
    const on = discord.sendSlashCommand({ name: 'skim', subcommand: 'autosummary', options: { state: 'on' }, channelId: links });
    expect((await on.waitForOriginal()).content).toMatch(/Auto-summary is now \*\*on\*\*/);
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  const replyTo = (message: FakeMessage): Promise<FakeMessage> =>
    discord.waitForMessage(links, (m) => m.author.id === discord.botUser.id && m.message_reference?.message_id === message.id, 15_000);
  const repliesTo = (message: FakeMessage): FakeMessage[] =>
    discord.messages(links).filter((m) => m.author.id === discord.botUser.id && m.message_reference?.message_id === message.id);
  const reactionsOn = (message: FakeMessage): RecordedCall[] =>
    discord.calls.filter((c) => c.method === 'PUT' && c.path.startsWith(`/channels/${links}/messages/${message.id}/reactions/`));

  it('says in one subtext line, replying without a ping, why the only link of a message failed; not again for the same link', async () => {
    const missing = h.route(LIBRARY.host, '/news/2026/05/a-story-that-was-taken-down', { status: 404, body: '<h1>Page not found</h1>' });
    const post = discord.postMessage({ channelId: links, user: 'alice', content: `Did anyone read this? ${missing}` });
    const reply = await replyTo(post);
    expect(reply.content).toMatch(/^-# Couldn't summarize that link: .+$/);
    expect(reply.content.length).toBeLessThan(140);
    expect(reply.embeds).toEqual([]);
    expect(reply.components).toEqual([]);
    expect(reply.allowed_mentions).toMatchObject({ parse: [], replied_user: false });
    expect(reply.mentions).toEqual([]);
    expect(discord.threads(links).filter((t) => t.id === reply.id)).toEqual([]);

    // The same link again a moment later: no second note, no second fetch.
    const again = discord.postMessage({ channelId: links, user: 'alice', content: `Still broken? ${missing}` });
    const other = discord.postMessage({ channelId: links, user: 'bob', content: h.serve(at(BINS, '/council/bins-trial-update')) });
    await replyTo(other);
    expect(repliesTo(again)).toEqual([]);
    expect(h.fetchesOf(missing)).toBe(1);
  });

  it('notes the failed links of a message under the summary of the one that worked, naming them by host and path', async () => {
    const good = h.serve(SCHOONER);
    const shop = h.route(BINS.host, '/shop/bin-stickers', { body: NOT_AN_ARTICLE_PAGE });
    const intranet = `http://${INTRANET_HOST}/hr/salaries`;
    const post = discord.postMessage({ channelId: links, user: 'bob', content: `Three links: ${good} ${shop} ${intranet}` });
    const reply = await replyTo(post);
    expect(reply.embeds.map((e) => e.title)).toEqual([SCHOONER.title]);
    const notes = reply.content.split('\n');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(new RegExp(`^-# Couldn't summarize \`${BINS.host.replace(/\./g, '\\.')}/shop/bin-stickers\`: .+`));
    expect(notes[1]).toBe(`-# Couldn't summarize \`${INTRANET_HOST}/hr/salaries\`: ${defaultMessage('BLOCKED_ADDRESS')}`);
    await discord.waitUntil(() => discord.threads(links).find((t) => t.id === reply.id));
  });

  it('reacts with an hourglass, and posts nothing, once the poster is over the rate limit', async () => {
    // Two quick failures use up carol's two summaries of the minute (quick, so the minute rarely turns between them).
    const gone = [1, 2, 3].map((i) => h.route(LIBRARY.host, `/news/removed-${i}`, { status: 404, body: 'gone' }));
    const first = discord.postMessage({ channelId: links, user: 'carol', content: gone[0] });
    const second = discord.postMessage({ channelId: links, user: 'carol', content: gone[1] });
    await Promise.all([replyTo(first), replyTo(second)]);
    const third = discord.postMessage({ channelId: links, user: 'carol', content: `and ${gone[2]}` });
    const reaction = await discord.waitFor((c) => c.method === 'PUT' && c.path.startsWith(`/channels/${links}/messages/${third.id}/reactions/`));
    expect(reaction.status).toBe(204);
    expect(decodeURIComponent(reaction.path)).toContain('/reactions/⏳/@me');
    expect(repliesTo(third)).toEqual([]);
    expect(h.fetchesOf(gone[2]!)).toBe(0);
    expect([...reactionsOn(first), ...reactionsOn(second)]).toEqual([]);
  });

  it('stays quiet, logging no error, when the message is deleted before the summary is ready', async () => {
    const slow = h.serve(at(NIGHT_TRAINS, '/travel/night-train-timetable'), { delayMs: 600 });
    const post = discord.postMessage({ channelId: links, user: 'alice', content: `Night trains ${slow}` });
    discord.state.deleted.add(post.id);
    const refused = await discord.waitFor((c) => c.method === 'POST' && c.path === `/channels/${links}/messages`, 15_000);
    expect(refused.status).toBe(400);
    expect(discord.messages(links).filter((m) => m.message_reference?.message_id === post.id)).toEqual([]);
  });
});
