/**
 * What the fake Discord knows: users, guilds with roles, members and channels, threads, messages,
 * registered commands, interactions and attachments. Objects that Discord sends as JSON (users, messages,
 * attachments) are kept in their wire shape, so tests assert on exactly what a client would receive.
 */
import { randomBytes } from 'node:crypto';
import {
  channelPermissions,
  DEFAULT_BOT,
  DEFAULT_EVERYONE,
  PERMISSIONS,
  permissionBits,
  type Overwrite,
  type PermissionInput,
} from './permissions.js';

const DISCORD_EPOCH = 1_420_070_400_000;

/** Makes Discord snowflakes: numeric strings whose top bits are milliseconds since 2015, strictly increasing. */
export class SnowflakeGenerator {
  private lastMs = 0;
  private increment = 0;

  /** A new id stamped `at` (default now), never equal to or below an id made before. */
  next(at: number = Date.now()): string {
    let ms = Math.max(at, this.lastMs);
    if (ms === this.lastMs) {
      this.increment += 1;
      if (this.increment > 0xfff) {
        ms += 1;
        this.increment = 0;
      }
    } else {
      this.increment = 0;
    }
    this.lastMs = ms;
    return ((BigInt(ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | BigInt(this.increment)).toString();
  }

  /** A new id whose guild would live on shard `shardId` of `shardCount` (its millisecond picked to fit). */
  nextOnShard(shardId: number, shardCount: number): string {
    let ms = Math.max(Date.now(), this.lastMs + 1);
    while ((ms - DISCORD_EPOCH) % shardCount !== shardId) ms += 1;
    return this.next(ms);
  }
}

/** The creation time (ms since 1970) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/** A user as Discord sends it. */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
  public_flags: number;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  managed: boolean;
  botId?: string;
}

export interface FakeMember {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

/** Thread-only facts of a channel. */
export interface ThreadInfo {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  messageCount: number;
  memberIds: Set<string>;
}

export interface FakeChannel {
  id: string;
  guildId: string;
  /** 0 text, 4 category, 5 announcement, 10/11/12 threads, 15 forum. */
  type: number;
  name: string;
  parentId: string | null;
  position: number;
  topic: string | null;
  nsfw: boolean;
  overwrites: Overwrite[];
  lastMessageId: string | null;
  thread?: ThreadInfo;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, FakeRole>;
  members: Map<string, FakeMember>;
  channelIds: string[];
  botRoleId: string;
}

/** An attachment as Discord sends it in messages and in resolved interaction data. */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  description?: string;
  ephemeral?: boolean;
}

export interface FakeEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string; icon_url?: string };
  author?: { name: string; url?: string; icon_url?: string };
  thumbnail?: { url: string };
  image?: { url: string };
  [key: string]: unknown;
}

export interface AllowedMentions {
  parse?: ('users' | 'roles' | 'everyone')[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

export interface MessageReference {
  type?: number;
  message_id?: string;
  channel_id?: string;
  guild_id?: string;
  fail_if_not_exists?: boolean;
}

/** A message as Discord stores and sends it, plus `allowed_mentions` as the sender asked (never sent to clients). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  /** Users who were actually pinged (after `allowed_mentions`). */
  mentions: FakeUser[];
  mention_roles: string[];
  attachments: FakeAttachment[];
  embeds: FakeEmbed[];
  components: unknown[];
  pinned: boolean;
  /** 0 default, 19 reply, 20 chat-input command response, 23 context-menu command response, 21 thread starter. */
  type: number;
  /** 64 ephemeral, 128 loading (a deferred response not yet edited), 32 has thread. */
  flags: number;
  message_reference?: MessageReference;
  referenced_message?: FakeMessage | null;
  thread?: Record<string, unknown>;
  interaction_metadata?: Record<string, unknown>;
  webhook_id?: string;
  application_id?: string;
  nonce?: string | number;
  allowed_mentions?: AllowedMentions;
}

/** An interaction the fake sent, and what the bot did with it. */
export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  channelId: string;
  guildId: string;
  userId: string;
  createdAt: number;
  /** The message a component or modal came from (its @original for types 6 and 7). */
  sourceMessageId?: string;
  /** The callback type the bot answered with (4, 5, 6, 7, 9), once it has. */
  responseType?: number;
  originalMessageId?: string;
  followUpIds: string[];
  /** The modal the bot opened (callback type 9 data). */
  modal?: Record<string, unknown>;
}

/** A registered application command as Discord echoes it. */
export type FakeCommand = Record<string, unknown> & { id: string; name: string; type: number };

/** A user to create in a guild: a name, or a name and role names. */
export type UserSeed = string | { username: string; globalName?: string; roles?: string[] };

/** A channel to create: a name, or details. */
export type ChannelSeed = string | { name: string; type?: number; topic?: string; nsfw?: boolean };

