/**
 * The REST API of the fake (paths under /api/v10): routes, and handlers that answer like Discord, with its
 * status codes and JSON error codes, and send the gateway events Discord sends for the same actions.
 */
import type { RecordedFile } from './calls.js';
import type { Events } from './events.js';
import { buildMessage, channelPayload, guildCreatePayload, memberPayload, resolveMentions, threadMemberPayload, wireMessage } from './payloads.js';
import { PERMISSIONS, type PermissionName } from './permissions.js';
import type { FakeAttachment, FakeChannel, FakeCommand, FakeInteraction, FakeMessage, FakeState } from './state.js';
import { apiError, isEmpty, validateCommands, validateMessage, validateModal, validateThread, type ApiError } from './validate.js';

type Json = Record<string, unknown>;

/** A request as handlers see it. */
export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Json | undefined;
  files: RecordedFile[];
}

/** An answer; status 204 is sent without body and without content-type. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route of the API. */
export interface Route {
  method: string;
  pattern: string;
  /** Whether the bot token is required (interaction callbacks and webhooks go without). */
  auth: boolean;
  handle: (req: RestRequest) => RestReply;
}

/** Thrown by handlers to answer with a Discord error. */
export class RestFailure extends Error {
  constructor(readonly error: ApiError) {
    super(String(error.body.message));
  }
}

function fail(error: ApiError | undefined): void {
  if (error) throw new RestFailure(error);
}

const ok = (body: unknown, status = 200): RestReply => ({ status, body });
const noContent = (): RestReply => ({ status: 204 });

const UNKNOWN = {
  channel: () => apiError(404, 10003, 'Unknown Channel'),
  message: () => apiError(404, 10008, 'Unknown Message'),
  guild: () => apiError(404, 10004, 'Unknown Guild'),
  member: () => apiError(404, 10007, 'Unknown Member'),
  user: () => apiError(404, 10013, 'Unknown User'),
  webhook: () => apiError(404, 10015, 'Unknown Webhook'),
  interaction: () => apiError(404, 10062, 'Unknown interaction'),
  command: () => apiError(404, 10063, 'Unknown application command'),
  application: () => apiError(404, 10002, 'Unknown Application'),
};

/** Message flags a bot may set itself: suppress embeds, suppress notifications, components v2, ephemeral. */
const SETTABLE_FLAGS = 4 | 4096 | (1 << 15) | 64;
const EPHEMERAL = 64;
const LOADING = 128;
const HAS_THREAD = 32;

export interface RestOptions {
  /** ws:// address handed out by GET /gateway/bot. */
  gatewayUrl: () => string;
  /** How long after INTERACTION_CREATE the first callback is accepted (Discord: 3 s). */
  interactionDeadlineMs: number;
  /** The shard count GET /gateway/bot recommends. */
  recommendedShards: number;
}

/** The routes and their handlers over the shared state. */
export class RestApi {
  readonly routes: Route[];

