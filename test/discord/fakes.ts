import { readFileSync } from 'node:fs';
import { ChannelType, Collection, MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { vi, type Mock } from 'vitest';
import { loadBotConfig, type BotConfig } from '../../src/config.js';
import { openCache, type SkimCache } from '../../src/core/cache/index.js';
import type { FetchedPage } from '../../src/core/fetch/index.js';
import { SkimError } from '../../src/core/errors.js';
import { DIGEST_SCHEMA, type Digest, type Entity } from '../../src/core/types.js';
import { createBotContext, type BotContext } from '../../src/discord/context.js';
import { REQUIRED_PERMISSIONS } from '../../src/discord/permissions.js';
import { silentLogger } from '../../src/logger.js';

/** Fake objects shaped like the parts of discord.js the bot calls; no gateway, no REST. */

export const BOT_ID = '900000000000000001';
export const USER_ID = '900000000000000002';
export const GUILD_ID = '900000000000000003';
export const CHANNEL_ID = '900000000000000004';
export const ARTICLE_URL = 'https://herald.example/news/harbor-city-tidal-power';

/** The sample article page (Harbor City's tidal power station). */
export const ARTICLE_HTML = readFileSync(new URL('../fixtures/sample-article.html', import.meta.url), 'utf8');

/** Bot settings for tests; `env` overrides keys. */
export function testConfig(env: Record<string, string> = {}): BotConfig {
  return loadBotConfig({
    DISCORD_TOKEN: 'test-token',
    DISCORD_CLIENT_ID: '900000000000000009',
    CACHE_URL: 'memory',
    MESSAGE_CONTENT_INTENT: 'true',
    ...env,
  });
}

/** A fetcher serving `pages` (URL to HTML) and refusing everything else as a 404. */
export function fakeFetcher(pages: Record<string, string> = { [ARTICLE_URL]: ARTICLE_HTML }) {
  return vi.fn(async (url: string): Promise<FetchedPage> => {
    const html = pages[url];
    if (html === undefined) throw new SkimError('HTTP_STATUS', 'The site answered with an error.', { details: { status: 404 } });
    return { url, status: 200, contentType: 'text/html', charset: 'utf-8', body: new TextEncoder().encode(html) };
  });
}

/** A memory cache. */
export function memoryCache(): Promise<SkimCache> {
  return openCache('memory', { ttlSeconds: 3600, failureTtlSeconds: 60, logger: silentLogger });
}

/** A bot context over a memory cache (or `cache`), a fake fetcher and the bot id {@link BOT_ID}. */
export async function testContext(
  options: { config?: BotConfig; cache?: SkimCache; fetchPage?: ReturnType<typeof fakeFetcher>; overrides?: Partial<BotContext> } = {},
): Promise<BotContext> {
  const cache = options.cache ?? (await memoryCache());
  return createBotContext({
    config: options.config ?? testConfig(),
    services: { fetchPage: options.fetchPage ?? fakeFetcher(), cache },
    logger: silentLogger,
    overrides: {
      botUserId: () => BOT_ID,
      fetchAttachment: vi.fn(async () => new Uint8Array()),
      ...options.overrides,
    },
  });
}

/** Permissions as discord.js holds them; default: everything Skim asks for in its invite. */
export function perms(bits: bigint = REQUIRED_PERMISSIONS): Readonly<PermissionsBitField> {
  return new PermissionsBitField(bits);
}

/** Everything Skim asks for, less some flags. */
export function permsWithout(...flags: bigint[]): Readonly<PermissionsBitField> {
  return perms(flags.reduce((bits, flag) => bits & ~flag, REQUIRED_PERMISSIONS));
}

type Attachment = { name: string; size: number; url: string; contentType?: string | null };

/** A channel or thread as the bot sees it. */
export interface FakeChannel {
  id: string;
  type: ChannelType;
  name: string;
  ownerId: string | null;
  parentId: string | null;
  /** What was sent to it with `send`. */
  sent: Array<Record<string, unknown>>;
  threads: FakeChannel[];
  isThread(): boolean;
  isSendable(): boolean;
  permissionsFor: Mock<(id: string) => Readonly<PermissionsBitField> | null>;
  send: Mock<(options: Record<string, unknown>) => Promise<FakeMessage>>;
}

/** A message as the bot sees it. */
export interface FakeMessage {
  id: string;
  content: string;
  author: { id: string; bot: boolean };
  webhookId: null;
  guildId: string | null;
  channelId: string;
  channel: FakeChannel;
  attachments: Collection<string, Attachment>;
  inGuild(): boolean;
  /** Users it mentions, and the author of the message it replies to. */
  mentions: { users: Collection<string, { id: string }>; repliedUser: { id: string } | null };
  /** Replies to it (message.reply). */
  replies: FakeMessage[];
  /** For a message the bot sent: what it was sent (and edited) with. */
  options?: Record<string, unknown>;
  reply: Mock<(options: Record<string, unknown>) => Promise<FakeMessage>>;
  edit: Mock<(options: Record<string, unknown>) => Promise<unknown>>;
  /** Reactions Skim left on it (message.react). */
  reactions: string[];
  react: Mock<(emoji: string) => Promise<unknown>>;
  startThread: Mock<(options: { name: string; autoArchiveDuration: number }) => Promise<FakeChannel>>;
}

/** A message the bot sent or received: records replies, edits and the thread it starts. */
export function fakeMessage(init: {
  id?: string;
  content?: string;
  authorId?: string;
  bot?: boolean;
  guildId?: string | null;
  channel?: FakeChannel;
  attachments?: Attachment[];
  threadFails?: boolean;
  mentions?: string[];
  repliesTo?: string;
} = {}): FakeMessage {
  const channel = init.channel ?? fakeChannel();
  const sent: FakeMessage[] = [];
  const message: FakeMessage = {
    id: init.id ?? nextId(),
    content: init.content ?? '',
    author: { id: init.authorId ?? USER_ID, bot: init.bot ?? false },
    webhookId: null,
    guildId: init.guildId === undefined ? GUILD_ID : init.guildId,
    channelId: channel.id,
    channel,
    attachments: new Collection((init.attachments ?? []).map((a, i) => [String(i), a])),
    inGuild() {
      return this.guildId !== null;
    },
    mentions: {
      users: new Collection((init.mentions ?? []).map((id) => [id, { id }])),
      repliedUser: init.repliesTo ? { id: init.repliesTo } : null,
    },
    replies: sent,
    reply: vi.fn(async (options: Record<string, unknown>) => record(sent, channel, options)),
    edit: vi.fn(async (options: Record<string, unknown>) => {
      message.options = { ...message.options, ...options };
      return message;
    }),
    reactions: [],
    react: vi.fn(async (emoji: string) => {
      message.reactions.push(emoji);
      return undefined;
    }),
    startThread: vi.fn(async (options: { name: string; autoArchiveDuration: number }) => {
      if (init.threadFails) throw new Error('Missing Permissions');
      const thread = fakeChannel({ id: message.id, type: ChannelType.PublicThread, ownerId: BOT_ID, parentId: channel.id, name: options.name });
      channel.threads.push(thread);
      return thread;
    }),
  };
  return message;
}

/** A channel (or thread) with Skim's permissions in it, recording what is sent. */
export function fakeChannel(init: {
  id?: string;
  type?: ChannelType;
  permissions?: Readonly<PermissionsBitField> | null;
  ownerId?: string;
  parentId?: string;
  name?: string;
} = {}): FakeChannel {
  const type = init.type ?? ChannelType.GuildText;
  const channel: FakeChannel = {
    id: init.id ?? CHANNEL_ID,
    type,
    name: init.name ?? 'general',
    ownerId: init.ownerId ?? null,
    parentId: init.parentId ?? null,
    sent: [],
    threads: [],
    isThread: () => type === ChannelType.PublicThread || type === ChannelType.PrivateThread,
    isSendable: () => true,
    permissionsFor: vi.fn(() => (init.permissions === undefined ? perms() : init.permissions)),
    send: vi.fn(async (options: Record<string, unknown>) => record([], channel, options)),
  };
  return channel;
}

function record(list: FakeMessage[], channel: FakeChannel, options: Record<string, unknown>): FakeMessage {
  channel.sent.push(options);
  const message = fakeMessage({ authorId: BOT_ID, bot: true, channel, content: String(options.content ?? '') });
  message.options = options;
  list.push(message);
  return message;
}

let counter = 100;
/** A fresh snowflake-like id. */
export function nextId(): string {
  counter += 1;
  return `9100000000000${String(counter).padStart(5, '0')}`;
}

/** Options of a command as `interaction.options` reads them. */
export interface FakeOptions {
  strings?: Record<string, string | undefined>;
  booleans?: Record<string, boolean | undefined>;
  attachments?: Record<string, Attachment | undefined>;
  channels?: Record<string, { id: string } | undefined>;
  subcommand?: string;
}

/**
 * A command interaction: records reply, deferReply and editReply, tracks `deferred`/`replied` like
 * discord.js, and answers editReply with a message that can start a thread.
 */
export function fakeInteraction(init: {
  kind?: 'slash' | 'message' | 'button' | 'modal';
  commandName?: string;
  options?: FakeOptions;
  userId?: string;
  guildId?: string | null;
  channel?: FakeChannel | null;
  appPermissions?: Readonly<PermissionsBitField>;
  memberPermissions?: Readonly<PermissionsBitField>;
  targetMessage?: FakeMessage;
  customId?: string;
  message?: FakeMessage;
  fields?: Record<string, string>;
  threadFails?: boolean;
} = {}) {
  const kind = init.kind ?? 'slash';
  const channel = init.channel === undefined ? fakeChannel() : init.channel;
  const guildId = init.guildId === undefined ? GUILD_ID : init.guildId;
  const o = init.options ?? {};
  const calls = {
    reply: [] as unknown[],
    deferReply: [] as unknown[],
    editReply: [] as Array<Record<string, unknown>>,
    showModal: [] as unknown[],
    deleteReply: 0,
    deferUpdate: 0,
    followUp: [] as Array<Record<string, unknown>>,
  };
  const replyMessage = fakeMessage({ authorId: BOT_ID, bot: true, ...(channel ? { channel } : {}), threadFails: init.threadFails ?? false });
  const interaction = {
    id: nextId(),
    type: kind === 'button' ? 3 : kind === 'modal' ? 5 : 2,
    commandName: init.commandName ?? 'summarize',
    customId: init.customId ?? '',
    user: { id: init.userId ?? USER_ID },
    guildId,
    guild: null,
    channelId: channel?.id ?? CHANNEL_ID,
    channel,
    appPermissions: init.appPermissions ?? perms(),
    memberPermissions: init.memberPermissions ?? perms(PermissionFlagsBits.ManageGuild),
    targetMessage: init.targetMessage,
    message: init.message ?? replyMessage,
    client: { shard: null },
    deferred: false,
    replied: false,
    ephemeral: null as boolean | null,
    calls,
    replyMessage,
    inGuild: () => guildId !== null,
    isRepliable: () => true,
    isChatInputCommand: () => kind === 'slash',
    isMessageContextMenuCommand: () => kind === 'message',
    isButton: () => kind === 'button',
    isMessageComponent: () => kind === 'button',
    isModalSubmit: () => kind === 'modal',
    options: {
      getString: (name: string) => o.strings?.[name] ?? null,
      getBoolean: (name: string) => o.booleans?.[name] ?? null,
      getAttachment: (name: string) => o.attachments?.[name] ?? null,
      getChannel: (name: string) => o.channels?.[name] ?? null,
      getSubcommand: () => o.subcommand ?? '',
    },
    fields: { getTextInputValue: (name: string) => init.fields?.[name] ?? '' },
    async deferReply(options?: { flags?: number }) {
      if (this.deferred || this.replied) throw new Error('already acknowledged');
      this.deferred = true;
      // As discord.js does: the deferred reply's visibility is known from then on.
      this.ephemeral = ((options?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      calls.deferReply.push(options ?? {});
    },
    async reply(options: unknown) {
      if (this.deferred || this.replied) throw new Error('already acknowledged');
      this.replied = true;
      calls.reply.push(options);
    },
    async editReply(options: Record<string, unknown>) {
      if (!this.deferred && !this.replied) throw new Error('not acknowledged');
      this.replied = true;
      calls.editReply.push(options);
      replyMessage.options = { ...replyMessage.options, ...options };
      return replyMessage;
    },
    async deferUpdate() {
      if (this.deferred || this.replied) throw new Error('already acknowledged');
      this.deferred = true;
      calls.deferUpdate++;
    },
    async deleteReply() {
      if (!this.deferred && !this.replied) throw new Error('not acknowledged');
      calls.deleteReply++;
    },
    async followUp(options: Record<string, unknown>) {
      if (!this.deferred && !this.replied) throw new Error('not acknowledged');
      calls.followUp.push(options);
      return replyMessage;
    },
    async showModal(modal: unknown) {
      this.replied = true;
      calls.showModal.push(modal);
    },
  };
  return interaction;
}
export type FakeInteraction = ReturnType<typeof fakeInteraction>;

/**
 * The failure told to the person who asked, privately: the public "thinking" reply was deleted and the
 * message sent as an ephemeral follow-up.
 */
export function privateFailure(interaction: FakeInteraction): Record<string, unknown> {
  const followUp = interaction.calls.followUp.at(-1);
  if (!followUp) throw new Error('no private follow-up was sent');
  if (interaction.calls.deleteReply !== 1) throw new Error('the public reply was not deleted');
  if (interaction.calls.editReply.length !== 0) throw new Error('the public reply was edited');
  if (followUp.flags !== MessageFlags.Ephemeral) throw new Error('the follow-up is not ephemeral');
  return followUp;
}

/** The last content or embed the interaction's reply shows. */
export function lastEdit(interaction: FakeInteraction): Record<string, unknown> {
  const edit = interaction.calls.editReply.at(-1);
  if (!edit) throw new Error('the reply was never edited');
  return edit;
}

/** A digest made up of the given parts (the summary ranking is the sentence order). */
export function fakeDigest(init: {
  title?: string;
  url?: string;
  siteName?: string;
  byline?: string;
  publishedTime?: string;
  sentences?: string[];
  entities?: Entity[];
  defaultLength?: number;
  wordCount?: number;
} = {}): Digest {
  const sentences = init.sentences ?? ['Alice Smith met the board in Paris on Monday.', 'The deal was signed after a long night.'];
  const article: Digest['article'] = {
    title: init.title ?? 'A title',
    blocks: sentences.map((text) => ({ type: 'paragraph' as const, text })),
    source: 'html',
    ...(init.url === undefined ? { url: 'https://news.example/story' } : init.url ? { url: init.url } : {}),
    ...(init.siteName ? { siteName: init.siteName } : {}),
    ...(init.byline ? { byline: init.byline } : {}),
    ...(init.publishedTime ? { publishedTime: init.publishedTime } : {}),
  };
  return {
    schema: DIGEST_SCHEMA,
    key: `url:${article.url ?? 'pasted'}`,
    article,
    wordCount: init.wordCount ?? sentences.join(' ').split(/\s+/).length,
    sentences: sentences.map((text, index) => ({ text, block: index, index })),
    ranking: sentences.map((_, i) => i),
    defaultLength: init.defaultLength ?? Math.min(3, sentences.length),
    entities: init.entities ?? [
      { name: 'Alice Smith', type: 'person', mentions: 2 },
      { name: 'Paris', type: 'place', mentions: 1 },
    ],
  };
}

/** The sample article's paragraphs as pasted text. */
export const ARTICLE_TEXT = [...ARTICLE_HTML.matchAll(/<p>([^<]*(?:<(?!\/p>)[^<]*)*)<\/p>/g)]
  .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
  .filter((p) => p.length > 120)
  .join('\n\n');
