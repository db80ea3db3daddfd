import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadBotConfig } from '../../src/config.js';
import { totalShardsFor } from '../../src/discord/shards.js';
import { startFakeDiscord, type FakeDiscord, type GuildView, type InteractionHandle } from '../fakeDiscord/index.js';
import { descendantProcessIds, processAlive, startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { startPageServer, type PageServer } from '../helpers/pageServer.js';
import { articleHtml, LIBRARY } from './pages.js';

/**
 * End-to-end: `npm start` with SHARD_COUNT=2 — discord.js's ShardingManager and two shard processes of the real
 * entry point — against the loopback fake (reached through DISCORD_API_URL) and the run's Redis as their shared
 * cache. The fake sends each guild's events to the shard Discord would, `(guild_id >> 22) % 2`.
 */
describe('two shards under the ShardingManager, end to end', () => {
  let discord: FakeDiscord;
  let pages: PageServer;
  let bot: BotProcess | undefined;
  let guilds: [GuildView, GuildView];
  let env: Record<string, string>;

  beforeAll(async () => {
    discord = await startFakeDiscord({
      guilds: [{ name: 'Guild on shard 0', shard: [0, 2] }, { name: 'Guild on shard 1', shard: [1, 2], users: ['dave'] }],
    });
    guilds = discord.guilds as [GuildView, GuildView];
    pages = await startPageServer();
    env = {
      DISCORD_TOKEN: discord.token,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_API_URL: discord.restUrl,
      SHARD_COUNT: '2',
      CACHE_URL: inject('redisUrl'),
      WORKER_THREADS: '0',
      FETCH_TIMEOUT_MS: '5000',
      RATE_LIMIT_USER_PER_MINUTE: '100',
      RATE_LIMIT_GUILD_PER_MINUTE: '200',
      LOG_LEVEL: 'info',
    };
  });

  afterAll(async () => {
    // After a failure midway: stop the manager as an operator would, then make sure no shard outlives the test.
    if (bot) {
      const pids = shardPids(bot);
      await bot.stop('SIGTERM', 10_000).catch(() => undefined);
      for (const pid of pids.filter(processAlive)) process.kill(pid, 'SIGKILL');
    }
    await Promise.all([discord?.close(), pages?.close()]);
  });

  it('registers the commands through DISCORD_API_URL with the deploy script', async () => {
    const { code, output } = await runToExit(['--import', 'tsx', 'src/discord/deployCommands.ts'], env);
    expect(code, output).toBe(0);
    expect(discord.commands().map((c) => c.name)).toContain('summarize');
    expect(discord.calls.filter((c) => c.route === 'PUT /applications/:app/commands' && c.status === 200)).toHaveLength(1);
  });

  it('starts both shards, each identifying with its shard id, and reports them ready', async () => {
    bot = startBotProcess(env);
    await bot.waitForLog((r) => r.msg === 'every shard is ready', 28_000, "the manager's ready log");
    expect([...discord.gatewayStats.shards].sort()).toEqual([[0, 2], [1, 2]]);
    // The gateway address came from the fake's GET /gateway/bot, asked through DISCORD_API_URL by each shard.
    expect(discord.calls.filter((c) => c.path === '/gateway/bot').length).toBeGreaterThanOrEqual(2);
    expect(shardPids(bot)).toHaveLength(2);
  });

  it('answers a slash command on each shard, and the second shard serves the first one’s summary from the shared cache', async () => {
    const path = `/news/${randomUUID()}`;
    const url = pages.url(path);
    pages.route(path, { body: articleHtml(LIBRARY, url) });

    const first = summarizeIn(guilds[0], url, 'alice');
    expect(first.shards).toEqual([0]);
    const summary = await deferredThenEdited(first.handle, 20_000);
    expect(summary.title).toBe(LIBRARY.title);

    const second = summarizeIn(guilds[1], url, 'dave');
    expect(second.shards).toEqual([1]);
    const again = await deferredThenEdited(second.handle, 10_000);
    expect(again.title).toBe(LIBRARY.title);
    expect(again.description).toBe(summary.description);
    expect(again.footer?.text).toMatch(/cached$/);
    expect(pages.requests.filter((r) => r.path === path)).toHaveLength(1);
    expect(discord.serverErrors).toEqual([]);
  });

  it('stops the manager and both shards on SIGTERM, exiting 0 with no process left behind', async () => {
    const running = bot as BotProcess;
    const pids = shardPids(running);
    expect(pids.every(processAlive)).toBe(true);
    // Where /proc exists (Linux), every process under the manager (shards, and tsx's esbuild service) must end too.
    const descendants = descendantProcessIds(running.child.pid as number) ?? pids;
    expect(descendants).toEqual(expect.arrayContaining(pids));
    expect(await running.stop('SIGTERM', 20_000)).toBe(0);
    await discord.waitUntil(() => (descendants.every((pid) => !processAlive(pid)) ? true : undefined), 5_000, 'every process under the manager to exit');
    // Each shard closed its gateway session normally (1000), as a bot going away does.
    expect(discord.gatewayEvents.filter((e) => e.op === -1 && e.code === 1000)).toHaveLength(2);
    expect(running.logs.filter((r) => r.level >= 50)).toEqual([]);
  });

  /** The shard processes' ids, from their log lines (their logger is named `skim-shard-N`). */
  function shardPids(running: BotProcess): number[] {
    const pids = running.logs.filter((r) => r.name?.startsWith('skim-shard-')).map((r) => Number(r.pid));
    return [...new Set(pids)];
  }

  /** Sends a slash command and returns it with the shards the fake dispatched it to. */
  function summarizeIn(guild: GuildView, url: string, user: string): { handle: InteractionHandle; shards: number[] } {
    const interactions = () => discord.gatewayEvents.filter((e) => e.t === 'INTERACTION_CREATE');
    const before = interactions().length;
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url }, channelId: guild.textChannelId, user });
    return { handle, shards: interactions().slice(before).map((e) => Number(e.shard)) };
  }
});

describe('totalShardsFor', () => {
  it('asks GET /gateway/bot through DISCORD_API_URL for SHARD_COUNT=auto, and takes a number as it is', async () => {
    const fake = await startFakeDiscord({ recommendedShards: 3 });
    try {
      const base = { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl };
      expect(await totalShardsFor(loadBotConfig({ ...base, SHARD_COUNT: 'auto' }))).toBe(3);
      expect(await totalShardsFor(loadBotConfig({ ...base, SHARD_COUNT: '2' }))).toBe(2);
      expect(fake.calls.filter((c) => c.path === '/gateway/bot')).toHaveLength(1);
      // Without a proxy, discord.js asks Discord itself when the manager spawns.
      expect(await totalShardsFor(loadBotConfig({ ...base, DISCORD_API_URL: '', SHARD_COUNT: 'auto' }))).toBe('auto');
    } finally {
      await fake.close();
    }
  });
});

/** Waits for the deferred callback (type 5), then for the edited original; returns its embed. */
async function deferredThenEdited(handle: InteractionHandle, timeoutMs: number) {
  const callback = await handle.waitForCallback(timeoutMs);
  expect((callback.body as { type: number }).type).toBe(5);
  expect(callback.status).toBeLessThan(300);
  const original = await handle.waitForOriginal((m) => m.embeds.length > 0, timeoutMs);
  return original.embeds[0] as NonNullable<(typeof original.embeds)[number]>;
}

/** Runs a node command in the project root to its end, with `env` only (plus PATH and HOME). */
function runToExit(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: new URL('../../', import.meta.url),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
