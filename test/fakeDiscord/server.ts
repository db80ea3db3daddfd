/**
 * `startFakeDiscord()`: a loopback Discord for end-to-end tests. One HTTP server carries the REST API
 * (`/api/v10/...`) and the gateway (WebSocket upgrade on `/gateway`); a second serves attachments like
 * Discord's CDN. Tests drive users' actions (slash commands, buttons, modals, messages, threads) and
 * Discord's moods (dropped connections, rate limits, missing permissions), and assert on what the bot did.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CallLog, compileMatcher, type CallMatcher, type RecordedCall } from './calls.js';
import { Events } from './events.js';
import { FakeGateway, type GatewayEvent } from './gateway.js';
import {
  cdnListener, closeServer, listen, rateLimitedReply, restListener,
  type CdnOverride, type CdnRequest, type Interceptor,
} from './http.js';
import {
  buttonIds, chatInputData, interactionPayload, messageCommandData, modalSubmitData, buildMessage,
  type OptionValue, type SlashCommandInput,
} from './payloads.js';
import { permissionBits, type PermissionInput } from './permissions.js';
import { RestApi } from './rest.js';
import {
  FakeState, type ChannelSeed, type FakeAttachment, type FakeChannel, type FakeEmbed, type FakeGuild,
  type FakeInteraction, type FakeMessage, type FakeUser, type GuildSeed, type UserSeed,
} from './state.js';

type Json = Record<string, unknown>;

export interface FakeDiscordOptions {
  /** Guilds the bot is in (default: one guild built from `{}`; see GuildSeed for its defaults). */
  guilds?: GuildSeed[];
  /** Permissions of the bot's role in seeded guilds that do not set their own. */
  botPermissions?: PermissionInput[] | bigint;
  /** The bot's username (default `Skim`). */
  botName?: string;
  /** HELLO's heartbeat interval (default 2500 ms; every heartbeat is ACKed). */
  heartbeatIntervalMs?: number;
  /** How long the bot has to answer an interaction's first callback (default 3000 ms, as on Discord). */
  interactionDeadlineMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
}

/** A guild as tests use it: ids by name. */
export interface GuildView {
  readonly id: string;
  readonly name: string;
  /** The first text channel (`general` by default). */
  readonly textChannelId: string;
  channelId(name: string): string;
  roleId(name: string): string;
  user(username: string): FakeUser;
}

/** Who acts and where, for user actions; defaults: alice in the default guild's first text channel. */
export interface ActorOptions {
  /** A username of the seeds or a user object. */
  user?: string | FakeUser;
  channelId?: string;
  /** The invoking member's permissions in the channel (default: computed from roles and overwrites). */
  permissions?: PermissionInput[] | bigint;
  locale?: string;
}

/** An interaction the fake sent, with what the bot answered. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE data as sent. */
  readonly payload: Json;
  /** REST calls made for this interaction (callback and webhook routes with its id or token). */
  calls(): RecordedCall[];
  /** The callback type the bot answered with (4 reply, 5 deferred, 6/7 component update, 9 modal). */
  responseType(): number | undefined;
  /** The original response message (a deferred one has flag 128 until edited). */
  original(): FakeMessage | undefined;
  followUps(): FakeMessage[];
  /** The modal the bot opened, if it did. */
  modal(): Json | undefined;
  /** Resolves with the callback call once the bot made it (whatever its status). */
  waitForCallback(timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves with the original response once it is no longer loading and matches `predicate`. */
  waitForOriginal(predicate?: (m: FakeMessage) => boolean, timeoutMs?: number): Promise<FakeMessage>;
  /** Resolves with the first follow-up that matches. */
  waitForFollowUp(predicate?: (m: FakeMessage) => boolean, timeoutMs?: number): Promise<FakeMessage>;
}

/** An attachment to post with a user message: an object from addAttachment, or a file to add. */
export type AttachmentInput = FakeAttachment | { name: string; content: string | Buffer; contentType?: string };

const DEFAULT_WAIT_MS = 5000;

