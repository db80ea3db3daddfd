import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/cli/input.js';
import { traceAnswer } from '../../src/core/answer/index.js';
import { digestSource } from '../../src/core/pipeline.js';
import { runCli } from '../helpers/runCli.js';

const html = fileURLToPath(new URL('../fixtures/qa-article.html', import.meta.url));
const textFile = fileURLToPath(new URL('../fixtures/qa-article.txt', import.meta.url));
const text = readFileSync(textFile, 'utf8');

describe('skim ask', () => {
  it('quotes the answering sentence of an HTML file with where it stands', async () => {
    const { code, stdout } = await runCli(['ask', html, 'Who led the repairs?']);
    expect(code).toBe(0);
    expect(stdout).toContain('“The repairs were led by the engineering firm Calder & Rowe.”');
    expect(stdout).toMatch(/— sentence \d+, paragraph \d+, \d+% into the article/);
  });

  it('prints {answer, found, passages} with --json', async () => {
    const { code, stdout } = await runCli(['ask', '--json', textFile, 'When was the bridge first opened?']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { answer: string[]; found: boolean };
    expect(Object.keys(json).sort()).toEqual(['answer', 'found', 'passages']);
    expect(json.found).toBe(true);
    expect(json.answer.join(' ')).toContain('first opened in 1931');
  });

  it('says plainly when the article does not answer', async () => {
    const plain = await runCli(['ask', textFile, 'What is the capital of France?']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim()).toBe("The article doesn't say.");
    const json = await runCli(['ask', '--json', textFile, 'What is the capital of France?']);
    expect(JSON.parse(json.stdout)).toEqual({ answer: [], found: false, passages: [] });
  });

  it("lists passages best first, the first being the ranker's best sentence, with context apart", async () => {
    // Three passages whose ranking differs from article order, two of them quoted with the sentence before.
    const question = 'What did the chief engineer say about the supports?';
    const { code, stdout } = await runCli(['ask', '--json', textFile, question]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { answer: string[]; passages: Array<{ sentence: string; context?: string; index: number; paragraph: number; percent: number }> };
    const { digest } = await digestSource(await resolveInput(textFile, () => Promise.reject(new Error('no stdin'))), {
      fetchPage: () => Promise.reject(new Error('no network')),
    });
    const trace = traceAnswer(digest, question);
    expect(json.passages.map((p) => p.index)).toEqual(trace.primaries);
    expect(json.passages[0]!.index).toBe(trace.order[0]);
    expect(json.passages.map((p) => p.index)).not.toEqual([...trace.primaries].sort((a, b) => a - b));
    for (const p of json.passages) {
      const s = digest.sentences[p.index]!;
      expect(p.sentence).toBe(s.text);
      expect(p.paragraph).toBe(s.block);
      expect(p.percent).toBeGreaterThanOrEqual(0);
      expect(p.percent).toBeLessThanOrEqual(100);
      if (p.context !== undefined) expect(p.context).toBe(digest.sentences[p.index - 1]!.text);
    }
    expect(json.passages.some((p) => p.context !== undefined)).toBe(true);
    // answer keeps its meaning: every quoted sentence once, in article order.
    const quoted = new Set(json.passages.flatMap((p) => [p.index, ...(p.context === undefined ? [] : [p.index - 1])]));
    expect(json.answer).toEqual([...quoted].sort((a, b) => a - b).map((i) => digest.sentences[i]!.text));
  });

  it('reads the article from stdin', async () => {
    const { code, stdout } = await runCli(['ask', '--json', '-', 'How many vehicles used the bridge every day?'], { stdin: text });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { answer: string[] }).answer.join(' ')).toContain('40,000 vehicles');
  });

  it('answers one JSON line per input line with --jsonl, in order, errors included', async () => {
    const lines = [
      { id: 1, text, question: 'Who is the mayor?' },
      { id: 'two', html: readFileSync(html, 'utf8'), question: 'Who won the football match on Saturday?' },
      { id: 3, text },
    ].map((l) => JSON.stringify(l));
    const { code, stdout } = await runCli(['ask', '--jsonl', '-'], { stdin: `${lines.join('\n')}\nnot json\n` });
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 1, found: true });
    expect((out[0]!.answer as string[]).join(' ')).toContain('Mayor Helen Ortiz');
    expect(out[1]).toEqual({ id: 'two', answer: [], found: false, passages: [] });
    expect(out[2]).toMatchObject({ id: 3, error: { code: 'BAD_INPUT' } });
    expect(out[3]).toMatchObject({ id: null, error: { code: 'BAD_INPUT' } });
  });

  it('is a usage error without a question, with a question and --jsonl, or with --sentences', async () => {
    for (const args of [['ask', textFile], ['ask', '--jsonl', '-', 'Who?'], ['ask', '--sentences', '2', textFile, 'Who?']]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^skim: .* \(see skim ask --help\)\n$/);
    }
  });

  it('lists ask in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('skim ask');
  });
});