  constructor(private readonly state: FakeState, private readonly events: Events, private readonly options: RestOptions) {
    const r = (method: string, pattern: string, handle: (req: RestRequest) => RestReply, auth = true): Route =>
      ({ method, pattern, auth, handle: handle.bind(this) });
    this.routes = [
      r('GET', '/gateway', () => ok({ url: this.options.gatewayUrl() }), false),
      r('GET', '/gateway/bot', this.gatewayBot),
      r('GET', '/users/@me', () => ok({ ...this.state.botUser, verified: true, mfa_enabled: false, flags: 0 })),
      r('GET', '/users/:user', this.getUser),
      r('GET', '/applications/@me', this.application),
      r('GET', '/oauth2/applications/@me', this.application),
      r('GET', '/applications/:app/commands', this.listCommands),
      r('PUT', '/applications/:app/commands', this.putCommands),
      r('POST', '/applications/:app/commands', this.postCommand),
      r('GET', '/applications/:app/commands/:command', this.getCommand),
      r('PATCH', '/applications/:app/commands/:command', this.patchCommand),
      r('DELETE', '/applications/:app/commands/:command', this.deleteCommand),
      r('GET', '/applications/:app/guilds/:guild/commands', this.listCommands),
      r('PUT', '/applications/:app/guilds/:guild/commands', this.putCommands),
      r('POST', '/applications/:app/guilds/:guild/commands', this.postCommand),
      r('GET', '/applications/:app/guilds/:guild/commands/:command', this.getCommand),
      r('PATCH', '/applications/:app/guilds/:guild/commands/:command', this.patchCommand),
      r('DELETE', '/applications/:app/guilds/:guild/commands/:command', this.deleteCommand),
      r('POST', '/interactions/:interaction/:token/callback', this.interactionCallback, false),
      r('POST', '/webhooks/:app/:token', this.followUp, false),
      r('GET', '/webhooks/:app/:token/messages/:message', this.getWebhookMessage, false),
      r('PATCH', '/webhooks/:app/:token/messages/:message', this.editWebhookMessage, false),
      r('DELETE', '/webhooks/:app/:token/messages/:message', this.deleteWebhookMessage, false),
      r('GET', '/channels/:channel', (req) => ok(channelPayload(this.visibleChannel(req.params.channel)))),
      r('PATCH', '/channels/:channel', this.patchChannel),
      r('GET', '/channels/:channel/messages', this.listMessages),
      r('POST', '/channels/:channel/messages', this.createMessage),
      r('GET', '/channels/:channel/messages/:message', this.getMessage),
      r('PATCH', '/channels/:channel/messages/:message', this.editMessage),
      r('DELETE', '/channels/:channel/messages/:message', this.deleteMessage),
      r('POST', '/channels/:channel/messages/:message/threads', this.threadFromMessage),
      r('POST', '/channels/:channel/threads', this.threadWithoutMessage),
      r('POST', '/channels/:channel/typing', (req) => this.allowed(req.params.channel, [], noContent)),
      r('PUT', '/channels/:channel/thread-members/@me', this.joinThread),
      r('DELETE', '/channels/:channel/thread-members/@me', this.leaveThread),
      r('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', this.react),
      r('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', this.react),
      r('GET', '/guilds/:guild', this.getGuild),
      r('GET', '/guilds/:guild/channels', (req) =>
        ok(this.guild(req.params.guild).channelIds.map((id) => this.state.channel(id)).filter((c) => !c.thread).map(channelPayload))),
      r('GET', '/guilds/:guild/members/:user', this.getMember),
      r('GET', '/guilds/:guild/threads/active', this.activeThreads),
    ];
  }

  // ---- lookups that answer with Discord's errors ----

  private guild(id: string | undefined) {
    const guild = this.state.guilds.get(id ?? '');
    if (!guild) throw new RestFailure(UNKNOWN.guild());
    return guild;
  }

  private channel(id: string | undefined): FakeChannel {
    const channel = this.state.channels.get(id ?? '');
    if (!channel) throw new RestFailure(UNKNOWN.channel());
    return channel;
  }

  /** A channel the bot can see (403 Missing Access otherwise). */
  private visibleChannel(id: string | undefined): FakeChannel {
    const channel = this.channel(id);
    this.require(channel, []);
    return channel;
  }

  /** Answers 403 like Discord when the bot lacks a permission in the channel. */
  private require(channel: FakeChannel, names: PermissionName[]): void {
    const bits = this.state.permissionsIn(channel.id, this.state.botUser.id);
    if ((bits & PERMISSIONS.VIEW_CHANNEL) === 0n) fail(apiError(403, 50001, 'Missing Access'));
    const missing = names.filter((n) => (bits & PERMISSIONS[n]) === 0n);
    if (missing.length) fail(apiError(403, 50013, 'Missing Permissions'));
  }

  private allowed(channelId: string | undefined, names: PermissionName[], then: () => RestReply): RestReply {
    this.require(this.channel(channelId), names);
    return then();
  }

  private messageIn(channel: FakeChannel, id: string | undefined): FakeMessage {
    const message = this.state.findMessage(id ?? '');
    if (!message || message.channel_id !== channel.id) throw new RestFailure(UNKNOWN.message());
    return message;
  }

  private wire(message: FakeMessage): Json {
    return wireMessage(message, this.state.botUser.id, true);
  }

  // ---- gateway, users, application ----

