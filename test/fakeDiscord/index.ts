/** A loopback fake of Discord (REST, gateway, CDN) for end-to-end tests; see README.md. */
export { startFakeDiscord, FakeDiscord } from './server.js';
export type { ActorOptions, AttachmentInput, FakeDiscordOptions, GuildView, InteractionHandle } from './server.js';
export type { CallMatcher, RecordedCall, RecordedFile } from './calls.js';
export type { CdnOverride, CdnRequest } from './http.js';
export { shardOfGuild, type GatewayEvent } from './gateway.js';
export { Intent } from './events.js';
export { OptionType, type OptionValue, type SlashCommandInput } from './payloads.js';
export { PERMISSIONS, type PermissionInput, type PermissionName } from './permissions.js';
export { snowflakeTime } from './state.js';
export type {
  AllowedMentions, ChannelSeed, FakeAttachment, FakeChannel, FakeEmbed, FakeMessage, FakeUser, GuildSeed, UserSeed,
} from './state.js';
