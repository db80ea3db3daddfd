import type { Interaction } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { commandSet, type SlashCommand } from '../../src/discord/command.js';
import { handleInteraction } from '../../src/discord/interactions.js';
import { fakeInteraction, privateFailure, testContext } from './fakes.js';

const asInteraction = (i: ReturnType<typeof fakeInteraction>) => i as unknown as Interaction;

describe('handleInteraction', () => {
  it('runs the command by its name', async () => {
    const execute = vi.fn(async () => undefined);
    const commands = commandSet([{ data: { name: 'ping', description: 'p' }, execute } as SlashCommand], []);
    const interaction = fakeInteraction({ commandName: 'ping' });
    await handleInteraction(asInteraction(interaction), commands, await testContext());
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('answers an unknown command and never lets an error escape', async () => {
    const interaction = fakeInteraction({ commandName: 'nope' });
    await handleInteraction(asInteraction(interaction), commandSet([], []), await testContext());
    expect(interaction.calls.reply).toHaveLength(1);
    const throwing = commandSet([{ data: { name: 'boom', description: 'b' }, execute: async (i) => { await i.deferReply(); throw new RangeError('bug'); } } as SlashCommand], []);
    const boom = fakeInteraction({ commandName: 'boom' });
    await expect(handleInteraction(asInteraction(boom), throwing, await testContext())).resolves.toBeUndefined();
    expect(privateFailure(boom).content).toBe('Something went wrong on our side. Sorry!');
  });

  it('answers a button it does not know privately instead of leaving it to fail', async () => {
    const interaction = fakeInteraction({ kind: 'button', customId: 'skim:old-button' });
    await handleInteraction(asInteraction(interaction), commandSet([], []), await testContext());
    expect(interaction.calls.reply).toEqual([expect.objectContaining({ content: 'That button no longer works; summarize the article again.', flags: 64 })]);
  });

  it('turns new work away while shutting down', async () => {
    const execute = vi.fn();
    const commands = commandSet([{ data: { name: 'ping', description: 'p' }, execute } as SlashCommand], []);
    const interaction = fakeInteraction({ commandName: 'ping' });
    await handleInteraction(asInteraction(interaction), commands, await testContext(), false);
    expect(execute).not.toHaveBeenCalled();
    expect(interaction.calls.reply).toEqual([expect.objectContaining({ content: 'Skim is restarting; try again in a minute.' })]);
  });
});