  private gatewayBot(): RestReply {
    return ok({
      url: this.options.gatewayUrl(), shards: this.options.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
  }

  private getUser(req: RestRequest): RestReply {
    const user = this.state.users.get(req.params.user ?? '');
    if (!user) throw new RestFailure(UNKNOWN.user());
    return ok(user);
  }

  private application(): RestReply {
    return ok({
      id: this.state.applicationId, name: this.state.botUser.username, icon: null, description: '', bot_public: true,
      bot_require_code_grant: false, flags: 0, bot: this.state.botUser, owner: this.state.botUser, team: null,
      verify_key: '0'.repeat(64), summary: '', tags: [], approximate_guild_count: this.state.guilds.size,
    });
  }

  // ---- application commands ----

  private commandScope(req: RestRequest): string {
    if (req.params.app !== this.state.applicationId) throw new RestFailure(UNKNOWN.application());
    if (req.params.guild) this.guild(req.params.guild);
    return req.params.guild ?? 'global';
  }

  /** A command as Discord echoes it, keeping the id of an existing command with the same name and type. */
  private storedCommand(scope: string, body: Json): FakeCommand {
    const type = Number(body.type ?? 1);
    const existing = this.state.commands.get(scope)?.find((c) => c.name === body.name && c.type === type);
    return {
      default_member_permissions: null, nsfw: false, contexts: null, integration_types: [0], options: [],
      description: '', ...body, type, name: String(body.name), id: existing?.id ?? this.state.ids.next(),
      application_id: this.state.applicationId, version: this.state.ids.next(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }

  private listCommands(req: RestRequest): RestReply {
    return ok(this.state.commands.get(this.commandScope(req)) ?? []);
  }

  private putCommands(req: RestRequest): RestReply {
    const scope = this.commandScope(req);
    const list = Array.isArray(req.body) ? (req.body as Json[]) : [];
    fail(validateCommands(list));
    const stored = list.map((body) => this.storedCommand(scope, body));
    this.state.commands.set(scope, stored);
    return ok(stored);
  }

  private postCommand(req: RestRequest): RestReply {
    const scope = this.commandScope(req);
    fail(validateCommands([req.body ?? {}]));
    const command = this.storedCommand(scope, req.body ?? {});
    const list = this.state.commands.get(scope) ?? [];
    const index = list.findIndex((c) => c.id === command.id);
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.state.commands.set(scope, list);
    return ok(command, index >= 0 ? 200 : 201);
  }

  private findCommand(req: RestRequest): { list: FakeCommand[]; index: number } {
    const list = this.state.commands.get(this.commandScope(req)) ?? [];
    const index = list.findIndex((c) => c.id === req.params.command);
    if (index < 0) throw new RestFailure(UNKNOWN.command());
    return { list, index };
  }

  private getCommand(req: RestRequest): RestReply {
    const { list, index } = this.findCommand(req);
    return ok(list[index]);
  }

  private patchCommand(req: RestRequest): RestReply {
    const { list, index } = this.findCommand(req);
    const merged = { ...list[index], ...req.body, id: list[index]?.id } as FakeCommand;
    fail(validateCommands([merged]));
    list[index] = merged;
    return ok(merged);
  }

  private deleteCommand(req: RestRequest): RestReply {
    const { list, index } = this.findCommand(req);
    list.splice(index, 1);
    return noContent();
  }

  // ---- interactions ----

  private interactionByToken(app: string | undefined, token: string | undefined): FakeInteraction {
    if (app !== this.state.applicationId) throw new RestFailure(UNKNOWN.webhook());
    const interaction = [...this.state.interactions.values()].find((i) => i.token === token);
    if (!interaction) throw new RestFailure(UNKNOWN.webhook());
    return interaction;
  }

  /** A message posted through an interaction: authored by the bot, as a webhook, with interaction metadata. */
  private interactionMessage(interaction: FakeInteraction, body: Json, files: RecordedFile[], extraFlags: number, followUp: boolean): FakeMessage {
    const channel = this.state.channel(interaction.channelId);
    const data = interaction.payload.data as Json;
    const isCommand = interaction.type === 2;
    const metadata: Json = {
      id: interaction.id, type: interaction.type, user: this.state.user(interaction.userId),
      authorizing_integration_owners: { 0: interaction.guildId },
      ...(isCommand ? { name: data.name, command_type: data.type } : {}),
      ...(data.target_id ? { target_message_id: data.target_id } : {}),
      ...(interaction.sourceMessageId ? { interacted_message_id: interaction.sourceMessageId } : {}),
      ...(followUp && interaction.originalMessageId ? { original_response_message_id: interaction.originalMessageId } : {}),
    };
    const commandType = data.type === 1 ? 20 : 23;
    return buildMessage(this.state, {
      channel, author: this.state.botUser, content: body.content as string | undefined,
      embeds: body.embeds as FakeMessage['embeds'], components: body.components as unknown[],
      attachments: this.uploads(channel, body, files), flags: (Number(body.flags ?? 0) & SETTABLE_FLAGS) | extraFlags,
      type: isCommand ? commandType : 0, allowedMentions: body.allowed_mentions as FakeMessage['allowed_mentions'],
      interactionMetadata: metadata, webhookId: this.state.applicationId, tts: body.tts === true,
    });
  }

  private interactionCallback(req: RestRequest): RestReply {
    const interaction = this.state.interactions.get(req.params.interaction ?? '');
    if (!interaction || interaction.token !== req.params.token) throw new RestFailure(UNKNOWN.interaction());
    if (interaction.responseType !== undefined) fail(apiError(400, 40060, 'Interaction has already been acknowledged.'));
    if (Date.now() - interaction.createdAt > this.options.interactionDeadlineMs) throw new RestFailure(UNKNOWN.interaction());
    const body = req.body ?? {};
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    let message: FakeMessage | undefined;
    const fromMessage = interaction.sourceMessageId !== undefined;
    if (type === 4) {
      fail(validateMessage(data, req.files.length));
      message = this.interactionMessage(interaction, data, req.files, 0, false);
    } else if (type === 5) {
      message = this.interactionMessage(interaction, { flags: Number(data.flags ?? 0) & EPHEMERAL }, [], LOADING, false);
    } else if ((type === 6 || type === 7) && fromMessage) {
      const source = this.state.findMessage(interaction.sourceMessageId ?? '');
      if (!source) throw new RestFailure(UNKNOWN.message());
      if (type === 7) {
        fail(validateMessage(data, req.files.length, true));
        this.applyEdit(source, data, req.files);
      }
      interaction.originalMessageId = source.id;
    } else if (type === 8 && interaction.type === 4) {
      // Autocomplete choices are only recorded.
    } else if (type === 9 && interaction.type !== 5) {
      fail(validateModal(data));
      interaction.modal = data;
    } else {
      fail(apiError(400, 50035, `Interaction response type ${type} is not valid for interaction type ${interaction.type}`));
    }
    interaction.responseType = type;
    if (message) {
      this.state.storeMessage(message);
      interaction.originalMessageId = message.id;
      this.events.messageCreate(message);
    }
    if (req.query.with_response !== 'true') return noContent();
    const original = interaction.originalMessageId ? this.state.findMessage(interaction.originalMessageId) : undefined;
    return ok({
      interaction: {
        id: interaction.id, type: interaction.type, response_message_id: original?.id,
        response_message_loading: original ? (original.flags & LOADING) !== 0 : undefined,
        response_message_ephemeral: original ? (original.flags & EPHEMERAL) !== 0 : undefined,
      },
      resource: { type, ...(original && type !== 6 ? { message: this.wire(original) } : {}) },
    });
  }

  /**
   * A follow-up. Like Discord, the first follow-up after a deferred response fills the "thinking" message
   * (keeping its ephemerality) instead of creating a new one.
   */
  private followUp(req: RestRequest): RestReply {
    const interaction = this.interactionByToken(req.params.app, req.params.token);
    if (interaction.responseType === undefined) throw new RestFailure(UNKNOWN.webhook());
    const body = req.body ?? {};
    fail(validateMessage(body, req.files.length));
    const original = interaction.originalMessageId ? this.state.findMessage(interaction.originalMessageId) : undefined;
    if (original && (original.flags & LOADING) !== 0) {
      this.applyEdit(original, body, req.files);
      return ok(this.wire(original));
    }
    const message = this.interactionMessage(interaction, body, req.files, 0, true);
    this.state.storeMessage(message);
    interaction.followUpIds.push(message.id);
    this.events.messageCreate(message);
    return ok(this.wire(message));
  }

  /** `@original` or a follow-up id of the interaction behind a token. */
  private webhookMessage(req: RestRequest): { interaction: FakeInteraction; message: FakeMessage } {
    const interaction = this.interactionByToken(req.params.app, req.params.token);
    const id = req.params.message === '@original' ? interaction.originalMessageId : req.params.message;
    const known = id !== undefined && (id === interaction.originalMessageId || interaction.followUpIds.includes(id));
    const message = known ? this.state.findMessage(id) : undefined;
    if (!message) throw new RestFailure(UNKNOWN.message());
    return { interaction, message };
  }

  private getWebhookMessage(req: RestRequest): RestReply {
    return ok(this.wire(this.webhookMessage(req).message));
  }

  private editWebhookMessage(req: RestRequest): RestReply {
    const { message } = this.webhookMessage(req);
    fail(validateMessage(req.body ?? {}, req.files.length, true));
    this.applyEdit(message, req.body ?? {}, req.files);
    return ok(this.wire(message));
  }

  private deleteWebhookMessage(req: RestRequest): RestReply {
    const { message } = this.webhookMessage(req);
    this.state.deleted.add(message.id);
    this.events.messageDelete(message);
    return noContent();
  }

  // ---- messages ----

  /** Attachment objects for uploaded files, with the descriptions given in `attachments` of the payload. */
  private uploads(channel: FakeChannel, body: Json, files: RecordedFile[]): FakeAttachment[] {
    const described = (Array.isArray(body.attachments) ? body.attachments : []) as Json[];
    return files.map((file) => {
      const index = /\[(\d+)\]/.exec(file.field)?.[1] ?? file.field.replace(/\D/g, '');
      const meta = described.find((a) => String(a.id) === index);
      const name = (meta?.filename as string | undefined) ?? file.filename;
      return this.state.addFile(channel.id, name, file.contentType, file.content, meta?.description as string | undefined);
    });
  }

  /**
   * Applies an edit the way Discord does: only the fields present change; `attachments` lists the ones to
   * keep; a deferred response stops loading. An edit that would leave the message empty is refused.
   */
  private applyEdit(message: FakeMessage, body: Json, files: RecordedFile[]): void {
    const next: FakeMessage = { ...message };
    if ('content' in body) next.content = (body.content as string | null) ?? '';
    if ('embeds' in body) next.embeds = ((body.embeds as FakeMessage['embeds'] | null) ?? []).map((e) => ({ type: 'rich', ...e }));
    if ('components' in body) next.components = (body.components as unknown[] | null) ?? [];
    if ('allowed_mentions' in body) next.allowed_mentions = body.allowed_mentions as FakeMessage['allowed_mentions'];
    if ('attachments' in body || files.length) {
      const keep = Array.isArray(body.attachments) ? (body.attachments as Json[]).map((a) => String(a.id)) : undefined;
      const kept = keep ? message.attachments.filter((a) => keep.includes(a.id)) : message.attachments;
      next.attachments = [...kept, ...this.uploads(this.state.channel(message.channel_id), body, files)];
    }
    if ('flags' in body) next.flags = (message.flags & ~(4 | 4096)) | (Number(body.flags ?? 0) & (4 | 4096));
    const wasLoading = (message.flags & LOADING) !== 0;
    next.flags &= ~LOADING;
    if (isEmpty({ ...next }, 0)) fail(apiError(400, 50006, 'Cannot send an empty message'));
    const guild = next.guild_id ? this.state.guilds.get(next.guild_id) : undefined;
    Object.assign(next, resolveMentions(this.state, guild, next.content, next.allowed_mentions, next.referenced_message ?? undefined));
    if (!wasLoading) next.edited_timestamp = new Date().toISOString();
    Object.assign(message, next);
    this.events.messageUpdate(message);
  }

  private createMessage(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    const body = req.body ?? {};
    const needs: PermissionName[] = [channel.thread ? 'SEND_MESSAGES_IN_THREADS' : 'SEND_MESSAGES'];
    if (Array.isArray(body.embeds) && body.embeds.length) needs.push('EMBED_LINKS');
    if (req.files.length) needs.push('ATTACH_FILES');
    const reference = body.message_reference as Json | undefined;
    if (reference) needs.push('READ_MESSAGE_HISTORY');
    this.require(channel, needs);
    fail(validateMessage(body, req.files.length));
    if (reference?.message_id && reference.fail_if_not_exists !== false) {
      const target = this.state.findMessage(String(reference.message_id));
      if (!target || target.channel_id !== String(reference.channel_id ?? channel.id)) {
        fail({
          status: 400,
          body: {
            code: 50035, message: 'Invalid Form Body',
            errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } },
          },
        });
      }
    }
    this.reopenThread(channel);
    const message = buildMessage(this.state, {
      channel, author: this.state.botUser, content: body.content as string | undefined,
      embeds: body.embeds as FakeMessage['embeds'], components: body.components as unknown[],
      attachments: this.uploads(channel, body, req.files), flags: Number(body.flags ?? 0) & SETTABLE_FLAGS & ~EPHEMERAL,
      reference: reference as FakeMessage['message_reference'],
      allowedMentions: body.allowed_mentions as FakeMessage['allowed_mentions'],
      nonce: body.nonce as string | undefined, tts: body.tts === true,
    });
    this.state.storeMessage(message);
    this.events.messageCreate(message);
    return ok(this.wire(message));
  }

  /** Sending into an archived (unlocked) thread unarchives it, as on Discord; a locked one refuses. */
  private reopenThread(channel: FakeChannel): void {
    const thread = channel.thread;
    if (!thread?.archived) return;
    if (thread.locked) fail(apiError(400, 50083, 'Thread is archived'));
    thread.archived = false;
    this.events.channelUpdate(channel);
  }

  private listMessages(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    this.require(channel, ['READ_MESSAGE_HISTORY']);
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 50)));
    let list = this.state.history(channel.id);
    const big = (id: string): bigint => BigInt(id);
    if (req.query.before) list = list.filter((m) => big(m.id) < big(req.query.before as string));
    if (req.query.after) list = list.filter((m) => big(m.id) > big(req.query.after as string)).slice(0, limit);
    return ok(list.slice(-limit).reverse().map((m) => this.wire(m)));
  }

  private getMessage(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    this.require(channel, ['READ_MESSAGE_HISTORY']);
    return ok(this.wire(this.messageIn(channel, req.params.message)));
  }

  private editMessage(req: RestRequest): RestReply {
    const channel = this.visibleChannel(req.params.channel);
    const message = this.messageIn(channel, req.params.message);
    if (message.author.id !== this.state.botUser.id || message.webhook_id) {
      fail(apiError(403, 50005, 'Cannot edit a message authored by another user'));
    }
    fail(validateMessage(req.body ?? {}, req.files.length, true));
    this.applyEdit(message, req.body ?? {}, req.files);
    return ok(this.wire(message));
  }

  private deleteMessage(req: RestRequest): RestReply {
    const channel = this.visibleChannel(req.params.channel);
    const message = this.messageIn(channel, req.params.message);
    if (message.author.id !== this.state.botUser.id) this.require(channel, ['MANAGE_MESSAGES']);
    this.state.deleted.add(message.id);
    this.events.messageDelete(message);
    return noContent();
  }

  private react(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    this.require(channel, req.method === 'PUT' ? ['ADD_REACTIONS', 'READ_MESSAGE_HISTORY'] : []);
    this.messageIn(channel, req.params.message);
    return noContent();
  }

  // ---- threads and channels ----

  private threadFromMessage(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    this.require(channel, ['CREATE_PUBLIC_THREADS']);
    if (channel.thread || ![0, 5].includes(channel.type)) fail(apiError(400, 50024, 'Cannot execute action on this channel type'));
    const message = this.messageIn(channel, req.params.message);
    const body = req.body ?? {};
    fail(validateThread(body));
    if (message.thread || this.state.channels.has(message.id)) {
      fail(apiError(400, 160004, 'A thread has already been created for this message'));
    }
    const thread = this.state.addThread({
      id: message.id, parentId: channel.id, name: String(body.name), ownerId: this.state.botUser.id,
      type: channel.type === 5 ? 10 : 11, autoArchiveDuration: body.auto_archive_duration as number | undefined,
    });
    message.thread = channelPayload(thread);
    message.flags |= HAS_THREAD;
    this.events.threadCreate(thread);
    return ok({ ...channelPayload(thread), member: threadMemberPayload(thread, this.state.botUser.id) }, 201);
  }

  private threadWithoutMessage(req: RestRequest): RestReply {
    const channel = this.channel(req.params.channel);
    const body = req.body ?? {};
    const type = Number(body.type ?? 12);
    this.require(channel, [type === 12 ? 'CREATE_PRIVATE_THREADS' : 'CREATE_PUBLIC_THREADS']);
    if (channel.thread) fail(apiError(400, 50024, 'Cannot execute action on this channel type'));
    fail(validateThread(body));
    const thread = this.state.addThread({
      parentId: channel.id, name: String(body.name), ownerId: this.state.botUser.id, type,
      autoArchiveDuration: body.auto_archive_duration as number | undefined,
    });
    this.events.threadCreate(thread);
    return ok({ ...channelPayload(thread), member: threadMemberPayload(thread, this.state.botUser.id) }, 201);
  }

  private patchChannel(req: RestRequest): RestReply {
    const channel = this.visibleChannel(req.params.channel);
    const body = req.body ?? {};
    const ownThread = channel.thread?.ownerId === this.state.botUser.id;
    if (!ownThread) this.require(channel, [channel.thread ? 'MANAGE_THREADS' : 'MANAGE_CHANNELS']);
    if (typeof body.name === 'string') {
      if (channel.thread) fail(validateThread({ name: body.name }));
      channel.name = body.name;
    }
    if (channel.thread) {
      if (typeof body.archived === 'boolean') channel.thread.archived = body.archived;
      if (typeof body.locked === 'boolean') channel.thread.locked = body.locked;
      if (body.auto_archive_duration !== undefined) {
        fail(validateThread({ name: channel.name, auto_archive_duration: body.auto_archive_duration }));
        channel.thread.autoArchiveDuration = Number(body.auto_archive_duration);
      }
    } else if ('topic' in body) {
      channel.topic = (body.topic as string | null) ?? null;
    }
    this.events.channelUpdate(channel);
    return ok(channelPayload(channel));
  }

  private joinThread(req: RestRequest): RestReply {
    const channel = this.visibleChannel(req.params.channel);
    if (!channel.thread) fail(apiError(400, 50024, 'Cannot execute action on this channel type'));
    channel.thread?.memberIds.add(this.state.botUser.id);
    return noContent();
  }

  private leaveThread(req: RestRequest): RestReply {
    const channel = this.visibleChannel(req.params.channel);
    channel.thread?.memberIds.delete(this.state.botUser.id);
    return noContent();
  }

  private activeThreads(req: RestRequest): RestReply {
    const guild = this.guild(req.params.guild);
    const threads = guild.channelIds.map((id) => this.state.channel(id)).filter((c) => c.thread && !c.thread.archived);
    const bot = this.state.botUser.id;
    return ok({
      threads: threads.map(channelPayload),
      members: threads.filter((t) => t.thread?.memberIds.has(bot)).map((t) => threadMemberPayload(t, bot)),
    });
  }

  // ---- guilds ----

  /** The REST guild object: the GUILD_CREATE data without what only the gateway sends. */
  private getGuild(req: RestRequest): RestReply {
    const {
      channels: _c, threads: _t, members: _m, presences: _p, voice_states: _v, joined_at: _j, large: _l,
      unavailable: _u, member_count: _n, lazy: _z, ...guild
    } = guildCreatePayload(this.state, this.guild(req.params.guild), false);
    return ok(guild);
  }

  private getMember(req: RestRequest): RestReply {
    const guild = this.guild(req.params.guild);
    if (!guild.members.has(req.params.user ?? '')) throw new RestFailure(UNKNOWN.member());
    return ok(memberPayload(this.state, guild, req.params.user as string));
  }
}
