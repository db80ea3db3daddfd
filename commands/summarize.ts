import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SkimError } from '../src/core/errors.js';
import type { Source } from '../src/core/pipeline.js';
import { SUMMARY_LENGTHS } from '../src/core/selectSummary.js';
import { attachmentSource, type AttachmentLike } from '../src/discord/attachments.js';
import type { BotContext } from '../src/discord/context.js';
import { replyWithSummary } from '../src/discord/summaryReply.js';

/** Longest `text` option, as Discord allows for a string option. */
export const MAX_TEXT_CHARS = 6000;

export const data = {
  name: 'summarize',
  description: 'Summarize a web page, some text, a text file or a PDF',
  type: ApplicationCommandType.ChatInput,
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    { type: ApplicationCommandOptionType.String, name: 'url', description: 'A link to an article', max_length: 2048 },
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'Text to summarize (up to 6000 characters)', max_length: MAX_TEXT_CHARS },
    { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'A .txt, .md, .html or .pdf file' },
    {
      type: ApplicationCommandOptionType.String,
      name: 'length',
      description: 'How long a summary',
      choices: [
        { name: 'short', value: 'short' },
        { name: 'medium', value: 'medium' },
        { name: 'long', value: 'long' },
      ],
    },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the summary' },
    { type: ApplicationCommandOptionType.Boolean, name: 'refresh', description: 'Fetch the page again instead of using the cache' },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The options as given, before validation. */
export interface SummarizeInput {
  url?: string | null;
  text?: string | null;
  file?: AttachmentLike | null;
  length?: string | null;
  private?: boolean | null;
  refresh?: boolean | null;
}

/** Validated options: exactly one source. */
export type SummarizeOptions = {
  input: { url: string } | { text: string } | { file: AttachmentLike };
  length?: keyof typeof SUMMARY_LENGTHS;
  private: boolean;
  refresh: boolean;
};

/** The hint shown for none or several sources. */
export const USAGE_HINT =
  'Give one thing to summarize: `url` (a link), `text` (pasted text) or `file` (a .txt, .md, .html or .pdf file). For example: `/summarize url:https://example.com/article`';

/** Validates the options: exactly one of url, text and file, a known length, text within its cap. */
export function parseSummarizeOptions(input: SummarizeInput): { ok: true; options: SummarizeOptions } | { ok: false; hint: string } {
  const url = input.url?.trim();
  const text = input.text?.trim();
  const given = [url, text, input.file].filter((v) => v !== undefined && v !== null && v !== '');
  if (given.length !== 1) return { ok: false, hint: USAGE_HINT };
  if (text && text.length > MAX_TEXT_CHARS) return { ok: false, hint: `That text is too long: paste up to ${MAX_TEXT_CHARS} characters, or attach it as a file.` };
  const length = input.length ?? undefined;
  if (length !== undefined && !(length in SUMMARY_LENGTHS)) return { ok: false, hint: 'Pick a length: short, medium or long.' };
  const source = url ? { url: withScheme(url) } : text ? { text } : { file: input.file! };
  return {
    ok: true,
    options: {
      input: source,
      ...(length ? { length: length as keyof typeof SUMMARY_LENGTHS } : {}),
      private: input.private === true,
      refresh: input.refresh === true,
    },
  };
}

/** "example.com/story" means https; anything with a scheme is left for the pipeline to accept or refuse. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}

/** Reads the interaction's options into {@link SummarizeInput}. */
function readOptions(interaction: ChatInputCommandInteraction): SummarizeInput {
  const o = interaction.options;
  return {
    url: o.getString('url'),
    text: o.getString('text'),
    file: o.getAttachment('file'),
    length: o.getString('length'),
    private: o.getBoolean('private'),
    refresh: o.getBoolean('refresh'),
  };
}

/** `/summarize`: validate, defer, resolve the source, summarize into the deferred reply. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseSummarizeOptions(readOptions(interaction));
  // Answered privately, at once, by the router (the one place errors become replies).
  if (!parsed.ok) throw new SkimError('BAD_INPUT', parsed.hint);
  const { options } = parsed;
  await interaction.deferReply(options.private ? { flags: MessageFlags.Ephemeral } : {});
  const source: Source = 'file' in options.input ? await attachmentSource(options.input.file, ctx.fetchAttachment) : options.input;
  await replyWithSummary(
    interaction,
    {
      source,
      refresh: options.refresh,
      ephemeral: options.private,
      ...(options.length ? { sentences: SUMMARY_LENGTHS[options.length] } : {}),
    },
    ctx,
  );
}
