/**
 * Builders for the JSON Discord sends: users, members, roles, channels, guilds, messages and interactions
 * (slash commands with options and resolved attachments, message context-menu commands, buttons, modal
 * submissions). Field sets follow what discord.js 14 reads; see the notes in the README.
 */
import type {
  AllowedMentions,
  FakeAttachment,
  FakeChannel,
  FakeCommand,
  FakeEmbed,
  FakeGuild,
  FakeMessage,
  FakeState,
  FakeUser,
  MessageReference,
} from './state.js';

type Json = Record<string, unknown>;

/** A member as Discord sends it; `permissions` is added where Discord adds it (interactions). */
export function memberPayload(state: FakeState, guild: FakeGuild, userId: string, withUser = true): Json {
  const member = guild.members.get(userId);
  if (!member) throw new Error(`fake Discord: user ${userId} is not a member of ${guild.name}`);
  return {
    ...(withUser ? { user: state.user(userId) } : {}),
    roles: member.roles, nick: member.nick, avatar: null, banner: null, joined_at: member.joinedAt,
    premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
  };
}

/** Permission bits travel as decimal strings. */
function bitsString(bits: bigint): string {
  return bits.toString();
}

export function rolesPayload(guild: FakeGuild): Json[] {
  return [...guild.roles.values()].map((role) => ({
    id: role.id, name: role.name, color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: false, icon: null, unicode_emoji: null, position: role.position, permissions: bitsString(role.permissions),
    managed: role.managed, mentionable: false, flags: 0, ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  }));
}

/** A guild channel or thread as Discord sends it. */
export function channelPayload(channel: FakeChannel): Json {
  const base: Json = {
    id: channel.id, type: channel.type, guild_id: channel.guildId, name: channel.name, parent_id: channel.parentId,
    last_message_id: channel.lastMessageId, rate_limit_per_user: 0, flags: 0, nsfw: channel.nsfw,
  };
  const thread = channel.thread;
  if (!thread) {
    return {
      ...base, position: channel.position, topic: channel.topic,
      permission_overwrites: channel.overwrites.map((o) => ({
        id: o.id, type: o.type, allow: bitsString(o.allow), deny: bitsString(o.deny),
      })),
    };
  }
  return {
    ...base, owner_id: thread.ownerId, message_count: thread.messageCount, member_count: thread.memberIds.size,
    total_message_sent: thread.messageCount,
    thread_metadata: {
      archived: thread.archived, auto_archive_duration: thread.autoArchiveDuration,
      archive_timestamp: thread.archiveTimestamp, locked: thread.locked, create_timestamp: thread.createTimestamp,
      ...(channel.type === 12 ? { invitable: true } : {}),
    },
  };
}

/** The thread-member object of a user in a thread (sent with a thread to its members). */
export function threadMemberPayload(thread: FakeChannel, userId: string): Json {
  return { id: thread.id, user_id: userId, join_timestamp: thread.thread?.createTimestamp, flags: 0 };
}

/** GUILD_CREATE data; without the GUILD_MEMBERS intent only the bot's own member is included, as on Discord. */
export function guildCreatePayload(state: FakeState, guild: FakeGuild, allMembers: boolean): Json {
  const channels = guild.channelIds.map((id) => state.channel(id));
  const memberIds = allMembers ? [...guild.members.keys()] : [state.botUser.id];
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, banner: null,
    description: null, owner_id: guild.ownerId, afk_channel_id: null, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 1, explicit_content_filter: 0, features: [], mfa_level: 0,
    system_channel_id: channels[0]?.id ?? null, system_channel_flags: 0, rules_channel_id: null,
    vanity_url_code: null, premium_tier: 0, premium_subscription_count: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false, application_id: null,
    max_members: 500000, max_video_channel_users: 25, safety_alerts_channel_id: null,
    joined_at: guild.members.get(state.botUser.id)?.joinedAt, large: false, unavailable: false,
    member_count: guild.members.size, lazy: true,
    roles: rolesPayload(guild), emojis: [], stickers: [], voice_states: [], presences: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [], embedded_activities: [],
    channels: channels.filter((c) => !c.thread).map(channelPayload),
    threads: channels.filter((c) => c.thread && !c.thread.archived).map(channelPayload),
    members: memberIds.map((id) => memberPayload(state, guild, id)),
  };
}

const USER_MENTION = /<@!?(\d+)>/g;
const ROLE_MENTION = /<@&(\d+)>/g;

