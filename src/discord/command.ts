import type {
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.js';

/** A slash command: its definition as API JSON, and a thin handler that defers within 3 s. */
export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}

/** A message context-menu command. */
export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

/** The commands a bot serves, by name. */
export interface CommandSet {
  slash: ReadonlyMap<string, SlashCommand>;
  message: ReadonlyMap<string, MessageCommand>;
}

/** Indexes command lists by name. */
export function commandSet(slash: readonly SlashCommand[], message: readonly MessageCommand[]): CommandSet {
  return {
    slash: new Map(slash.map((c) => [c.data.name, c])),
    message: new Map(message.map((c) => [c.data.name, c])),
  };
}
