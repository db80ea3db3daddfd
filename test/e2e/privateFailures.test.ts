import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakeDiscord/index.js';
import type { InteractionHandle } from '../fakeDiscord/server.js';
import { expectDeferredInTime, startHarness, type Harness } from './harness.js';
import { at, LIBRARY, NIGHT_TRAINS } from './pages.js';

const EPHEMERAL = 64;
const LOADING = 128;

/** The failure a user was told privately; the channel keeps nothing of the request. */
async function privateFailure(discord: FakeDiscord, handle: InteractionHandle): Promise<string> {
  await expectDeferredInTime(discord, handle);
  const followUp = await handle.waitForFollowUp();
  expect(followUp.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(handle.original()).toBeUndefined();
  return followUp.content;
}

/** End-to-end: what fails on a command is shown only to the person who asked. */
describe('private failures, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness({ env: { RATE_LIMIT_USER_PER_MINUTE: '3' } });
    discord = h.discord;
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  it('tells only the asker that a link failed, and the channel sees nothing', async () => {
    const missing = h.route(LIBRARY.host, '/news/gone', { status: 404, body: '<h1>Not found</h1>' });
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url: missing }, user: 'alice' });
    expect(await privateFailure(discord, handle)).toMatch(/\b(?:wasn't|not) found\b|\b404\b/i);
    const visible = discord.messages(discord.guild.textChannelId).filter((m) => m.author.id === discord.botUser.id && (m.flags & EPHEMERAL) === 0);
    expect(visible).toEqual([]);
  });

  it('answers a /summarize over the rate limit privately', async () => {
    const url = h.serve(at(NIGHT_TRAINS, '/limits'));
    for (let i = 0; i < 3; i++) {
      const ok = discord.sendSlashCommand({ name: 'summarize', options: { url }, user: 'bob' });
      await expectDeferredInTime(discord, ok);
      expect((await ok.waitForOriginal(undefined, 15_000)).embeds).toHaveLength(1);
    }
    const limited = discord.sendSlashCommand({ name: 'summarize', options: { url }, user: 'bob' });
    expect(await privateFailure(discord, limited)).toMatch(/^You're going a bit fast; try again in \d+ s\.$/);
  });

});

/** End-to-end: a cached answer never waits in the work queue. */
describe('cached answers first, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  beforeAll(async () => {
    // A small queue: 8 at once, 1 waiting. Slow pages are held until the test lets them go, however loaded the machine.
    h = await startHarness({ env: { QUEUE_SIZE: '1', FETCH_TIMEOUT_MS: '60000' } });
    discord = h.discord;
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  it('answers a cached page at once while slow fetches fill the queue, and tells a new one privately that Skim is busy', async () => {
    const cachedUrl = h.serve(at(LIBRARY, '/cached'));
    const first = discord.sendSlashCommand({ name: 'summarize', options: { url: cachedUrl }, user: 'carol' });
    expect((await first.waitForOriginal(undefined, 15_000)).embeds).toHaveLength(1);

    // Eight fetches run and one waits: the queue is full. Each user stays under the rate limit.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = Array.from({ length: 9 }, (_, i) =>
      discord.sendSlashCommand({ name: 'summarize', options: { url: h.serve(at(LIBRARY, `/slow-${i}`), { until: held }) }, user: ['alice', 'bob', 'carol'][i % 3]! }),
    );
    for (const handle of slow) await expectDeferredInTime(discord, handle);

    const cached = discord.sendSlashCommand({ name: 'summarize', options: { url: cachedUrl }, user: 'bob' });
    await expectDeferredInTime(discord, cached);
    const answer = await cached.waitForOriginal();
    expect(answer.embeds[0]?.title).toBe(LIBRARY.title);
    expect(answer.embeds[0]?.footer?.text).toMatch(/cached$/);
    // It did not wait behind them: the slow ones are all still thinking.
    expect(slow.every((handle) => ((handle.original()?.flags ?? 0) & LOADING) !== 0)).toBe(true);

    const busy = discord.sendSlashCommand({ name: 'summarize', options: { url: h.serve(at(LIBRARY, '/one-too-many')) }, user: 'alice' });
    expect(await privateFailure(discord, busy)).toBe('Skim is busy right now; try again shortly.');

    release();
    for (const handle of slow) expect((await handle.waitForOriginal(undefined, 20_000)).embeds).toHaveLength(1);
  });
});
