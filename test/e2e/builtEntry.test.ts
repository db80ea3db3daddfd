import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `node dist/src/healthcheck.js`, as the image's HEALTHCHECK runs it. */
function healthcheck(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['dist/src/healthcheck.js'], { cwd: root, env: { PATH: process.env.PATH ?? '', HEALTH_FILE: file }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/**
 * End-to-end: the built bot started the way the Docker image starts it (`node dist/src/index.js`, no npm, no
 * tsx) against the loopback fake: it reports a ready gateway to the health check, and SIGTERM ends it
 * gracefully with status 0.
 */
describe('the built entry point, as the image runs it', () => {
  let discord: FakeDiscord;
  let bot: BotProcess | undefined;
  const healthFile = join(mkdtempSync(join(tmpdir(), 'skim-health-')), 'status');

  // dist/ is built from the current sources by the test run's global setup, as `npm ci` builds it.
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });

  afterAll(async () => {
    await bot?.stop('SIGKILL', 5_000).catch(() => undefined);
    await discord?.close();
  });

  it('connects, passes the health check, and on SIGTERM drains, exits 0 and fails the check', async () => {
    bot = startBotProcess(
      {
        DISCORD_TOKEN: discord.token,
        DISCORD_CLIENT_ID: discord.applicationId,
        DISCORD_API_URL: discord.restUrl,
        CACHE_URL: 'memory',
        WORKER_THREADS: '1',
        HEALTH_FILE: healthFile,
        LOG_LEVEL: 'info',
      },
      'dist/src/index.js',
      [],
    );
    await bot.waitForLog((r) => r.msg === 'Skim is online', 30_000, 'the online line');
    const healthy = healthcheck(healthFile);
    expect(healthy, healthy.output).toMatchObject({ status: 0, output: 'connected (1 process)' });

    expect(await bot.stop('SIGTERM', 20_000)).toBe(0);
    const messages = bot.logs.map((r) => r.msg);
    expect(messages).toContain('shutting down: no new work, finishing what runs');
    expect(messages).toContain('work in flight finished');
    expect(messages).toContain('stopped');
    expect(existsSync(healthFile)).toBe(false);
    expect(healthcheck(healthFile).status).toBe(1);
  });
});
