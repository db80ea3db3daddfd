import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, FakeMessage } from '../fakeDiscord/index.js';
import { bullets, expectDeferredInTime, startHarness, type Harness } from './harness.js';
import { at, NIGHT_TRAINS } from './pages.js';

const EPHEMERAL = 64;

/** Resolves once `check` holds, polling the fake's state; fails after `timeoutMs`, saying what it waited for. */
async function until(check: () => true | undefined, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** End-to-end: the Shorter, Longer and Refresh buttons under a summary, clicked on the loopback Discord. */
describe('summary buttons, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  let url: string;
  let summary: FakeMessage;
  beforeAll(async () => {
    h = await startHarness();
    discord = h.discord;
    url = h.serve(at(NIGHT_TRAINS, '/travel/buttons'));
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url, length: 'short' }, user: 'alice' });
    await expectDeferredInTime(discord, handle);
    summary = await handle.waitForOriginal(undefined, 15_000);
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  const shown = (): number => bullets(discord.message(summary.id)?.embeds[0]?.description).length;
  const click = async (customId: string, user = 'alice') => {
    const handle = discord.sendButton({ message: summary.id, customId, user });
    await handle.waitForCallback();
    return handle;
  };

  it('offers Shorter, Longer and Refresh under a summary of a link', () => {
    const ids = JSON.stringify(summary.components);
    for (const id of ['skim:shorter', 'skim:longer', 'skim:refresh']) expect(ids).toContain(id);
    expect(shown()).toBe(2);
  });

  it('makes the summary longer, then shorter again, in place', async () => {
    await click('skim:longer');
    await until(() => (shown() === 4 ? true : undefined), 10_000, 'a longer summary');
    await click('skim:shorter');
    await until(() => (shown() === 2 ? true : undefined), 10_000, 'a shorter summary');
    expect(h.fetchesOf(url)).toBe(0);
  });

  it("refuses someone else's Refresh privately, and fetches again for the person who asked", async () => {
    const refused = await click('skim:refresh', 'bob');
    const note = await refused.waitForFollowUp();
    expect(note.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(note.content).toBe('Only the person who asked for this summary (or a moderator) can refresh it.');
    expect(h.fetchesOf(url)).toBe(0);
    expect(discord.message(summary.id)).toBeDefined();

    await click('skim:refresh', 'alice');
    await until(() => (h.fetchesOf(url) === 1 ? true : undefined), 10_000, 'a fresh fetch');
    await until(() => (discord.message(summary.id)?.embeds[0]?.footer?.text.includes('cached') === false ? true : undefined), 10_000, 'the refreshed summary');
  });

  it('still works after a restart', async () => {
    await h.restart();
    await click('skim:longer');
    await until(() => (shown() === 4 ? true : undefined), 10_000, 'a longer summary after a restart');
  });
});
