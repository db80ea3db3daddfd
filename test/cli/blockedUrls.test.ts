import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../helpers/pageServer.js';

const BIN = join(import.meta.dirname, '../../bin/skim.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the skim CLI in a scratch directory with an in-memory cache. The fetch timeout is set far above the
 * test's own timeout, so a refusal that waited on the network would fail the test instead of passing slowly.
 */
function skim(args: string[], stdin = ''): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'skim-cli-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, CACHE_URL: 'memory', FETCH_TIMEOUT_MS: '120000', LOG_LEVEL: 'silent' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

describe('skim CLI with a blocked address', () => {
  let listener: PageServer;

  beforeAll(async () => {
    listener = await startPageServer({ '/': { body: '<p>must not be fetched</p>' } });
  });

  afterAll(() => listener.close());

  it('exits 1 with the message for `summarize http://127.0.0.1:PORT/`, without connecting', async () => {
    const run = await skim(['summarize', `http://127.0.0.1:${listener.port}/`]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("skim: That address isn't allowed: it points to a private or local network.");
    expect(run.stdout).toBe('');
    expect(listener.connections).toBe(0);
  }, 60_000);

  it('refuses every other spelling of a local or private address the same way', async () => {
    const forms = [
      `http://2130706433:${listener.port}/`,
      `http://0x7f.1:${listener.port}/`,
      `http://0177.0.0.1:${listener.port}/`,
      `http://[::ffff:127.0.0.1]:${listener.port}/`,
      `http://localhost:${listener.port}/`,
      `http://0:${listener.port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[fd00::1]/',
    ];
    const input = forms.map((url, id) => JSON.stringify({ id, url })).join('\n');
    const run = await skim(['summarize', '--jsonl', '-'], input);
    const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; error?: { code: string } });
    expect(results.map((r) => [forms[r.id], r.error?.code])).toEqual(forms.map((url) => [url, 'BLOCKED_ADDRESS']));
    expect(listener.connections).toBe(0);
  }, 60_000);
});
