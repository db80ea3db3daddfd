import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig, loadConfig, shardIdentity } from '../src/config.js';
import { restOptionsFromConfig } from '../src/discord/restOptions.js';

describe('loadConfig', () => {
  it('gives defaults for an empty environment, without Discord keys', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ CACHE_TTL_SECONDS: 86_400, FAILURE_TTL_SECONDS: 600, MESSAGE_CONTENT_INTENT: false, WORKER_THREADS: 'auto' });
    expect(config.CACHE_URL).toBeUndefined();
  });

  it('parses numbers, booleans and the cache URL forms', () => {
    const config = loadConfig({ CACHE_TTL_SECONDS: '60', MESSAGE_CONTENT_INTENT: 'true', CACHE_URL: 'redis://127.0.0.1:6379', WORKER_THREADS: '0' });
    expect(config).toMatchObject({ CACHE_TTL_SECONDS: 60, MESSAGE_CONTENT_INTENT: true, CACHE_URL: 'redis://127.0.0.1:6379', WORKER_THREADS: 0 });
  });

  it('names the malformed key in one line pointing to .env.example', () => {
    for (const env of [{ CACHE_TTL_SECONDS: 'soon' }, { CACHE_URL: 'postgres://x' }, { LOG_LEVEL: 'loud' }, { DISCORD_CLIENT_ID: 'abc' }]) {
      const error = (() => {
        try {
          loadConfig(env);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(Object.keys(env)[0]);
      expect(message).toMatch(/\(see \.env\.example\)$/);
      expect(message).not.toContain('\n');
    }
  });

  it('takes an http(s) DISCORD_API_URL without its trailing slash, and leaves it unset by default', () => {
    expect(loadConfig({}).DISCORD_API_URL).toBeUndefined();
    expect(loadConfig({ DISCORD_API_URL: 'http://nirn-proxy:8080/api/' }).DISCORD_API_URL).toBe('http://nirn-proxy:8080/api');
    expect(loadConfig({ DISCORD_API_URL: 'https://proxy.example.com/api' }).DISCORD_API_URL).toBe('https://proxy.example.com/api');
  });

  it('refuses a DISCORD_API_URL that is not an http(s) URL, naming the key', () => {
    for (const value of ['ftp://proxy/api', 'proxy:8080/api', 'ws://127.0.0.1:8080/api', 'http://']) {
      expect(() => loadConfig({ DISCORD_API_URL: value })).toThrow(/^Config error: DISCORD_API_URL must be an http\(s\) URL/);
    }
  });

  it('requires the token and application id for the bot only', () => {
    expect(() => loadBotConfig({})).toThrow(/DISCORD_TOKEN is missing/);
    expect(() => loadBotConfig({ DISCORD_TOKEN: 't' })).toThrow(/DISCORD_CLIENT_ID is missing/);
    expect(loadBotConfig({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '123456789012345678' }).DISCORD_TOKEN).toBe('t');
  });

  it('documents every key it reads in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const keys = [...source.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual(keys.sort());
  });
});

describe('shardIdentity', () => {
  it('recognises a shard started by the ShardingManager', () => {
    expect(shardIdentity({ SHARDING_MANAGER: 'true', SHARDS: '1' })).toEqual({ isShard: true, shards: '1' });
    expect(shardIdentity({})).toEqual({ isShard: false, shards: undefined });
  });
});

describe('restOptionsFromConfig', () => {
  it('points the REST client at DISCORD_API_URL when it is set', () => {
    expect(restOptionsFromConfig(loadConfig({ DISCORD_API_URL: 'http://127.0.0.1:9000/api/' }))).toEqual({ api: 'http://127.0.0.1:9000/api' });
  });

  it("leaves discord.js's default (Discord itself) when it is not", () => {
    expect(restOptionsFromConfig(loadConfig({}))).toEqual({});
  });
});