/** How to build a guild. Defaults: channels `general` and `links`, users alice (owner), bob, carol (Moderator). */
export interface GuildSeed {
  name?: string;
  channels?: ChannelSeed[];
  users?: UserSeed[];
  /** Extra roles by name; `Moderator` (MANAGE_GUILD, MANAGE_MESSAGES, MANAGE_THREADS) exists unless replaced. */
  roles?: { name: string; permissions?: PermissionInput[] }[];
  /** Permissions of @everyone (default: those of a new guild). */
  everyonePermissions?: PermissionInput[] | bigint;
  /** Permissions of the bot's managed role (default: those a summary bot asks for). */
  botPermissions?: PermissionInput[] | bigint;
  /** `[shard_id, num_shards]`: picks the guild's id so that this shard of a sharded bot gets its events. */
  shard?: [number, number];
}

const DEFAULT_USERS: UserSeed[] = ['alice', { username: 'bob' }, { username: 'carol', roles: ['Moderator'] }];

/** The whole world of the fake, with the operations REST handlers and test helpers share. */
export class FakeState {
  readonly ids = new SnowflakeGenerator();
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage>();
  private readonly order = new Map<string, string[]>();
  readonly deleted = new Set<string>();
  /** Commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, FakeCommand[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Files served by the CDN route, by attachment id. */
  readonly files = new Map<string, { filename: string; contentType: string; content: Buffer }>();
  readonly botUser: FakeUser;
  readonly applicationId: string;
  /** Origin of the CDN route, set once the server listens. */
  cdnBase = '';

  constructor(botName = 'Skim') {
    this.applicationId = this.ids.next();
    this.botUser = { ...this.newUser(botName), id: this.applicationId, bot: true };
    this.users.set(this.botUser.id, this.botUser);
  }

  private newUser(username: string, globalName: string | null = null): FakeUser {
    return { id: this.ids.next(), username, discriminator: '0', global_name: globalName, avatar: null, public_flags: 0 };
  }

  /** Creates a guild the bot is in, with its roles, channels and members. */
  addGuild(seed: GuildSeed = {}): FakeGuild {
    const id = seed.shard ? this.ids.nextOnShard(...seed.shard) : this.ids.next();
    const guild: FakeGuild = {
      id, name: seed.name ?? 'Skim Test Guild', ownerId: '', roles: new Map(), members: new Map(), channelIds: [],
      botRoleId: '',
    };
    this.guilds.set(id, guild);
    const role = (name: string, permissions: bigint, extra: Partial<FakeRole> = {}): FakeRole => {
      const made: FakeRole = {
        id: name === '@everyone' ? id : this.ids.next(), name, permissions, position: guild.roles.size, color: 0,
        managed: false, ...extra,
      };
      guild.roles.set(made.id, made);
      return made;
    };
    role('@everyone', permissionBits(seed.everyonePermissions ?? DEFAULT_EVERYONE));
    guild.botRoleId = role(this.botUser.username, permissionBits(seed.botPermissions ?? DEFAULT_BOT), {
      managed: true, botId: this.botUser.id,
    }).id;
    const extraRoles = seed.roles ?? [{ name: 'Moderator', permissions: ['MANAGE_GUILD', 'MANAGE_MESSAGES', 'MANAGE_THREADS'] }];
    for (const r of extraRoles) role(r.name, permissionBits(r.permissions ?? []));
    this.addMember(guild, this.botUser, [guild.botRoleId]);
    for (const user of seed.users ?? DEFAULT_USERS) this.addUser(guild.id, user);
    guild.ownerId = [...guild.members.keys()].find((u) => u !== this.botUser.id) ?? this.botUser.id;
    for (const channel of seed.channels ?? ['general', 'links']) this.addChannel(guild.id, channel);
    return guild;
  }

  private addMember(guild: FakeGuild, user: FakeUser, roles: string[]): void {
    guild.members.set(user.id, { userId: user.id, roles, nick: null, joinedAt: new Date().toISOString() });
  }

  /** Adds a human member to a guild; role names must exist in the guild. */
  addUser(guildId: string, seed: UserSeed): FakeUser {
    const guild = this.guild(guildId);
    const spec = typeof seed === 'string' ? { username: seed } : seed;
    const user = this.newUser(spec.username, spec.globalName ?? null);
    this.users.set(user.id, user);
    const roleIds = (spec.roles ?? []).map((name) => {
      const found = [...guild.roles.values()].find((r) => r.name === name);
      if (!found) throw new Error(`fake Discord: no role "${name}" in guild ${guild.name}`);
      return found.id;
    });
    this.addMember(guild, user, roleIds);
    return user;
  }

