import { ChannelType, DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, type PermissionsBitField } from 'discord.js';

/** What Skim may do in a channel. */
export interface Abilities {
  /** Post a message (in a thread: post in threads). */
  send: boolean;
  /** Show embeds; without it summaries go out as plain text. */
  embed: boolean;
  /** Start a public thread from a message and post in it. */
  thread: boolean;
  /** Reply to a message (a reply needs to read the history it points to). */
  history: boolean;
  /** Add a reaction to a message (Discord also wants the history for that). */
  react: boolean;
}

/** The permissions Skim asks for in its invite link, and nothing more. */
export const REQUIRED_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.AddReactions;

/** Channel types in which a message can start a public thread. */
const THREAD_PARENTS = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/**
 * What Skim may do, from its permissions in a channel (`permissionsFor` or an interaction's `appPermissions`;
 * null when unknown, which allows nothing) and the channel's type.
 */
export function abilitiesFrom(permissions: Readonly<PermissionsBitField> | null | undefined, channelType: ChannelType | undefined): Abilities {
  if (!permissions) return { send: false, embed: false, thread: false, history: false, react: false };
  const has = (flag: bigint) => permissions.has(flag, true);
  const inThread = channelType !== undefined && isThreadType(channelType);
  const view = has(PermissionFlagsBits.ViewChannel);
  const send = view && has(inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages);
  return {
    send,
    embed: has(PermissionFlagsBits.EmbedLinks),
    thread:
      view &&
      channelType !== undefined &&
      THREAD_PARENTS.has(channelType) &&
      has(PermissionFlagsBits.CreatePublicThreads) &&
      has(PermissionFlagsBits.SendMessagesInThreads),
    history: view && has(PermissionFlagsBits.ReadMessageHistory),
    react: view && has(PermissionFlagsBits.ReadMessageHistory) && has(PermissionFlagsBits.AddReactions),
  };
}

/** Whether a channel type is a thread. */
export function isThreadType(type: ChannelType): boolean {
  return type === ChannelType.PublicThread || type === ChannelType.PrivateThread || type === ChannelType.AnnouncementThread;
}

/** Error codes for requests Discord refuses for good: retrying them cannot succeed. */
const REFUSALS = new Set<number>([
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
  RESTJSONErrorCodes.CannotReplyWithoutPermissionToReadMessageHistory,
  RESTJSONErrorCodes.CannotReferenceAMessageWithoutPermissionToReadMessageHistory,
  RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
  RESTJSONErrorCodes.ThreadLocked,
  RESTJSONErrorCodes.MaximumActiveThreads,
  RESTJSONErrorCodes.MaximumActiveAnnouncementThreads,
]);

/**
 * Whether Discord refused a request for lack of permission or access, or because its target is gone: an
 * expected outcome to log and move on from, never to retry.
 */
export function isRefusal(error: unknown): boolean {
  if (!(error instanceof DiscordAPIError)) return false;
  return error.status === 403 || error.status === 404 || REFUSALS.has(Number(error.code)) || isGoneReplyTarget(error);
}

/** The codes Discord gives inside an "Invalid Form Body" when the message replied to no longer exists. */
const GONE_REPLY_TARGET = /"(?:MESSAGE_REFERENCE_UNKNOWN_MESSAGE|REPLIES_UNKNOWN_MESSAGE)"/;

/**
 * A reply whose target was deleted meanwhile (its author, or a moderation bot removing links): Discord answers
 * 400 Invalid Form Body about `message_reference`. Nothing is left to answer, so it counts as a refusal.
 */
function isGoneReplyTarget(error: DiscordAPIError): boolean {
  if (Number(error.code) !== RESTJSONErrorCodes.InvalidFormBodyOrContentType) return false;
  const errors = (error.rawError as { errors?: { message_reference?: unknown } }).errors;
  return errors?.message_reference !== undefined && GONE_REPLY_TARGET.test(JSON.stringify(errors.message_reference));
}