/** Who a message really pings, applying `allowed_mentions` the way Discord does (absent: everything parsed). */
export function resolveMentions(
  state: FakeState, guild: FakeGuild | undefined, content: string, allowed: AllowedMentions | undefined,
  repliedTo: FakeMessage | undefined,
): Pick<FakeMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
  const parse = allowed ? new Set(allowed.parse ?? []) : new Set(['users', 'roles', 'everyone']);
  const userIds = [...content.matchAll(USER_MENTION)].map((m) => m[1] as string)
    .filter((id) => parse.has('users') || (allowed?.users ?? []).includes(id));
  if (repliedTo && (allowed ? allowed.replied_user === true : true)) userIds.push(repliedTo.author.id);
  const roleIds = [...content.matchAll(ROLE_MENTION)].map((m) => m[1] as string)
    .filter((id) => (parse.has('roles') || (allowed?.roles ?? []).includes(id)) && guild?.roles.has(id));
  const mentions = [...new Set(userIds)].map((id) => state.users.get(id)).filter((u): u is FakeUser => u !== undefined);
  return {
    mentions, mention_roles: [...new Set(roleIds)], mention_everyone: parse.has('everyone') && /@(everyone|here)\b/.test(content),
  };
}

/** What goes into a new message; everything but the channel and author is optional. */
export interface MessageDraft {
  channel: FakeChannel;
  author: FakeUser;
  content?: string;
  embeds?: FakeEmbed[];
  attachments?: FakeAttachment[];
  components?: unknown[];
  flags?: number;
  type?: number;
  reference?: MessageReference;
  allowedMentions?: AllowedMentions;
  interactionMetadata?: Json;
  webhookId?: string;
  nonce?: string | number;
  tts?: boolean;
}

/** Builds (but does not store) a message as Discord would create it, with id, timestamp and pings. */
export function buildMessage(state: FakeState, draft: MessageDraft): FakeMessage {
  const id = state.ids.next();
  const guild = state.guilds.get(draft.channel.guildId);
  const referenced = draft.reference?.message_id ? state.findMessage(draft.reference.message_id) : undefined;
  const content = draft.content ?? '';
  const message: FakeMessage = {
    id, channel_id: draft.channel.id, guild_id: draft.channel.guildId, author: draft.author, content,
    timestamp: new Date().toISOString(), edited_timestamp: null, tts: draft.tts ?? false,
    ...resolveMentions(state, guild, content, draft.allowedMentions, referenced),
    attachments: draft.attachments ?? [], embeds: (draft.embeds ?? []).map((e) => ({ type: 'rich', ...e })),
    components: draft.components ?? [], pinned: false, type: draft.type ?? (referenced ? 19 : 0),
    flags: draft.flags ?? 0,
  };
  if (draft.reference) {
    message.message_reference = {
      type: 0, message_id: draft.reference.message_id, channel_id: draft.reference.channel_id ?? draft.channel.id,
      guild_id: draft.channel.guildId,
    };
    message.referenced_message = referenced ?? null;
  }
  if (draft.interactionMetadata) message.interaction_metadata = draft.interactionMetadata;
  if (draft.webhookId) {
    message.webhook_id = draft.webhookId;
    message.application_id = draft.webhookId;
  }
  if (draft.nonce !== undefined) message.nonce = draft.nonce;
  if (draft.allowedMentions) message.allowed_mentions = draft.allowedMentions;
  return message;
}

/**
 * A message as a client receives it. Without the MESSAGE_CONTENT intent Discord empties content, embeds,
 * attachments and components, except in the bot's own messages and messages that mention the bot.
 */
export function wireMessage(message: FakeMessage, botId: string, canReadContent = true): Json {
  const { allowed_mentions: _asked, referenced_message: referenced, ...rest } = message;
  const visible = canReadContent || message.author.id === botId || message.mentions.some((u) => u.id === botId);
  const out: Json = visible ? { ...rest } : { ...rest, content: '', embeds: [], attachments: [], components: [] };
  if (referenced !== undefined) out.referenced_message = referenced ? wireMessage(referenced, botId, canReadContent) : null;
  return out;
}

/** A value for a slash-command option: plain values, or an attachment or user object from the fake. */
export type OptionValue = string | number | boolean | FakeAttachment | FakeUser | { channelId: string } | { roleId: string };

/** Option types as Discord numbers them. */
export const OptionType = {
  SUB_COMMAND: 1, SUB_COMMAND_GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8,
  MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11,
} as const;

type OptionDef = Json & { name: string; type: number; required?: boolean; options?: OptionDef[]; choices?: { value: unknown }[] };

function isAttachment(v: OptionValue): v is FakeAttachment {
  return typeof v === 'object' && 'filename' in v && 'url' in v;
}

function isUser(v: OptionValue): v is FakeUser {
  return typeof v === 'object' && 'username' in v && 'discriminator' in v;
}

