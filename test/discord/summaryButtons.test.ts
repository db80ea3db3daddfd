import { PermissionFlagsBits, PermissionsBitField, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { urlKey } from '../../src/core/cache/index.js';
import { handleInteraction } from '../../src/discord/interactions.js';
import { commandSet } from '../../src/discord/command.js';
import { summaryButtonRow } from '../../src/discord/summaryButtons.js';
import { ARTICLE_URL, fakeFetcher, fakeInteraction, testConfig, testContext, USER_ID } from './fakes.js';

const asInteraction = (i: ReturnType<typeof fakeInteraction>) => i as unknown as Interaction;

/** A button press on a summary message that shows an embed. */
function press(customId: string, init: Parameters<typeof fakeInteraction>[0] = {}) {
  const interaction = fakeInteraction({ kind: 'button', customId, ...init });
  (interaction.message as unknown as { embeds: unknown[] }).embeds = [{ title: 'shown' }];
  return interaction;
}

/** A context whose store links the message to the article, as a /summarize of ARTICLE_URL left it; its cache is empty. */
async function linkedContext(messageId: string, fetchPage = fakeFetcher()) {
  const ctx = await testContext({ fetchPage });
  await ctx.threads.set(messageId, {
    articles: [{ key: urlKey(ARTICLE_URL), title: 'Harbor City', source: { url: ARTICLE_URL }, shown: 2 }],
    channelId: '1',
    requesterId: USER_ID,
  });
  return ctx;
}

const bulletsOf = (edit: Record<string, unknown> | undefined) =>
  ((edit?.embeds as Array<{ description?: string }> | undefined)?.[0]?.description ?? '').split('\n').filter((l) => l.startsWith('• '));

describe('summaryButtonRow', () => {
  it('offers Refresh only for a link, and Ask only where there is no thread', () => {
    const ids = (row: ReturnType<typeof summaryButtonRow>) => row.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids(summaryButtonRow({ refresh: true, ask: false }))).toEqual(['skim:shorter', 'skim:longer', 'skim:refresh']);
    expect(ids(summaryButtonRow({ refresh: false, ask: true }))).toEqual(['skim:shorter', 'skim:longer', 'skim:ask']);
  });
});

describe('handleSummaryButton', () => {
  it('makes the summary longer in place, getting the page again once the cache has let it go', async () => {
    const fetchPage = fakeFetcher();
    const interaction = press('skim:longer');
    const ctx = await linkedContext(interaction.message.id, fetchPage);
    await handleInteraction(asInteraction(interaction), commandSet([], []), ctx);
    expect(interaction.calls.deferUpdate).toBe(1);
    expect(bulletsOf(interaction.calls.editReply.at(-1))).toHaveLength(4);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect((await ctx.threads.get(interaction.message.id))?.articles[0]?.shown).toBe(4);
  });

  it("refuses someone else's Refresh privately, leaving the summary as it is, but lets a moderator refresh", async () => {
    const stranger = press('skim:refresh', { userId: '900000000000000077', memberPermissions: new PermissionsBitField(0n) });
    const ctx = await linkedContext(stranger.message.id);
    await handleInteraction(asInteraction(stranger), commandSet([], []), ctx);
    expect(stranger.calls.editReply).toEqual([]);
    expect(stranger.calls.deleteReply).toBe(0);
    expect(stranger.calls.followUp).toMatchObject([{ content: 'Only the person who asked for this summary (or a moderator) can refresh it.', flags: 64 }]);

    const moderator = press('skim:refresh', { userId: '900000000000000078', memberPermissions: new PermissionsBitField(PermissionFlagsBits.ManageMessages) });
    const modCtx = await linkedContext(moderator.message.id);
    await handleInteraction(asInteraction(moderator), commandSet([], []), modCtx);
    expect(bulletsOf(moderator.calls.editReply.at(-1))).toHaveLength(2);
  });

  it('is rate-limited like a command, telling the presser privately', async () => {
    const first = press('skim:longer');
    const ctx = await testContext({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '1' }) });
    await ctx.threads.set(first.message.id, {
      articles: [{ key: urlKey(ARTICLE_URL), title: 'Harbor City', source: { url: ARTICLE_URL }, shown: 2 }],
      channelId: '1',
    });
    await handleInteraction(asInteraction(first), commandSet([], []), ctx);
    const second = press('skim:longer', { message: first.message });
    await handleInteraction(asInteraction(second), commandSet([], []), ctx);
    expect(second.calls.editReply).toEqual([]);
    expect(String(second.calls.followUp[0]?.content)).toMatch(/^You're going a bit fast; try again in \d+ s\.$/);
  });

  it('says privately that a summary it knows nothing of is too old for its buttons', async () => {
    const interaction = press('skim:shorter');
    await handleInteraction(asInteraction(interaction), commandSet([], []), await testContext());
    expect(interaction.calls.followUp).toMatchObject([{ content: 'That summary is too old for its buttons; summarize the article again.' }]);
  });
});
