import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { SkimError } from '../core/errors.js';
import { answerText } from './articles.js';
import type { BotContext } from './context.js';
import { NO_MENTIONS } from './replies.js';

/** The custom id of the "Ask a question" button. */
export const ASK_BUTTON_ID = 'skim:ask';
const MODAL_PREFIX = 'skim:ask:';
const QUESTION_INPUT_ID = 'question';

/** The row holding the "Ask a question" button, for summaries that cannot have a thread. */
export function askButtonRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ASK_BUTTON_ID, label: 'Ask a question', emoji: { name: '❓' } }],
  };
}

/** The modal asking for a question about the summary in message `messageId`. */
export function askModal(messageId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${MODAL_PREFIX}${messageId}`,
    title: 'Ask about the article',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: QUESTION_INPUT_ID,
            style: TextInputStyle.Paragraph,
            label: 'Your question',
            placeholder: 'Who is involved? When did it happen?',
            min_length: 2,
            max_length: 300,
            required: true,
          },
        ],
      },
    ],
  };
}

/** Whether a custom id is the question modal's. */
export function isAskModal(customId: string): boolean {
  return customId.startsWith(MODAL_PREFIX);
}

/** The button opens the modal at once (a modal must be the first response, so nothing is read first). */
export async function handleAskButton(interaction: ButtonInteraction, _ctx: BotContext): Promise<void> {
  await interaction.showModal(askModal(interaction.message.id));
}

/**
 * Answers the modal's question privately: deferred at once, rate-limited like commands, answered from the
 * summary's articles (fetched again when the cache has let them go).
 * @throws SkimError for an expired summary, a rate limit or a failed fetch (the router replies).
 */
export async function handleAskModal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const messageId = interaction.customId.slice(MODAL_PREFIX.length);
  const question = interaction.fields.getTextInputValue(QUESTION_INPUT_ID).trim();
  await ctx.limiter.take({ userId: interaction.user.id, guildId: interaction.guildId });
  const link = await ctx.threads.get(messageId);
  if (!link) throw new SkimError('BAD_INPUT', 'That summary is too old to ask about; summarize the article again.');
  const content = await answerText(link, question, ctx);
  await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
}
