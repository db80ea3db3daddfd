import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordUnreachableError, probeDiscordApi } from '../../src/discord/apiProbe.js';
import { startFakeDiscord } from '../fakeDiscord/index.js';
import { startBotProcess } from '../helpers/botProcess.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A loopback HTTP server with the given handler; returns its /api base. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api`;
}

async function failure(promise: Promise<unknown>): Promise<DiscordUnreachableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DiscordUnreachableError)) throw new Error(`expected DiscordUnreachableError, got ${String(error)}`);
  return error;
}

describe('probeDiscordApi', () => {
  it('passes when the API answers its gateway route', async () => {
    const discord = await startFakeDiscord();
    try {
      await expect(probeDiscordApi({ DISCORD_API_URL: discord.restUrl })).resolves.toBeUndefined();
    } finally {
      await discord.close();
    }
  });

  it('names DISCORD_API_URL when the address refuses connections', async () => {
    const url = await closedPort();
    expect((await failure(probeDiscordApi({ DISCORD_API_URL: url }))).message).toBe(`connection refused: DISCORD_API_URL (${url})`);
  });

  it('names DISCORD_API_URL when the address never answers', async () => {
    const url = await serve(() => undefined);
    expect((await failure(probeDiscordApi({ DISCORD_API_URL: url }, { timeoutMs: 300 }))).message).toBe(`no answer within 0 s: DISCORD_API_URL (${url})`);
  });

  it('names DISCORD_API_URL when something else answers there', async () => {
    const url = await serve((_req, res) => res.writeHead(404).end('not here'));
    expect((await failure(probeDiscordApi({ DISCORD_API_URL: url }))).message).toBe(`answered HTTP 404 where Discord's API should be: DISCORD_API_URL (${url})`);
  });

  it('stops the bot with one line naming DISCORD_API_URL when it hangs, instead of a long silence', async () => {
    const url = await serve(() => undefined);
    const bot = startBotProcess({ DISCORD_TOKEN: 'x.y.z', DISCORD_CLIENT_ID: '900000000000000009', CACHE_URL: 'memory', DISCORD_API_URL: url });
    const fatal = await bot.waitForLog((r) => r.msg === 'could not connect to Discord', 30_000, 'the fatal line');
    expect(fatal.hint).toBe(`no answer within 10 s: DISCORD_API_URL (${url})`);
    expect(await bot.stop('SIGTERM', 10_000)).toBe(1);
  });
});
