/**
 * Discord permission flags and the documented way of computing a member's permissions in a channel
 * (base permissions from roles, then @everyone, role and member overwrites). The fake keeps its own table
 * rather than borrowing the client's, so that a mistake in the client's view of permissions shows up.
 */

/** Flags by their names in Discord's documentation. */
export const PERMISSIONS = {
  CREATE_INSTANT_INVITE: 1n << 0n,
  KICK_MEMBERS: 1n << 1n,
  BAN_MEMBERS: 1n << 2n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  ADD_REACTIONS: 1n << 6n,
  VIEW_AUDIT_LOG: 1n << 7n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  SEND_TTS_MESSAGES: 1n << 12n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MENTION_EVERYONE: 1n << 17n,
  USE_EXTERNAL_EMOJIS: 1n << 18n,
  CHANGE_NICKNAME: 1n << 26n,
  MANAGE_NICKNAMES: 1n << 27n,
  MANAGE_ROLES: 1n << 28n,
  MANAGE_WEBHOOKS: 1n << 29n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
  MANAGE_THREADS: 1n << 34n,
  CREATE_PUBLIC_THREADS: 1n << 35n,
  CREATE_PRIVATE_THREADS: 1n << 36n,
  USE_EXTERNAL_STICKERS: 1n << 37n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
  MODERATE_MEMBERS: 1n << 40n,
  SEND_POLLS: 1n << 49n,
  USE_EXTERNAL_APPS: 1n << 50n,
} as const;

export type PermissionName = keyof typeof PERMISSIONS;

/** A flag by its documented name (`SEND_MESSAGES`), its discord.js name (`SendMessages`), or raw bits. */
export type PermissionInput = PermissionName | string | bigint;

const ALL = Object.values(PERMISSIONS).reduce((a, b) => a | b, 0n) | ((1n << 53n) - 1n);

/** What a fresh guild's @everyone role may do in text channels. */
export const DEFAULT_EVERYONE: PermissionName[] = [
  'CREATE_INSTANT_INVITE', 'ADD_REACTIONS', 'VIEW_CHANNEL', 'SEND_MESSAGES', 'EMBED_LINKS', 'ATTACH_FILES',
  'READ_MESSAGE_HISTORY', 'USE_EXTERNAL_EMOJIS', 'CHANGE_NICKNAME', 'USE_APPLICATION_COMMANDS',
  'CREATE_PUBLIC_THREADS', 'CREATE_PRIVATE_THREADS', 'SEND_MESSAGES_IN_THREADS', 'SEND_POLLS',
  'USE_EXTERNAL_APPS',
];

/** What the bot's managed role grants unless the test says otherwise: what a summary bot asks for when invited. */
export const DEFAULT_BOT: PermissionName[] = [
  'VIEW_CHANNEL', 'SEND_MESSAGES', 'SEND_MESSAGES_IN_THREADS', 'CREATE_PUBLIC_THREADS', 'EMBED_LINKS',
  'ATTACH_FILES', 'READ_MESSAGE_HISTORY', 'ADD_REACTIONS', 'USE_EXTERNAL_EMOJIS',
];

/** `SendMessages` and `send_messages` become `SEND_MESSAGES`. */
function normalizeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The bits of one flag, a list of flags, or raw bits; throws on an unknown name so typos fail loudly. */
export function permissionBits(input: PermissionInput | readonly PermissionInput[]): bigint {
  if (Array.isArray(input)) return input.reduce<bigint>((bits, one) => bits | permissionBits(one as PermissionInput), 0n);
  if (typeof input === 'bigint') return input;
  const key = normalizeName(input as string);
  const bits = (PERMISSIONS as Record<string, bigint>)[key];
  if (bits === undefined) throw new Error(`fake Discord: unknown permission "${String(input)}"`);
  return bits;
}

/** The documented names of the flags set in `bits` (for error messages and reports). */
export function permissionNames(bits: bigint): PermissionName[] {
  return (Object.keys(PERMISSIONS) as PermissionName[]).filter((name) => (bits & PERMISSIONS[name]) !== 0n);
}

/** A permission overwrite on a channel: type 0 for a role, 1 for a member. */
export interface Overwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** What the computation needs to know about a guild. */
export interface PermissionGuild {
  id: string;
  ownerId: string;
  roles: ReadonlyMap<string, { permissions: bigint }>;
  members: ReadonlyMap<string, { roles: readonly string[] }>;
}

/** Guild-wide permissions of a member: @everyone plus the member's roles; everything for owners and admins. */
export function basePermissions(guild: PermissionGuild, userId: string): bigint {
  if (userId === guild.ownerId) return ALL;
  let bits = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of guild.members.get(userId)?.roles ?? []) bits |= guild.roles.get(roleId)?.permissions ?? 0n;
  return (bits & PERMISSIONS.ADMINISTRATOR) !== 0n ? ALL : bits;
}

/** Permissions of a member in a (non-thread) channel, applying overwrites in Discord's order. */
export function channelPermissions(guild: PermissionGuild, overwrites: readonly Overwrite[], userId: string): bigint {
  const base = basePermissions(guild, userId);
  if (base === ALL) return ALL;
  let bits = base;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === guild.id);
  if (everyone) bits = (bits & ~everyone.deny) | everyone.allow;
  const roles = new Set(guild.members.get(userId)?.roles ?? []);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && o.id !== guild.id && roles.has(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  bits = (bits & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) bits = (bits & ~own.deny) | own.allow;
  // Without VIEW_CHANNEL a member can do nothing in the channel.
  return (bits & PERMISSIONS.VIEW_CHANNEL) === 0n ? 0n : bits;
}
