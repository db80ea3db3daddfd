import type { Interaction } from 'discord.js';
import { SkimError } from '../core/errors.js';
import { handleAskButton, handleAskModal, ASK_BUTTON_ID, isAskModal } from './ask.js';
import type { CommandSet } from './command.js';
import type { BotContext } from './context.js';
import { replyWithError } from './replies.js';
import { handleSummaryButton, isSummaryButton } from './summaryButtons.js';

/**
 * Routes an interaction to its command or component handler. Every failure, expected or not, ends in a short
 * reply from the error's code (editing the deferred reply when there is one); nothing escapes.
 */
export async function handleInteraction(interaction: Interaction, commands: CommandSet, ctx: BotContext, accepting = true): Promise<void> {
  if (!interaction.isRepliable()) return;
  try {
    if (!accepting) throw new SkimError('BUSY', 'Skim is restarting; try again in a minute.');
    if (interaction.isChatInputCommand()) {
      const command = commands.slash.get(interaction.commandName);
      if (!command) throw new SkimError('BAD_INPUT', 'Skim does not know that command (yet).');
      await command.execute(interaction, ctx);
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = commands.message.get(interaction.commandName);
      if (!command) throw new SkimError('BAD_INPUT', 'Skim does not know that command (yet).');
      await command.execute(interaction, ctx);
    } else if (interaction.isButton() && interaction.customId === ASK_BUTTON_ID) {
      await handleAskButton(interaction, ctx);
    } else if (interaction.isButton() && isSummaryButton(interaction.customId)) {
      await handleSummaryButton(interaction, ctx);
    } else if (interaction.isModalSubmit() && isAskModal(interaction.customId)) {
      await handleAskModal(interaction, ctx);
    } else {
      // A component of an older version of Skim: say so, rather than let Discord show "interaction failed".
      throw new SkimError('BAD_INPUT', 'That button no longer works; summarize the article again.');
    }
  } catch (error) {
    await replyWithError(interaction, error, ctx.logger);
  }
}