/** The running fake. Create it with {@link startFakeDiscord}. */
export class FakeDiscord {
  readonly state: FakeState;
  readonly token: string;
  /** Every REST call, in order. */
  readonly calls: RecordedCall[];
  /** Every CDN request, in order. */
  readonly cdnRequests: CdnRequest[] = [];
  /** Exceptions thrown inside REST handlers (bugs of the fake); answered as 500. */
  readonly serverErrors: Error[] = [];
  private readonly log = new CallLog();
  private readonly gateway: FakeGateway;
  private readonly events: Events;
  private readonly interceptors: Interceptor[] = [];
  private readonly cdnOverrides = new Map<string, CdnOverride>();
  private readonly apiServer: Server;
  private readonly cdnServer: Server;
  private apiPort = 0;
  private cdnPort = 0;

  /** Use {@link startFakeDiscord}. */
  constructor(options: FakeDiscordOptions = {}) {
    this.state = new FakeState(options.botName);
    for (const seed of options.guilds ?? [{}]) {
      this.state.addGuild({ ...seed, botPermissions: seed.botPermissions ?? options.botPermissions });
    }
    this.token = `${Buffer.from(this.state.applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
    this.calls = this.log.calls;
    this.gateway = new FakeGateway({
      token: this.token, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 2500,
      resumeUrl: () => this.gatewayUrl, onIdentify: (session) => this.events.identify(session),
      onChange: () => this.log.changed(),
    });
    this.events = new Events(this.state, this.gateway);
    const api = new RestApi(this.state, this.events, {
      gatewayUrl: () => this.gatewayUrl, interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      recommendedShards: options.recommendedShards ?? 1,
    });
    this.apiServer = createServer(restListener({
      api, token: () => this.token, log: this.log, interceptors: this.interceptors, errors: this.serverErrors,
    }));
    this.apiServer.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/gateway') this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    this.cdnServer = createServer(cdnListener(this.state, this.cdnRequests, this.cdnOverrides, this.log));
  }

  /** @internal Starts both servers on loopback. */
  async listen(): Promise<void> {
    this.apiPort = await listen(this.apiServer);
    this.cdnPort = await listen(this.cdnServer);
    this.state.cdnBase = this.cdnUrl;
  }

  /** `http://127.0.0.1:PORT/api`: the client's `rest.api` option. */
  get restUrl(): string {
    return `http://127.0.0.1:${this.apiPort}/api`;
  }

  /** `http://127.0.0.1:PORT`: the CDN origin (attachment URLs; usable as the client's `rest.cdn`). */
  get cdnUrl(): string {
    return `http://127.0.0.1:${this.cdnPort}`;
  }

  /** `ws://127.0.0.1:PORT/gateway`, as handed out by GET /gateway/bot. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.apiPort}/gateway`;
  }

  /** Options to spread into `new Client({ intents, ...discord.clientOptions })`. */
  get clientOptions(): { rest: { api: string; cdn: string } } {
    return { rest: { api: this.restUrl, cdn: this.cdnUrl } };
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get botUser(): FakeUser {
    return this.state.botUser;
  }

  /** The default (first) guild. */
  get guild(): GuildView {
    return this.guildView([...this.state.guilds.values()][0] as FakeGuild);
  }

  /** All guilds, in creation order. */
  get guilds(): GuildView[] {
    return [...this.state.guilds.values()].map((g) => this.guildView(g));
  }

  private guildView(guild: FakeGuild): GuildView {
    const state = this.state;
    const channels = (): FakeChannel[] => guild.channelIds.map((id) => state.channel(id));
    return {
      id: guild.id, name: guild.name,
      get textChannelId() {
        const text = channels().find((c) => c.type === 0);
        if (!text) throw new Error(`fake Discord: guild ${guild.name} has no text channel`);
        return text.id;
      },
      channelId(name) {
        const channel = channels().find((c) => c.name === name);
        if (!channel) throw new Error(`fake Discord: no channel "${name}" in ${guild.name}`);
        return channel.id;
      },
      roleId(name) {
        const role = [...guild.roles.values()].find((r) => r.name === name);
        if (!role) throw new Error(`fake Discord: no role "${name}" in ${guild.name}`);
        return role.id;
      },
      user(username) {
        const user = state.userNamed(username);
        if (!guild.members.has(user.id)) throw new Error(`fake Discord: ${username} is not in ${guild.name}`);
        return user;
      },
    };
  }

  /** A seeded user by username (alice, bob, carol by default). */
  user(username: string): FakeUser {
    return this.state.userNamed(username);
  }

  // ---- world changes ----

  /** Adds a guild the bot joins (GUILD_CREATE to a connected bot). */
  addGuild(seed: GuildSeed = {}): GuildView {
    const guild = this.state.addGuild(seed);
    this.events.guildCreate(guild);
    return this.guildView(guild);
  }

  /** Adds a channel to a guild (CHANNEL_CREATE). */
  addChannel(seed: ChannelSeed, guildId = this.guild.id): FakeChannel {
    const channel = this.state.addChannel(guildId, seed);
    this.events.channelCreate(channel);
    return channel;
  }

  /** Adds a member to a guild (GUILD_MEMBER_ADD for bots with the GUILD_MEMBERS intent). */
  addUser(seed: UserSeed, guildId = this.guild.id): FakeUser {
    const user = this.state.addUser(guildId, seed);
    this.events.memberAdd(this.state.guild(guildId), user.id);
    return user;
  }

  /** Keeps a file on the CDN route and returns the attachment object Discord would send for it. */
  addAttachment(name: string, content: string | Buffer, contentType = 'application/octet-stream', channelId = this.guild.textChannelId): FakeAttachment {
    return this.state.addFile(channelId, name, contentType, Buffer.isBuffer(content) ? content : Buffer.from(content));
  }

  /** Makes the CDN answer differently for an attachment (e.g. `{ status: 404 }` for an expired link). */
  overrideAttachment(attachmentId: string, override: CdnOverride): void {
    this.cdnOverrides.set(attachmentId, override);
  }

  /** Denies permissions to the bot in a channel through a member overwrite (a thread's go on its parent). */
  denyPermission(channelId: string, ...permissions: PermissionInput[]): void {
    const channel = this.state.overwriteFor(channelId, this.botUser.id, { deny: permissionBits(permissions) });
    this.events.channelUpdate(channel);
  }

  /** Grants permissions to the bot in a channel through a member overwrite (undoes denyPermission). */
  allowPermission(channelId: string, ...permissions: PermissionInput[]): void {
    const channel = this.state.overwriteFor(channelId, this.botUser.id, { allow: permissionBits(permissions) });
    this.events.channelUpdate(channel);
  }

  /** Replaces the permissions of the bot's role in a guild (GUILD_ROLE_UPDATE). */
  setBotPermissions(permissions: PermissionInput[] | bigint, guildId = this.guild.id): void {
    const guild = this.state.guild(guildId);
    const role = guild.roles.get(guild.botRoleId) as NonNullable<ReturnType<typeof guild.roles.get>>;
    role.permissions = permissionBits(permissions);
    this.events.roleUpdate(guild, role.id);
  }

  // ---- users' actions ----

  private actor(options: ActorOptions): { user: FakeUser; channel: FakeChannel; guild: FakeGuild } {
    const channel = this.state.channel(options.channelId ?? this.guild.textChannelId);
    const guild = this.state.guild(channel.guildId);
    const user = typeof options.user === 'object' ? options.user : this.state.userNamed(options.user ?? 'alice');
    if (!guild.members.has(user.id)) throw new Error(`fake Discord: ${user.username} is not a member of ${guild.name}`);
    return { user, channel, guild };
  }

  /** Posts a message as a user (stored, then MESSAGE_CREATE). Pings in the content count as mentions. */
  postMessage(input: ActorOptions & {
    content?: string; attachments?: AttachmentInput[]; embeds?: FakeEmbed[]; replyTo?: string;
  }): FakeMessage {
    const { user, channel } = this.actor(input);
    const attachments = (input.attachments ?? []).map((a) =>
      ('url' in a ? a : this.addAttachment(a.name, a.content, a.contentType ?? 'application/octet-stream', channel.id)));
    const message = buildMessage(this.state, {
      channel, author: user, content: input.content, attachments, embeds: input.embeds,
      reference: input.replyTo ? { message_id: input.replyTo, channel_id: channel.id } : undefined,
    });
    this.state.storeMessage(message);
    if (channel.thread?.archived) {
      channel.thread.archived = false;
      this.events.channelUpdate(channel);
    }
    this.events.messageCreate(message);
    this.log.changed();
    return message;
  }

  /** A user creates a thread, from a message (`startMessageId`) or not (THREAD_CREATE). */
  createThread(input: { channelId?: string; name: string; user?: string | FakeUser; startMessageId?: string; type?: 11 | 12 }): FakeChannel {
    const { user, channel } = this.actor(input);
    const thread = this.state.addThread({
      parentId: channel.id, name: input.name, ownerId: user.id, id: input.startMessageId, type: input.type ?? 11,
    });
    if (thread.type === 12) thread.thread?.memberIds.add(this.botUser.id);
    const starter = input.startMessageId ? this.state.findMessage(input.startMessageId) : undefined;
    if (starter) starter.flags |= 32;
    this.events.threadCreate(thread);
    this.log.changed();
    return thread;
  }

  private ensureConnected(): void {
    if (!this.gateway.session) throw new Error('fake Discord: no gateway session; log the client in (and wait for ready) first');
  }

  private interact(kind: {
    type: number; data: Json; actor: ActorOptions; message?: FakeMessage; sourceMessageId?: string;
  }): InteractionHandle {
    this.ensureConnected();
    const { user, channel, guild } = this.actor(kind.actor);
    const id = this.state.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString('base64url')}`;
    const memberPermissions = kind.actor.permissions !== undefined
      ? permissionBits(kind.actor.permissions) : this.state.permissionsIn(channel.id, user.id);
    const payload = interactionPayload(this.state, {
      id, token, type: kind.type, channel, guild, userId: user.id, memberPermissions,
      appPermissions: this.state.permissionsIn(channel.id, this.botUser.id), data: kind.data, message: kind.message,
      locale: kind.actor.locale,
    });
    const record: FakeInteraction = {
      id, token, type: kind.type, payload, channelId: channel.id, guildId: guild.id, userId: user.id,
      createdAt: Date.now(), followUpIds: [], sourceMessageId: kind.sourceMessageId,
    };
    this.state.interactions.set(id, record);
    this.events.interactionCreate(payload);
    return this.handle(record);
  }

  /**
   * A user runs a slash command (INTERACTION_CREATE type 2, CHAT_INPUT). Options are given by name; when
   * the bot registered the command, names, types, choices and required options are checked against it.
   */
  sendSlashCommand(input: SlashCommandInput & ActorOptions): InteractionHandle {
    const { guild } = this.actor(input);
    const data = chatInputData(this.state, guild, input, this.state.findCommand(input.name, guild.id, 1));
    return this.interact({ type: 2, data, actor: input });
  }

  /** A user runs a message context-menu command on a message (type 2, data.type 3, resolved.messages). */
  sendMessageCommand(input: ActorOptions & { name: string; targetMessage: FakeMessage | string }): InteractionHandle {
    const target = typeof input.targetMessage === 'string' ? this.state.findMessage(input.targetMessage) : input.targetMessage;
    if (!target) throw new Error(`fake Discord: no message ${String(input.targetMessage)}`);
    const guild = this.state.guild(this.state.channel(target.channel_id).guildId);
    const data = messageCommandData(this.state, input.name, target, this.state.findCommand(input.name, guild.id, 3));
    return this.interact({ type: 2, data, actor: { ...input, channelId: target.channel_id } });
  }

  /** A user clicks a button on a message (type 3); the button must exist on the message. */
  sendButton(input: ActorOptions & { message: FakeMessage | string; customId: string }): InteractionHandle {
    const message = typeof input.message === 'string' ? this.state.findMessage(input.message) : this.state.findMessage(input.message.id);
    if (!message) throw new Error(`fake Discord: no message ${typeof input.message === 'string' ? input.message : input.message.id}`);
    const ids = buttonIds(message.components);
    if (!ids.includes(input.customId)) {
      throw new Error(`fake Discord: message ${message.id} has no button "${input.customId}" (buttons: ${ids.join(', ') || 'none'})`);
    }
    return this.interact({
      type: 3, data: { custom_id: input.customId, component_type: 2 }, actor: { ...input, channelId: message.channel_id },
      message, sourceMessageId: message.id,
    });
  }

  /**
   * A user submits a modal (type 5). With `from`, the modal the bot opened on that interaction is used (its
   * custom id and layout, its user and channel); otherwise the last modal opened with `customId`.
   */
  sendModalSubmit(input: ActorOptions & { values: Record<string, string>; from?: InteractionHandle; customId?: string }): InteractionHandle {
    const origin = input.from
      ? this.state.interactions.get(input.from.id)
      : [...this.state.interactions.values()].reverse().find((i) => i.modal && (!input.customId || i.modal.custom_id === input.customId));
    const modal = origin?.modal;
    const customId = input.customId ?? (modal?.custom_id as string | undefined);
    if (!customId) throw new Error('fake Discord: no modal was opened; pass customId or from');
    const source = origin?.sourceMessageId ? this.state.findMessage(origin.sourceMessageId) : undefined;
    const actor: ActorOptions = {
      channelId: origin?.channelId, user: origin ? this.state.user(origin.userId) : undefined, ...input,
    };
    return this.interact({
      type: 5, data: modalSubmitData(customId, input.values, modal), actor, message: source, sourceMessageId: source?.id,
    });
  }

  private handle(record: FakeInteraction): InteractionHandle {
    const mine = (c: RecordedCall): boolean =>
      c.params.interaction === record.id || (c.params.token === record.token && c.path.startsWith('/webhooks/'));
    const original = (): FakeMessage | undefined =>
      (record.originalMessageId ? this.state.findMessage(record.originalMessageId) : undefined);
    const followUps = (): FakeMessage[] =>
      record.followUpIds.map((id) => this.state.findMessage(id)).filter((m): m is FakeMessage => m !== undefined);
    return {
      id: record.id, token: record.token, payload: record.payload,
      calls: () => this.calls.filter(mine),
      responseType: () => record.responseType,
      original,
      followUps,
      modal: () => record.modal,
      waitForCallback: (timeoutMs = DEFAULT_WAIT_MS) =>
        this.log.waitFor((c) => c.params.interaction === record.id && c.path.endsWith('/callback'), timeoutMs),
      waitForOriginal: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) => this.log.waitUntil(() => {
        const m = original();
        return m && (m.flags & 128) === 0 && predicate(m) ? m : undefined;
      }, timeoutMs, `the original response of interaction ${record.id}`),
      waitForFollowUp: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
        this.log.waitUntil(() => followUps().find(predicate), timeoutMs, `a follow-up of interaction ${record.id}`),
    };
  }

  // ---- Discord's moods ----

  /** Drops the gateway connection (close code 4000 by default, or abruptly); the client should RESUME. */
  dropConnection(options: { code?: number; abrupt?: boolean } = {}): Promise<void> {
    return this.gateway.drop(options);
  }

  /** Asks the client to reconnect (op 7); it resumes. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Invalidates the session (op 9); when not resumable the client identifies again. */
  invalidateSession(resumable = false): void {
    this.gateway.invalidateSession(resumable);
  }

  /** The next `times` (default 1) REST calls that match answer 429 with `retry-after` (seconds) and rate-limit headers. */
  rateLimitNext(matcher: CallMatcher, retryAfterSeconds: number, options: { global?: boolean; times?: number } = {}): void {
    const key = typeof matcher === 'string' ? matcher : String(matcher);
    this.interceptors.push({
      match: compileMatcher(matcher), times: options.times ?? 1,
      reply: () => rateLimitedReply(key, retryAfterSeconds, options.global ?? false),
    });
  }

  /** The next `times` (default 1) matching REST calls answer `status` with a Discord-style JSON error. */
  failNext(matcher: CallMatcher, status: number, body?: Json, options: { times?: number } = {}): void {
    this.interceptors.push({
      match: compileMatcher(matcher), times: options.times ?? 1,
      reply: () => ({ status, body: body ?? { message: `${status}: fake failure`, code: 0 } }),
    });
  }

  // ---- what happened ----

  /** Gateway frames in and out (heartbeats only counted), and connection closes (`op: -1`). */
  get gatewayEvents(): readonly GatewayEvent[] {
    return this.gateway.events;
  }

  /** How many times a client identified, resumed, and heartbeated; `shards`: each IDENTIFY's `[shard_id, num_shards]`. */
  get gatewayStats(): {
    identifies: number; resumes: number; heartbeats: number; lastReplayed: number; shards: Array<[number, number]>;
  } {
    const g = this.gateway;
    return {
      identifies: g.identifies, resumes: g.resumes, heartbeats: g.heartbeats, lastReplayed: g.lastReplayed,
      shards: [...g.identifiedShards],
    };
  }

  /** Messages of a channel as Discord stores them, oldest first (ephemeral ones included, flag 64). */
  messages(channelId: string): FakeMessage[] {
    return this.state.history(channelId);
  }

  /** A message by id (undefined once deleted). */
  message(id: string): FakeMessage | undefined {
    return this.state.findMessage(id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.state.channels.get(id);
  }

  /** Threads, optionally of one parent channel. */
  threads(parentId?: string): FakeChannel[] {
    return [...this.state.channels.values()].filter((c) => c.thread && (!parentId || c.parentId === parentId));
  }

  /** Commands the bot registered: global ones, or a guild's. */
  commands(guildId?: string): Json[] {
    return this.state.commands.get(guildId ?? 'global') ?? [];
  }

  /** Forgets recorded REST calls and CDN requests (between tests sharing one fake). */
  clearCalls(): void {
    this.log.clear();
    this.cdnRequests.length = 0;
  }

  /** The first REST call (past or future) that matches; rejects with the recent calls on timeout. */
  waitFor(matcher: CallMatcher, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    return this.log.waitFor(matcher, timeoutMs);
  }

  /**
   * Resolves with the first non-undefined value of `check`, re-checked after every call and event and every
   * 20 ms (so it may look at the client's cache too).
   */
  waitUntil<T>(check: () => T | undefined, timeoutMs = DEFAULT_WAIT_MS, what = 'a condition'): Promise<T> {
    return this.log.waitUntil(check, timeoutMs, what);
  }

  /** The first message of a channel that matches (default: any message by the bot), now or later, edits included. */
  waitForMessage(channelId: string, predicate?: (m: FakeMessage) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeMessage> {
    const test = predicate ?? ((m: FakeMessage) => m.author.id === this.botUser.id);
    return this.log.waitUntil(() => this.messages(channelId).find(test), timeoutMs, `a message in channel ${channelId}`);
  }

  /** Resolves once a client has identified and been sent READY (count > `after`). */
  waitForReady(timeoutMs = DEFAULT_WAIT_MS, after = 0): Promise<void> {
    return this.log.waitUntil(() => (this.gateway.identifies > after ? true : undefined), timeoutMs, 'an IDENTIFY')
      .then(() => undefined);
  }

  /** Resolves with how many dispatches were replayed once the next RESUMED (after `after` resumes) was sent. */
  waitForResume(timeoutMs = DEFAULT_WAIT_MS, after = this.gateway.resumes): Promise<number> {
    return this.log.waitUntil(() => (this.gateway.resumes > after ? this.gateway.lastReplayed : undefined), timeoutMs, 'a RESUME');
  }

  /** Closes the gateway and both servers. Destroy the client first, or it will try to reconnect. */
  async close(): Promise<void> {
    await this.gateway.close();
    await Promise.all([closeServer(this.apiServer), closeServer(this.cdnServer)]);
  }
}

/** Starts a fake Discord on 127.0.0.1 (random ports). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const discord = new FakeDiscord(options);
  await discord.listen();
  return discord;
}

export type { OptionValue };
