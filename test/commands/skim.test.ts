import { MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { NO_INTENT_NOTE, data as skimData } from '../../commands/skim.js';
import { data as statusData } from '../../commands/skimStatus.js';
import { VERSION } from '../../src/services.js';
import { CHANNEL_ID, GUILD_ID, fakeInteraction, lastEdit, testConfig, testContext } from '../discord/fakes.js';
import { run } from './helpers.js';

function skim(subcommand: string, init: Parameters<typeof fakeInteraction>[0] = {}) {
  return fakeInteraction({ kind: 'slash', commandName: 'skim', ...init, options: { subcommand, ...init.options } });
}

function skimStatus(init: Parameters<typeof fakeInteraction>[0] = {}) {
  return fakeInteraction({ kind: 'slash', commandName: 'skim-status', ...init });
}

describe('the command definitions', () => {
  it('hide the settings from members by default (Manage Server), and leave the status open to everyone', () => {
    expect(skimData.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect('default_member_permissions' in statusData).toBe(false);
  });
});

describe('/skim autosummary', () => {
  it('turns auto-summary on in this channel, privately, and it persists', async () => {
    const ctx = await testContext();
    const interaction = skim('autosummary', { options: { strings: { state: 'on' } } });
    await run(interaction, ctx);
    expect(interaction.calls.deferReply).toEqual([{ flags: MessageFlags.Ephemeral }]);
    expect(lastEdit(interaction).content).toBe(`Auto-summary is now **on** in <#${CHANNEL_ID}>.`);
    expect(lastEdit(interaction).allowedMentions).toMatchObject({ parse: [] });
    expect(await ctx.settings.autoSummaryOn(GUILD_ID, CHANNEL_ID)).toBe(true);
  });

  it('turns it off in another channel given as an option', async () => {
    const ctx = await testContext();
    await ctx.settings.setAutoSummary(GUILD_ID, '900000000000000077', true);
    await run(skim('autosummary', { options: { strings: { state: 'off' }, channels: { channel: { id: '900000000000000077' } } } }), ctx);
    expect(await ctx.settings.autoSummaryOn(GUILD_ID, '900000000000000077')).toBe(false);
  });

  it('needs Manage Server', async () => {
    const ctx = await testContext();
    const interaction = skim('autosummary', { options: { strings: { state: 'on' } }, memberPermissions: new PermissionsBitField(0n) });
    await run(interaction, ctx);
    expect(lastEdit(interaction).content).toBe('You need the Manage Server permission to change this.');
    expect(await ctx.settings.autoSummaryOn(GUILD_ID, CHANNEL_ID)).toBe(false);
  });

  it('warns that link replies need the Message Content intent when it is off', async () => {
    const ctx = await testContext({ config: testConfig({ MESSAGE_CONTENT_INTENT: 'false' }) });
    const interaction = skim('autosummary', { options: { strings: { state: 'on' } } });
    await run(interaction, ctx);
    expect(lastEdit(interaction).content).toContain(NO_INTENT_NOTE);
  });
});

describe('/skim-status', () => {
  it('shows the settings, the cache store and the version', async () => {
    const ctx = await testContext();
    await ctx.settings.setAutoSummary(GUILD_ID, CHANNEL_ID, true);
    const interaction = skimStatus();
    await run(interaction, ctx);
    const content = String(lastEdit(interaction).content);
    expect(content).toContain(`Skim ${VERSION}`);
    expect(content).toContain(`Auto-summary: on in <#${CHANNEL_ID}>`);
    expect(content).toContain('Link replies: enabled');
    expect(content).toContain('Cache store: memory');
  });

  it('stays within a message for a server with auto-summary on in very many channels', async () => {
    const ctx = await testContext();
    for (let i = 0; i < 120; i++) await ctx.settings.setAutoSummary(GUILD_ID, `9200000000000${String(i).padStart(5, '0')}`, true);
    const interaction = skimStatus();
    await run(interaction, ctx);
    const content = String(lastEdit(interaction).content);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain('and 95 more');
  });

  it('says link replies are off without the Message Content intent', async () => {
    const ctx = await testContext({ config: testConfig({ MESSAGE_CONTENT_INTENT: 'false' }) });
    const interaction = skimStatus();
    await run(interaction, ctx);
    expect(String(lastEdit(interaction).content)).toContain(NO_INTENT_NOTE);
  });

  it('is open to members without Manage Server', async () => {
    const ctx = await testContext();
    const interaction = skimStatus({ memberPermissions: new PermissionsBitField(0n) });
    await run(interaction, ctx);
    expect(String(lastEdit(interaction).content)).toContain(`Skim ${VERSION}`);
  });

  it('is for servers only', async () => {
    const ctx = await testContext();
    const interaction = skimStatus({ guildId: null });
    await run(interaction, ctx);
    expect(lastEdit(interaction).content).toBe('Use this command in a server.');
  });
});
