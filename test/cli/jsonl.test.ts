import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/core/limits.js';
import { runCli } from '../helpers/runCli.js';

const article = readFileSync(fileURLToPath(new URL('../fixtures/qa-article.txt', import.meta.url)), 'utf8');
const page = readFileSync(fileURLToPath(new URL('../fixtures/sample-article.html', import.meta.url)), 'utf8');

/** Runs a batch and returns its output lines, parsed, after checking it exited 0 with a quiet stderr. */
async function batch(args: string[], lines: string[]): Promise<Array<Record<string, unknown>>> {
  const { code, stdout, stderr } = await runCli(args, { stdin: `${lines.join('\n')}\n` });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('skim --jsonl', () => {
  it('refuses a line with more than one of url, html and text, naming the rule, and goes on', async () => {
    const out = await batch(['summarize', '--jsonl', '-'], [
      JSON.stringify({ id: 'url+text', url: 'https://example.com/a', text: article }),
      JSON.stringify({ id: 'html+text', html: page, text: article }),
      JSON.stringify({ id: 'all', url: 'https://example.com/a', html: page, text: article }),
      JSON.stringify({ id: 'ok', text: article }),
    ]);
    expect(out.map((o) => o.id)).toEqual(['url+text', 'html+text', 'all', 'ok']);
    for (const o of out.slice(0, 3)) {
      expect(o.error).toEqual({ code: 'BAD_INPUT', message: 'Each line needs exactly one of url, html and text.' });
    }
    expect(out[3]).toHaveProperty('summary');
  });

  it('applies the same rule to ask lines', async () => {
    const out = await batch(['ask', '--jsonl', '-'], [JSON.stringify({ id: 1, url: 'https://example.com/a', text: article, question: 'Who led the repairs?' })]);
    expect(out[0]).toMatchObject({ id: 1, error: { code: 'BAD_INPUT', message: expect.stringContaining('exactly one of url, html and text') } });
  });

  it('refuses a 20 MB line as TOO_LARGE naming the limit, keeps its id, and goes on', async () => {
    const huge = JSON.stringify({ id: 'huge', html: `<p>${'word '.repeat(4_200_000)}</p>` });
    expect(huge.length).toBeGreaterThan(2 * MAX_INPUT_BYTES);
    const out = await batch(['summarize', '--jsonl', '-'], [JSON.stringify({ id: 'before', text: article }), huge, JSON.stringify({ id: 'after', text: article })]);
    expect(out.map((o) => o.id)).toEqual(['before', 'huge', 'after']);
    expect(out[1]!.error).toEqual({ code: 'TOO_LARGE', message: 'That line is larger than 10 MB, the most Skim reads.' });
    expect(out[0]).toHaveProperty('summary');
    expect(out[2]).toHaveProperty('summary');
  }, 60_000);

  it('accepts a line just under the cap, as it would a file of that size', async () => {
    // Script bodies are dropped before parsing, so the padding costs the reader, not the cleaner.
    const lineOf = (padding: number) => JSON.stringify({ id: 'edge', html: `${page}<script>${'x'.repeat(padding)}</script>` });
    const line = lineOf(MAX_INPUT_BYTES - Buffer.byteLength(lineOf(0)) - 10);
    expect(Buffer.byteLength(line)).toBeGreaterThan(MAX_INPUT_BYTES - 100);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    const out = await batch(['summarize', '--jsonl', '-'], [line]);
    expect(out[0]).not.toHaveProperty('error');
  }, 60_000);

  it('gives an html line the page limits on elements and nesting, per line', async () => {
    const words = 'The council met on Tuesday to decide what to do about the flooded roads in the lower town. '.repeat(5);
    const out = await batch(['summarize', '--jsonl', '-'], [
      JSON.stringify({ id: 'many', html: `<p>${words}</p>${'<b>x</b>'.repeat(60_001)}` }),
      JSON.stringify({ id: 'deep', html: `${'<div>'.repeat(1000)}<p>${words}</p>${'</div>'.repeat(1000)}` }),
      JSON.stringify({ id: 'ok', html: page }),
    ]);
    expect(out[0]).toMatchObject({ id: 'many', error: { code: 'TOO_LARGE' } });
    expect(out[1]).toMatchObject({ id: 'deep', error: { code: 'PARSE_FAILED' } });
    expect(out[2]).toMatchObject({ id: 'ok', title: 'Harbor City opens its first tidal power station' });
  }, 60_000);

  it('prints {id, entities} per line for skim entities --jsonl', async () => {
    const out = await batch(['entities', '--jsonl', '-'], [JSON.stringify({ id: 7, html: page })]);
    expect(Object.keys(out[0]!).sort()).toEqual(['entities', 'id']);
    expect(out[0]!.entities).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Daniel Reyes', type: 'person' })]));
  });
});
