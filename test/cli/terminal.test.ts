import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const BIN = fileURLToPath(new URL('../../bin/skim.js', import.meta.url));
const sample = fileURLToPath(new URL('../fixtures/sample-article.html', import.meta.url));
const article = fileURLToPath(new URL('../fixtures/qa-article.txt', import.meta.url));

/** util-linux `script` gives the CLI a real terminal (a pseudo-terminal) of a chosen width. */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs skim on a terminal `columns` wide; stdout and stderr both reach it, so they come back together. */
function onTerminal(columns: number, args: string[], stdinFile?: string): string {
  const command = `stty cols ${columns}; ${quote(process.execPath)} ${[BIN, ...args].map(quote).join(' ')}${stdinFile ? ` < ${quote(stdinFile)}` : ''}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, CACHE_URL: 'memory', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return run.stdout.replace(/\r\n/g, '\n');
}

describe('skim output on a terminal and in a pipe', () => {
  it.skipIf(!hasScript)("wraps bullets and entity lines to the terminal's width with a hanging indent", () => {
    const out = onTerminal(60, ['summarize', sample]);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(60);
    expect(out).toMatch(/^• Harbor City switched on .*\n {2}\S/m);
    expect(out).toMatch(/^Places: .*\n {8}\S/m);
  }, 60_000);

  it('leaves bullets whole when piped, and ends a cut entity line with "and N more"', async () => {
    const { code, stdout } = await runCli(['summarize', sample]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^• Harbor City switched on its first tidal power station on Friday, becoming the largest city .* sea\.$/m);
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeGreaterThan(80);
    expect(stdout).toMatch(/^Places: (?:[^,\n]+, ){4}[^,\n]+ and \d+ more$/m);
  });

  it.skipIf(!hasScript)('shows a --jsonl batch its progress on a terminal, redrawn in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skim-tty-'));
    try {
      const batch = join(dir, 'batch.jsonl');
      const text = readFileSync(article, 'utf8');
      writeFileSync(batch, [JSON.stringify({ id: 1, text }), '{"id": 2}', JSON.stringify({ id: 3, text: `${text} Once more.` })].join('\n'));
      const out = onTerminal(100, ['summarize', '--jsonl', '-'], batch);
      expect(out).toContain('\r\x1b[2K');
      expect(out).toMatch(/3 lines · [\d.]+ pages\/s · 1 error\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints no progress when stderr is not a terminal', async () => {
    const { code, stderr, stdout } = await runCli(['summarize', '--jsonl', '-'], { stdin: '{"id": 1}\n{"id": 2}\n' });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toBe('');
  });
});
