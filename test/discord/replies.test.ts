import { DiscordAPIError, MessageFlags, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { SkimError } from '../../src/core/errors.js';
import { failureText, replyWithError } from '../../src/discord/replies.js';
import { silentLogger } from '../../src/logger.js';
import { capturingLogger } from '../helpers/cacheStores.js';
import { fakeInteraction } from './fakes.js';

const asRepliable = (i: ReturnType<typeof fakeInteraction>) => i as unknown as RepliableInteraction;

describe('failureText', () => {
  it("is the error's own short message for a SkimError, an apology otherwise", () => {
    expect(failureText(new SkimError('TIMEOUT'))).toBe('The site took too long to answer.');
    expect(failureText(new Error('ECONNRESET at socket.js:1'))).toBe('Something went wrong on our side. Sorry!');
  });

  it("reads Discord's refusals as a permission problem", () => {
    const refusal = new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', '/x', { body: undefined, files: undefined });
    expect(failureText(refusal)).toBe("Skim doesn't have permission to do that here.");
  });
});

describe('replyWithError', () => {
  it('edits a private deferred reply, clearing embeds and buttons', async () => {
    const interaction = fakeInteraction();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await replyWithError(asRepliable(interaction), new SkimError('NOT_AN_ARTICLE'), silentLogger);
    expect(interaction.calls.editReply).toEqual([
      { content: 'No article text was found on that page.', embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false } },
    ]);
    expect(interaction.calls.followUp).toEqual([]);
  });

  it('deletes a public "thinking" reply and tells only the person who asked', async () => {
    const interaction = fakeInteraction();
    await interaction.deferReply();
    await replyWithError(asRepliable(interaction), new SkimError('RATE_LIMITED', "You're going a bit fast; try again in 9 s."), silentLogger);
    expect(interaction.calls.deleteReply).toBe(1);
    expect(interaction.calls.editReply).toEqual([]);
    expect(interaction.calls.followUp).toEqual([
      { content: "You're going a bit fast; try again in 9 s.", flags: MessageFlags.Ephemeral, allowedMentions: { parse: [], repliedUser: false } },
    ]);
  });

  it('keeps a reply that already shows something and follows up privately', async () => {
    const interaction = fakeInteraction();
    await interaction.deferReply();
    await interaction.editReply({ content: 'the summary' });
    await replyWithError(asRepliable(interaction), new SkimError('BUSY'), silentLogger);
    expect(interaction.calls.deleteReply).toBe(0);
    expect(interaction.calls.editReply).toHaveLength(1);
    expect(interaction.calls.followUp).toMatchObject([{ content: 'Skim is busy right now; try again shortly.', flags: MessageFlags.Ephemeral }]);
  });

  it('replies privately when nothing was sent yet', async () => {
    const interaction = fakeInteraction();
    await replyWithError(asRepliable(interaction), new SkimError('BUSY'), silentLogger);
    expect(interaction.calls.reply).toEqual([{ content: 'Skim is busy right now; try again shortly.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [], repliedUser: false } }]);
  });

  it('logs unexpected errors with the context, and never throws when the reply fails too', async () => {
    const { logger, records } = capturingLogger();
    const interaction = fakeInteraction();
    interaction.reply = async () => Promise.reject(new Error('Unknown interaction'));
    await expect(replyWithError(asRepliable(interaction), new Error('bug'), logger)).resolves.toBeUndefined();
    expect(records.find((r) => r.msg === 'interaction failed')).toMatchObject({ interactionId: interaction.id, userId: interaction.user.id });
    expect(records.some((r) => r.msg === 'could not tell the user about a failure')).toBe(true);
  });
});