function inferType(value: OptionValue): number {
  if (typeof value === 'string') return OptionType.STRING;
  if (typeof value === 'boolean') return OptionType.BOOLEAN;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.INTEGER : OptionType.NUMBER;
  if (isAttachment(value)) return OptionType.ATTACHMENT;
  if (isUser(value)) return OptionType.USER;
  return 'channelId' in value ? OptionType.CHANNEL : OptionType.ROLE;
}

/** Which option types accept a value of the inferred type (MENTIONABLE takes users and roles). */
const ACCEPTS: Record<number, number[]> = {
  [OptionType.NUMBER]: [OptionType.NUMBER, OptionType.INTEGER],
  [OptionType.MENTIONABLE]: [OptionType.USER, OptionType.ROLE],
};

/** What a Discord client would refuse to send: wrong type, not a choice, out of length or range. */
function checkOptionValue(name: string, value: OptionValue, def: OptionDef): void {
  const given = inferType(value);
  if (!(ACCEPTS[def.type] ?? [def.type]).includes(given)) {
    throw new Error(`fake Discord: option "${name}" has type ${def.type}, the value has type ${given}`);
  }
  if (def.choices && !def.choices.some((c) => c.value === value)) {
    throw new Error(`fake Discord: "${String(value)}" is not a choice of option "${name}"`);
  }
  const n = (key: string): number | undefined => (typeof def[key] === 'number' ? (def[key] as number) : undefined);
  if (typeof value === 'string' && (value.length > (n('max_length') ?? 6000) || value.length < (n('min_length') ?? 0))) {
    throw new Error(`fake Discord: option "${name}" is outside its length limits`);
  }
  if (typeof value === 'number' && (value > (n('max_value') ?? Infinity) || value < (n('min_value') ?? -Infinity))) {
    throw new Error(`fake Discord: option "${name}" is outside its range`);
  }
}

/** Resolved data collected while encoding options (attachments, users, members, channels, roles). */
type Resolved = Record<'attachments' | 'users' | 'members' | 'channels' | 'roles', Record<string, Json>>;

function encodeOption(
  state: FakeState, guild: FakeGuild, name: string, value: OptionValue, def: OptionDef | undefined, resolved: Resolved,
): Json {
  const type = def?.type ?? inferType(value);
  if (def) checkOptionValue(name, value, def);
  if (typeof value !== 'object') return { name, type, value };
  if (isAttachment(value)) {
    resolved.attachments[value.id] = { ...value };
    return { name, type, value: value.id };
  }
  if (isUser(value)) {
    resolved.users[value.id] = { ...value };
    if (guild.members.has(value.id)) {
      const { user: _user, ...member } = memberPayload(state, guild, value.id);
      resolved.members[value.id] = { ...member, permissions: '0' };
    }
    return { name, type, value: value.id };
  }
  if ('channelId' in value) {
    resolved.channels[value.channelId] = channelPayload(state.channel(value.channelId));
    return { name, type, value: value.channelId };
  }
  const role = guild.roles.get(value.roleId);
  resolved.roles[value.roleId] = { id: value.roleId, name: role?.name, permissions: String(role?.permissions ?? 0n) };
  return { name, type, value: value.roleId };
}

/** Encodes named values against the definitions a command registered (when known), checking what a client checks. */
function encodeOptions(
  state: FakeState, guild: FakeGuild, values: Record<string, OptionValue>, defs: OptionDef[] | undefined, resolved: Resolved,
): Json[] {
  if (defs) {
    for (const name of Object.keys(values)) {
      if (!defs.some((d) => d.name === name)) {
        throw new Error(`fake Discord: no option "${name}"; the command has ${defs.map((d) => d.name).join(', ') || 'none'}`);
      }
    }
    const missing = defs.filter((d) => d.required && !(d.name in values)).map((d) => d.name);
    if (missing.length) throw new Error(`fake Discord: required option(s) missing: ${missing.join(', ')}`);
  }
  return Object.entries(values).map(([name, value]) =>
    encodeOption(state, guild, name, value, defs?.find((d) => d.name === name), resolved));
}

/** A slash command invocation: command name, optional subcommand (group) and option values by name. */
export interface SlashCommandInput {
  name: string;
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
}

