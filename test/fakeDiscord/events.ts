/**
 * Gateway events with Discord's intent rules: which session gets which dispatch, and what a session
 * without MESSAGE_CONTENT sees of a message. REST handlers and test helpers both send events through here.
 */
import { sessionHasGuild, type FakeGateway, type GatewaySession } from './gateway.js';
import { channelPayload, guildCreatePayload, memberPayload, rolesPayload, threadMemberPayload, wireMessage } from './payloads.js';
import { PERMISSIONS } from './permissions.js';
import type { FakeChannel, FakeGuild, FakeMessage, FakeState } from './state.js';

/** Intent bits the fake honours. */
export const Intent = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildMessages: 1 << 9, MessageContent: 1 << 15 } as const;

const has = (session: GatewaySession, intent: number): boolean => (session.intents & intent) !== 0;

/** Sends Discord-shaped events to the bot's gateway sessions. */
export class Events {
  constructor(private readonly state: FakeState, private readonly gateway: FakeGateway) {}

  /** READY data and the GUILD_CREATE that follow, for a new session. */
  identify(session: GatewaySession): { ready: Record<string, unknown>; after: { t: string; d: Record<string, unknown> }[] } {
    // A shard hears of its own guilds only.
    const guilds = [...this.state.guilds.values()].filter((g) => sessionHasGuild(session, g.id));
    return {
      ready: {
        v: 10, user: { ...this.state.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), shard: session.shard,
        application: { id: this.state.applicationId, flags: 0 }, private_channels: [], presences: [],
        relationships: [], guild_join_requests: [], geo_ordered_rtc_regions: [], user_settings: {}, auth: {},
        _trace: ['fake-discord'],
      },
      after: has(session, Intent.Guilds)
        ? guilds.map((g) => ({ t: 'GUILD_CREATE', d: guildCreatePayload(this.state, g, has(session, Intent.GuildMembers)) }))
        : [],
    };
  }

  guildCreate(guild: FakeGuild): void {
    this.gateway.dispatch('GUILD_CREATE', (s: GatewaySession) =>
      has(s, Intent.Guilds) ? guildCreatePayload(this.state, guild, has(s, Intent.GuildMembers)) : undefined);
  }

  private guildEvent(t: string, d: unknown): void {
    this.gateway.dispatch(t, (s: GatewaySession) => (has(s, Intent.Guilds) ? d : undefined));
  }

  /** CHANNEL_UPDATE, or THREAD_UPDATE for a thread. */
  channelUpdate(channel: FakeChannel): void {
    this.guildEvent(channel.thread ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', channelPayload(channel));
  }

  channelCreate(channel: FakeChannel): void {
    this.guildEvent('CHANNEL_CREATE', channelPayload(channel));
  }

  /** THREAD_CREATE; the bot gets its thread-member object when it is in the thread. */
  threadCreate(thread: FakeChannel, newlyCreated = true): void {
    const bot = this.state.botUser.id;
    this.guildEvent('THREAD_CREATE', {
      ...channelPayload(thread), newly_created: newlyCreated,
      ...(thread.thread?.memberIds.has(bot) ? { member: threadMemberPayload(thread, bot) } : {}),
    });
  }

  /** GUILD_MEMBER_ADD (GUILD_MEMBERS intent only). */
  memberAdd(guild: FakeGuild, userId: string): void {
    const d = { ...memberPayload(this.state, guild, userId), guild_id: guild.id };
    this.gateway.dispatch('GUILD_MEMBER_ADD', (s: GatewaySession) => (has(s, Intent.GuildMembers) ? d : undefined));
  }

  roleUpdate(guild: FakeGuild, roleId: string): void {
    const role = rolesPayload(guild).find((r) => r.id === roleId);
    this.guildEvent('GUILD_ROLE_UPDATE', { guild_id: guild.id, role });
  }

  private messageEvent(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: FakeMessage): void {
    if ((message.flags & 64) !== 0) return; // ephemeral messages never reach the gateway
    if ((this.state.permissionsIn(message.channel_id, this.state.botUser.id) & PERMISSIONS.VIEW_CHANNEL) === 0n) return;
    const member = this.memberOf(message);
    this.gateway.dispatch(t, (s: GatewaySession) => {
      if (!has(s, Intent.GuildMessages)) return undefined;
      return { ...wireMessage(message, this.state.botUser.id, has(s, Intent.MessageContent)), ...(member ? { member } : {}) };
    });
  }

  private memberOf(message: FakeMessage): Record<string, unknown> | undefined {
    if (message.webhook_id || !message.guild_id) return undefined;
    const member = this.state.guild(message.guild_id).members.get(message.author.id);
    return member && { roles: member.roles, nick: member.nick, joined_at: member.joinedAt, deaf: false, mute: false, flags: 0 };
  }

  messageCreate(message: FakeMessage): void {
    this.messageEvent('MESSAGE_CREATE', message);
  }

  messageUpdate(message: FakeMessage): void {
    this.messageEvent('MESSAGE_UPDATE', message);
  }

  messageDelete(message: FakeMessage): void {
    if ((message.flags & 64) !== 0) return;
    this.gateway.dispatch('MESSAGE_DELETE', (s: GatewaySession) =>
      has(s, Intent.GuildMessages) ? { id: message.id, channel_id: message.channel_id, guild_id: message.guild_id } : undefined);
  }

  interactionCreate(payload: Record<string, unknown>): void {
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }
}
