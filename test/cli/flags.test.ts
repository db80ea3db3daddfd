import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const sample = fileURLToPath(new URL('../fixtures/sample-article.html', import.meta.url));
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

/** Each command's own flags, as its help must list them and the parser accept them. */
const OWN_FLAGS = {
  summarize: ['--json', '--jsonl', '--sentences N', '--no-cache', '-h, --help'],
  entities: ['--json', '--jsonl', '--no-cache', '-h, --help'],
  ask: ['--json', '--jsonl', '--no-cache', '-h, --help'],
} as const;

function widest(text: string): number {
  return Math.max(...text.split('\n').map((l) => Array.from(l).length));
}

describe('skim flags and help', () => {
  it('refuses an unknown flag with one line naming it and the help to read', async () => {
    for (const [args, line] of [
      [['summarize', '--frobnicate', sample], 'skim: unknown option --frobnicate (see skim summarize --help)'],
      [['summarize', '--frobnicate=3', sample], 'skim: unknown option --frobnicate (see skim summarize --help)'],
      [['entities', '--sentences', '3', sample], 'skim: unknown option --sentences (see skim entities --help)'],
      [['ask', '--sentences', '3', sample, 'Who?'], 'skim: unknown option --sentences (see skim ask --help)'],
      [['--frobnicate'], 'skim: unknown option --frobnicate (see skim --help)'],
      [['summarize', '-x', sample], 'skim: unknown option -x (see skim summarize --help)'],
    ] as const) {
      const { code, stdout, stderr } = await runCli([...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${line}\n`);
    }
  });

  it('refuses a flag without its value, or with a value it does not take', async () => {
    const missing = await runCli(['summarize', sample, '--sentences']);
    expect(missing.stderr).toBe('skim: --sentences needs a value: --sentences N (see skim summarize --help)\n');
    const extra = await runCli(['summarize', '--json=yes', sample]);
    expect(extra.stderr).toBe('skim: --json takes no value (see skim summarize --help)\n');
    expect([missing.code, extra.code]).toEqual([2, 2]);
  });

  it("prints package.json's version with --version", async () => {
    const { code, stdout, stderr } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it("prints each command's own usage, flags and examples for skim <command> --help, within 80 columns", async () => {
    for (const [command, flags] of Object.entries(OWN_FLAGS)) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: skim ${command} \\[options\\]`));
      const options = stdout.slice(stdout.indexOf('\nOptions:\n'), stdout.indexOf('\nExamples:\n'));
      const listed = [...options.matchAll(/^ {2}((?:-\w, )?--[\w-]+(?: N)?)/gm)].map((m) => m[1]);
      expect(listed).toEqual(flags);
      expect(stdout).toMatch(new RegExp(`\\nExamples:\\n {2}skim ${command} `));
      expect(widest(stdout)).toBeLessThanOrEqual(80);
      expect((await runCli(['help', command])).stdout).toBe(stdout);
      expect((await runCli([command, '-h'])).stdout).toBe(stdout);
    }
  });

  it('keeps the global help within 80 columns and points at the per-command help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
    expect(stdout).toContain('skim <command> --help');
    expect(stdout).toContain('skim --version');
    for (const command of Object.keys(OWN_FLAGS)) expect(stdout).toContain(`skim ${command}`);
  });
});
