import { ChannelType, DiscordAPIError, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { abilitiesFrom, isRefusal, REQUIRED_PERMISSIONS } from '../../src/discord/permissions.js';
import { perms, permsWithout } from './fakes.js';

function apiError(code: number, status: number): DiscordAPIError {
  return new DiscordAPIError({ code, message: 'refused' }, code, status, 'POST', '/channels/1/messages', { body: undefined, files: undefined });
}

describe('abilitiesFrom', () => {
  it('allows everything with the invite permissions in a text channel', () => {
    expect(abilitiesFrom(perms(), ChannelType.GuildText)).toEqual({ send: true, embed: true, thread: true, history: true, react: true });
  });

  it('follows each missing permission', () => {
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.SendMessages), ChannelType.GuildText).send).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.EmbedLinks), ChannelType.GuildText).embed).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.CreatePublicThreads), ChannelType.GuildText).thread).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.ReadMessageHistory), ChannelType.GuildText).history).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.AddReactions), ChannelType.GuildText).react).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.ReadMessageHistory), ChannelType.GuildText).react).toBe(false);
    expect(abilitiesFrom(permsWithout(PermissionFlagsBits.ViewChannel), ChannelType.GuildText)).toMatchObject({ send: false, thread: false });
  });

  it('posts in threads with Send Messages in Threads, and never starts a thread inside one', () => {
    const inThread = abilitiesFrom(permsWithout(PermissionFlagsBits.SendMessages), ChannelType.PublicThread);
    expect(inThread).toMatchObject({ send: true, thread: false });
  });

  it('starts threads only in text and announcement channels', () => {
    expect(abilitiesFrom(perms(), ChannelType.GuildAnnouncement).thread).toBe(true);
    expect(abilitiesFrom(perms(), ChannelType.GuildVoice).thread).toBe(false);
    expect(abilitiesFrom(perms(), ChannelType.DM).thread).toBe(false);
  });

  it('allows nothing when the permissions are unknown', () => {
    expect(abilitiesFrom(null, ChannelType.GuildText)).toEqual({ send: false, embed: false, thread: false, history: false, react: false });
  });

  it('treats Administrator as every permission', () => {
    expect(abilitiesFrom(perms(PermissionFlagsBits.Administrator), ChannelType.GuildText).thread).toBe(true);
  });

  it('asks in the invite for exactly what it uses', () => {
    expect(perms(REQUIRED_PERMISSIONS).toArray().sort()).toEqual(
      ['AddReactions', 'CreatePublicThreads', 'EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel'].sort(),
    );
  });
});

describe('isRefusal', () => {
  it('recognises permission, access and gone-target errors, and nothing else', () => {
    expect(isRefusal(apiError(50013, 403))).toBe(true);
    expect(isRefusal(apiError(50001, 403))).toBe(true);
    expect(isRefusal(apiError(160004, 400))).toBe(true);
    expect(isRefusal(apiError(10062, 404))).toBe(true);
    expect(isRefusal(apiError(50035, 400))).toBe(false);
    expect(isRefusal(new Error('Missing Permissions'))).toBe(false);
  });

  it('counts a reply to a message deleted meanwhile as a refusal, and other invalid bodies not', () => {
    const body = (errors: unknown) =>
      new DiscordAPIError({ code: 50035, message: 'Invalid Form Body', errors } as never, 50035, 400, 'POST', '/channels/1/messages', { body: undefined, files: undefined });
    expect(isRefusal(body({ message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } }))).toBe(true);
    expect(isRefusal(body({ content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } }))).toBe(false);
  });
});
