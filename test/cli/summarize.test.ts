import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const sample = fileURLToPath(new URL('../fixtures/sample-article.html', import.meta.url));
const prose =
  'The river rose again on Tuesday and the town council met late into the night to decide what to do about the flooded roads. ' +
  'Residents of the lower town were told to move their cars before the evening high tide, which was expected to be the highest of the year. ' +
  'The mayor said that the school would stay closed until Friday and that buses would run on the upper road.';

describe('skim summarize', () => {
  it('renders a readable summary of an HTML file', async () => {
    const { code, stdout } = await runCli(['summarize', sample]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Harbor City opens its first tidal power station\n/);
    expect(stdout).toContain('• ');
    expect(stdout).toMatch(/People: .*Daniel Reyes/);
  });

  it('prints the stable JSON shape with --json', async () => {
    const { code, stdout } = await runCli(['summarize', '--json', '--sentences', '2', sample]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['byline', 'entities', 'lang', 'publishedTime', 'siteName', 'summary', 'text', 'title', 'url', 'wordCount'].sort(),
    );
    expect(json.summary).toHaveLength(2);
    expect(json.text).toContain('\n\n');
    expect(json.url).toBeNull();
    for (const e of json.entities as Array<Record<string, unknown>>) {
      expect(Object.keys(e).sort()).toEqual(['mentions', 'name', 'type']);
      expect(['person', 'organization', 'place', 'other']).toContain(e.type);
    }
  });

  it('reads text from stdin', async () => {
    const { code, stdout } = await runCli(['summarize', '--json', '-'], { stdin: `${prose}\n\n${prose.replace('river', 'creek')}` });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { summary: string[] }).summary.length).toBeGreaterThan(0);
  });

  it('answers JSON lines in order, with errors in place, and goes on', async () => {
    const html = `<html><head><title>Floods</title></head><body><article><p>${prose}</p></article></body></html>`;
    const lines = [
      JSON.stringify({ id: 'a', html }),
      'not json',
      JSON.stringify({ id: 3, text: prose }),
      JSON.stringify({ id: 'blocked', url: 'http://127.0.0.1:9/' }),
      JSON.stringify({ id: 'none' }),
    ].join('\n');
    const { code, stdout } = await runCli(['summarize', '--jsonl', '-'], { stdin: lines });
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', null, 3, 'blocked', 'none']);
    expect(out[0]).toMatchObject({ title: 'Floods' });
    expect(out[1]).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(out[2]).toHaveProperty('summary');
    expect(out[3]).toMatchObject({ error: { code: 'BLOCKED_ADDRESS' } });
    expect(out[4]).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it('exits 1 with one line for input errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skim-cli-'));
    const huge = join(dir, 'huge.html');
    writeFileSync(huge, Buffer.alloc(11 * 1024 * 1024, 'a'));
    const noArticle = join(dir, 'empty.html');
    writeFileSync(noArticle, '<html><body><nav>Home</nav></body></html>');
    for (const [input, message] of [
      ['http://127.0.0.1:9/', /private or local network/],
      [join(dir, 'missing.html'), /No such file/],
      [huge, /is larger than 10 MB, the most Skim reads\.$/m],
      [noArticle, /No article text/],
    ] as const) {
      const { code, stdout, stderr } = await runCli(['summarize', input]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    }
  }, 60_000);

  it('names the limit when stdin is too large', async () => {
    const { code, stdout, stderr } = await runCli(['summarize', '-'], { stdin: 'a'.repeat(11 * 1024 * 1024) });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('skim: That input is larger than 10 MB, the most Skim reads.\n');
  });

  it('exits 2 on usage errors and documents itself in --help', async () => {
    for (const args of [[], ['frobnicate', 'x'], ['summarize'], ['summarize', '--sentences', 'zero', sample], ['summarize', '--jsonl', sample]]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^skim: .* \(see skim (summarize )?--help\)\n$/);
    }
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--jsonl');
  });

  it('stops with one clear line when a setting is malformed', async () => {
    const { code, stderr } = await runCli(['summarize', sample], { env: { CACHE_TTL_SECONDS: 'soon' } });
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^Config error: CACHE_TTL_SECONDS .*\.env\.example/);
  });
});
