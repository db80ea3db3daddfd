import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./fixtures/runBotChild.ts', import.meta.url));

describe('runBot', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s: drains, closes the cache, exits 0', async (signal) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(proc, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${stderr}`)), 20_000);
      proc.stdout.on('data', () => {
        if (stdout.includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(stderr).toContain('invite Skim to a server with this link');
    proc.kill(signal);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stderr).toContain('shutting down');
    expect(stderr).toContain('"msg":"stopped"');
  });
});
