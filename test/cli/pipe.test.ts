import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../helpers/pageServer.js';

const BIN = fileURLToPath(new URL('../../bin/skim.js', import.meta.url));
/** Lets the CLI fetch from 127.0.0.1, where the test's server listens (production refuses it). */
const LOOPBACK = fileURLToPath(new URL('../helpers/loopbackFetch/register.ts', import.meta.url));
const article = readFileSync(fileURLToPath(new URL('../fixtures/qa-article.txt', import.meta.url)), 'utf8');
const page = readFileSync(fileURLToPath(new URL('../fixtures/sample-article.html', import.meta.url)), 'utf8');

/**
 * Starts `skim` with piped stdio. The fetch timeout is far above the test's, so a run that waited for work in
 * flight would fail the test instead of passing slowly.
 */
function startSkim(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', LOOPBACK, BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', CACHE_URL: 'memory', FETCH_TIMEOUT_MS: '120000', LOG_LEVEL: 'warn' },
  });
  // The CLI stops reading once its reader has gone: what is still being written to it may fail with EPIPE.
  child.stdin.on('error', () => undefined);
  return child;
}

/** Resolves with the first line the child prints. */
async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  let seen = '';
  for await (const chunk of child.stdout) {
    seen += String(chunk);
    if (seen.includes('\n')) return seen.slice(0, seen.indexOf('\n'));
  }
  throw new Error(`no line printed; stdout: ${seen}`);
}

/** The exit status and everything printed on stderr. */
async function ending(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stderr };
}

describe('skim with its output piped into a reader that closes early', () => {
  let server: PageServer;
  let release: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    server = await startPageServer({
      // Answered only once the test has closed its end of the pipe, so the CLI's next write meets a closed pipe.
      '/after-close': async (_req, res) => {
        await released;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      },
      // Never answered: work still in flight when the pipe closes.
      '/never': (_req, res) => void held.push(res),
    });
  });

  afterAll(() => server.close());

  it('ends a --jsonl batch with status 0 and nothing on stderr, abandoning the lines in flight', async () => {
    const lines = [
      { id: 0, text: article },
      { id: 1, url: server.url('/after-close') },
      ...Array.from({ length: 8 }, (_, i) => ({ id: i + 2, url: server.url('/never') })),
    ];
    const child = startSkim(['summarize', '--jsonl', '-']);
    const end = ending(child);
    child.stdin.end(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(JSON.parse(await firstLine(child))).toMatchObject({ id: 0, title: 'Harbour Bridge Reopens After Two Years of Repairs' });
    child.stdout.destroy();
    release();
    const { code, stderr } = await end;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Lines past the few in flight were never started.
    expect(server.requests.filter((r) => r.path === '/never').length).toBeLessThan(8);
  }, 60_000);

  it('ends a single summary with status 0 and nothing on stderr when the reader has gone before it', async () => {
    const child = startSkim(['summarize', '-']);
    // As `skim summarize - | true`: the reader is gone before the first write.
    child.stdout.destroy();
    const end = ending(child);
    child.stdin.end(article);
    const { code, stderr } = await end;
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
