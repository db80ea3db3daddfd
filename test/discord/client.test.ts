import { GatewayIntentBits, IntentsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createBot, intentsFor } from '../../src/discord/client.js';
import { INVITE_SCOPES, inviteUrl } from '../../src/discord/invite.js';
import { loginHint } from '../../src/discord/run.js';
import { fakeFetcher, memoryCache, testConfig } from './fakes.js';

describe('createBot', () => {
  it('builds a client that never pings and asks for Message Content only when enabled', async () => {
    const bot = createBot({ config: testConfig(), services: { fetchPage: fakeFetcher(), cache: await memoryCache() } });
    expect(bot.client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(new IntentsBitField(bot.client.options.intents).has(GatewayIntentBits.MessageContent)).toBe(true);
    expect(intentsFor(false)).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    await bot.stop(10);
  });

  it('takes client options from the caller (a fake Discord for end-to-end tests)', async () => {
    const bot = createBot({
      config: testConfig(),
      services: { fetchPage: fakeFetcher(), cache: await memoryCache() },
      clientOptions: { rest: { api: 'http://127.0.0.1:9/api' } },
    });
    expect(bot.client.options.rest?.api).toBe('http://127.0.0.1:9/api');
    await bot.stop(10);
  });

  it('refuses services without a cache', () => {
    expect(() => createBot({ config: testConfig(), services: { fetchPage: fakeFetcher() } })).toThrow(/cache/);
  });

  it('stops once, however many times it is asked', async () => {
    const bot = createBot({ config: testConfig(), services: { fetchPage: fakeFetcher(), cache: await memoryCache() } });
    const first = bot.stop(10);
    expect(bot.stop(10)).toBe(first);
    await first;
    expect(bot.client.isReady()).toBe(false);
  });
});

describe('inviteUrl', () => {
  it('carries the scopes and the minimal permissions', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe(INVITE_SCOPES.join(' '));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('309237730368');
  });
});

describe('loginHint', () => {
  it('explains the login failures an operator can fix', () => {
    expect(loginHint({ code: 'DisallowedIntents' })).toMatch(/Message Content/);
    expect(loginHint({ code: 'TokenInvalid' })).toMatch(/DISCORD_TOKEN/);
    expect(loginHint(new Error('ENOTFOUND'))).toBeUndefined();
  });
});