/** The `data` of a CHAT_INPUT interaction, typed by the registered command when there is one. */
export function chatInputData(state: FakeState, guild: FakeGuild, input: SlashCommandInput, command?: FakeCommand): Json {
  const resolved: Resolved = { attachments: {}, users: {}, members: {}, channels: {}, roles: {} };
  let defs = command?.options as OptionDef[] | undefined;
  const descend = (name: string, type: number): OptionDef[] | undefined => {
    if (!command) return undefined;
    const def = defs?.find((d) => d.name === name && d.type === type);
    if (!def) throw new Error(`fake Discord: command "${input.name}" has no subcommand (group) "${name}"`);
    return def.options ?? [];
  };
  if (input.subcommandGroup) defs = descend(input.subcommandGroup, OptionType.SUB_COMMAND_GROUP);
  if (input.subcommand) defs = descend(input.subcommand, OptionType.SUB_COMMAND);
  let options = encodeOptions(state, guild, input.options ?? {}, defs, resolved);
  if (input.subcommand) options = [{ name: input.subcommand, type: OptionType.SUB_COMMAND, options }];
  if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: OptionType.SUB_COMMAND_GROUP, options }];
  const kept = Object.fromEntries(Object.entries(resolved).filter(([, v]) => Object.keys(v).length > 0));
  return {
    id: command?.id ?? state.ids.next(), name: input.name, type: 1, guild_id: command?.guild_id, options,
    ...(Object.keys(kept).length ? { resolved: kept } : {}),
  };
}

/** The `data` of a message context-menu command on `target`. */
export function messageCommandData(state: FakeState, name: string, target: FakeMessage, command?: FakeCommand): Json {
  return {
    id: command?.id ?? state.ids.next(), name, type: 3, guild_id: command?.guild_id, target_id: target.id,
    resolved: { messages: { [target.id]: wireMessage(target, state.botUser.id, true) } },
  };
}

/** Everything around `data` that every guild interaction carries. */
export interface InteractionFrame {
  id: string;
  token: string;
  type: number;
  channel: FakeChannel;
  guild: FakeGuild;
  userId: string;
  memberPermissions: bigint;
  appPermissions: bigint;
  data: Json;
  message?: FakeMessage;
  locale?: string;
}

/** The INTERACTION_CREATE payload for a guild interaction. */
export function interactionPayload(state: FakeState, frame: InteractionFrame): Json {
  const { guild, channel } = frame;
  return {
    id: frame.id, application_id: state.applicationId, type: frame.type, token: frame.token, version: 1,
    guild_id: guild.id, guild: { id: guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id, channel: { ...channelPayload(channel), permissions: frame.memberPermissions.toString() },
    member: { ...memberPayload(state, guild, frame.userId), permissions: frame.memberPermissions.toString() },
    app_permissions: frame.appPermissions.toString(), locale: frame.locale ?? 'en-US', guild_locale: 'en-US',
    entitlements: [], authorizing_integration_owners: { 0: guild.id }, context: 0, attachment_size_limit: 10_485_760,
    data: frame.data,
    ...(frame.message ? { message: wireMessage(frame.message, state.botUser.id, true) } : {}),
  };
}

/** Text inputs of a modal, found in action rows (type 1) or labels (type 18). */
function textInputs(components: Json[]): Json[] {
  return components.flatMap((c) => {
    if (Array.isArray(c.components)) return textInputs(c.components as Json[]);
    if (c.component && typeof c.component === 'object') return textInputs([c.component as Json]);
    return c.type === 4 ? [c] : [];
  });
}

/**
 * The `data` of a modal submission. When the bot's modal is known, the submission mirrors its layout
 * (action rows or labels) the way Discord does; unknown fields are an error, like in a real client.
 */
export function modalSubmitData(customId: string, values: Record<string, string>, modal?: Json): Json {
  if (!modal) {
    return {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
    };
  }
  const inputs = textInputs((modal.components as Json[] | undefined) ?? []);
  const ids = inputs.map((i) => i.custom_id as string);
  const unknown = Object.keys(values).filter((k) => !ids.includes(k));
  if (unknown.length) throw new Error(`fake Discord: the modal has no field(s) ${unknown.join(', ')}; it has ${ids.join(', ')}`);
  const answer = (input: Json): Json => ({ type: 4, custom_id: input.custom_id, value: values[input.custom_id as string] ?? '' });
  const mirror = (c: Json): Json => {
    if (Array.isArray(c.components)) return { type: c.type, components: (c.components as Json[]).map(mirror) };
    if (c.component && typeof c.component === 'object') return { type: c.type, component: mirror(c.component as Json) };
    return c.type === 4 ? answer(c) : { type: c.type };
  };
  return { custom_id: customId, components: ((modal.components as Json[] | undefined) ?? []).map(mirror) };
}

/** The custom ids of the buttons in a message's components (for clear errors when a test clicks a missing one). */
export function buttonIds(components: unknown[]): string[] {
  return (components as Json[]).flatMap((c) => {
    if (Array.isArray(c.components)) return buttonIds(c.components as unknown[]);
    return c.type === 2 && typeof c.custom_id === 'string' ? [c.custom_id] : [];
  });
}
