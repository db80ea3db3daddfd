import type { Interaction } from 'discord.js';
import { messageCommands, slashCommands } from '../../commands/index.js';
import { commandSet } from '../../src/discord/command.js';
import type { BotContext } from '../../src/discord/context.js';
import { handleInteraction } from '../../src/discord/interactions.js';
import type { FakeInteraction } from '../discord/fakes.js';

const commands = commandSet(slashCommands, messageCommands);

/** Runs a fake interaction through the bot's router, as the client would. */
export function run(interaction: FakeInteraction, ctx: BotContext): Promise<void> {
  return handleInteraction(interaction as unknown as Interaction, commands, ctx);
}
