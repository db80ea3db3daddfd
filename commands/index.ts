import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { MessageCommand, SlashCommand } from '../src/discord/command.js';
import * as skim from './skim.js';
import * as skimStatus from './skimStatus.js';
import * as summarize from './summarize.js';
import * as summarizeMessage from './summarizeMessage.js';

/** Every slash command the bot serves. */
export const slashCommands: SlashCommand[] = [summarize, skim, skimStatus];

/** Every message context-menu command. */
export const messageCommands: MessageCommand[] = [summarizeMessage];

/** The definitions `npm run deploy-commands` registers. */
export const commandData: RESTPostAPIApplicationCommandsJSONBody[] = [...slashCommands, ...messageCommands].map((c) => c.data);