  /** Adds a channel (text by default) to a guild. */
  addChannel(guildId: string, seed: ChannelSeed): FakeChannel {
    const guild = this.guild(guildId);
    const spec = typeof seed === 'string' ? { name: seed } : seed;
    const channel: FakeChannel = {
      id: this.ids.next(), guildId, type: spec.type ?? 0, name: spec.name, parentId: null,
      position: guild.channelIds.length, topic: spec.topic ?? null, nsfw: spec.nsfw ?? false, overwrites: [],
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  }

  /** Creates a thread under a channel; `id` is the starting message's id for a thread started from a message. */
  addThread(params: {
    parentId: string; name: string; ownerId: string; type?: number; id?: string; autoArchiveDuration?: number;
  }): FakeChannel {
    const parent = this.channel(params.parentId);
    const now = new Date().toISOString();
    const thread: FakeChannel = {
      id: params.id ?? this.ids.next(), guildId: parent.guildId, type: params.type ?? 11, name: params.name,
      parentId: parent.id, position: 0, topic: null, nsfw: parent.nsfw, overwrites: [], lastMessageId: null,
      thread: {
        ownerId: params.ownerId, archived: false, locked: false, autoArchiveDuration: params.autoArchiveDuration ?? 4320,
        archiveTimestamp: now, createTimestamp: now, messageCount: 0, memberIds: new Set([params.ownerId]),
      },
    };
    this.channels.set(thread.id, thread);
    this.guild(parent.guildId).channelIds.push(thread.id);
    return thread;
  }

  guild(id: string): FakeGuild {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`fake Discord: no guild ${id}`);
    return guild;
  }

  channel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`fake Discord: no channel ${id}`);
    return channel;
  }

  user(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`fake Discord: no user ${id}`);
    return user;
  }

  /** A user by username (the seeds' names), for tests. */
  userNamed(username: string): FakeUser {
    const user = [...this.users.values()].find((u) => u.username === username);
    if (!user) throw new Error(`fake Discord: no user named "${username}"`);
    return user;
  }

  isThread(channel: FakeChannel): boolean {
    return channel.thread !== undefined;
  }

  /** A member's permissions in a channel; threads use their parent's, private threads need membership. */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.channel(channelId);
    const guild = this.guild(channel.guildId);
    const source = channel.parentId ? this.channel(channel.parentId) : channel;
    const bits = channelPermissions(guild, source.overwrites, userId);
    const privateThread = channel.type === 12 && !channel.thread?.memberIds.has(userId);
    if (privateThread && (bits & PERMISSIONS.MANAGE_THREADS) === 0n) return 0n;
    return bits;
  }

  /** Sets an overwrite for a member on a channel (threads: on their parent, where Discord keeps them). */
  overwriteFor(channelId: string, userId: string, change: { allow?: bigint; deny?: bigint }): FakeChannel {
    let channel = this.channel(channelId);
    if (channel.parentId) channel = this.channel(channel.parentId);
    let overwrite = channel.overwrites.find((o) => o.type === 1 && o.id === userId);
    if (!overwrite) {
      overwrite = { id: userId, type: 1, allow: 0n, deny: 0n };
      channel.overwrites.push(overwrite);
    }
    if (change.deny) {
      overwrite.deny |= change.deny;
      overwrite.allow &= ~change.deny;
    }
    if (change.allow) {
      overwrite.allow |= change.allow;
      overwrite.deny &= ~change.allow;
    }
    return channel;
  }

  /** Keeps a message (new or replaced) in its channel's history. */
  storeMessage(message: FakeMessage): FakeMessage {
    if (!this.messages.has(message.id)) {
      const list = this.order.get(message.channel_id) ?? [];
      list.push(message.id);
      this.order.set(message.channel_id, list);
      const channel = this.channels.get(message.channel_id);
      if (channel) {
        channel.lastMessageId = message.id;
        if (channel.thread) channel.thread.messageCount += 1;
      }
    }
    this.messages.set(message.id, message);
    return message;
  }

  /** Messages of a channel in order, without deleted ones. */
  history(channelId: string): FakeMessage[] {
    return (this.order.get(channelId) ?? [])
      .filter((id) => !this.deleted.has(id))
      .map((id) => this.messages.get(id) as FakeMessage);
  }

  /** A stored, undeleted message. */
  findMessage(id: string): FakeMessage | undefined {
    return this.deleted.has(id) ? undefined : this.messages.get(id);
  }

  /**
   * Keeps a file for the CDN route and returns its attachment object. The URL has the shape of Discord's
   * signed attachment links (`/attachments/<channel>/<id>/<name>?ex=..&is=..&hm=..&`).
   */
  addFile(channelId: string, filename: string, contentType: string, content: Buffer, description?: string): FakeAttachment {
    const id = this.ids.next();
    this.files.set(id, { filename, contentType, content });
    const now = Math.floor(Date.now() / 1000);
    const signature = `ex=${(now + 86_400).toString(16)}&is=${now.toString(16)}&hm=${randomBytes(32).toString('hex')}&`;
    const url = `${this.cdnBase}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}?${signature}`;
    return {
      id, filename, size: content.length, url, proxy_url: url, content_type: contentType,
      ...(description ? { description } : {}),
    };
  }

  /** The command registered under this name for a guild (guild commands first, then global ones). */
  findCommand(name: string, guildId: string, type = 1): FakeCommand | undefined {
    const match = (c: FakeCommand): boolean => c.name === name && c.type === type;
    return this.commands.get(guildId)?.find(match) ?? this.commands.get('global')?.find(match);
  }
}
