import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { SkimError, toUserError } from '../core/errors.js';
import { digestSource, type PipelineDeps } from '../core/pipeline.js';
import { askJson } from './ask.js';
import { parseLine, sourceOfLine } from './jsonl.js';

/** How many lines are worked on at once; outputs still come in input order. */
const CONCURRENCY = 4;

/** The question of one input line. @throws SkimError('BAD_INPUT') */
function questionOf(o: Record<string, unknown>): string {
  if (typeof o.question !== 'string' || !o.question.trim()) throw new SkimError('BAD_INPUT', 'Each line needs a question.');
  return o.question;
}

async function answerLine(line: string, deps: PipelineDeps, refresh: boolean): Promise<string> {
  let id: unknown = null;
  try {
    const object = parseLine(line);
    id = object.id ?? null;
    const question = questionOf(object);
    const { digest } = await digestSource(sourceOfLine(object), deps, { refresh });
    return JSON.stringify({ id, ...askJson(digest, question) });
  } catch (error) {
    return JSON.stringify({ id, error: toUserError(error) });
  }
}

/**
 * Reads JSON lines `{id, url | html | text, question}` and writes one line `{id, answer, found}` per input, in
 * input order; a failed line gives `{id, error: {code, message}}` and the batch goes on. Lines about the same
 * page share its digest through the cache.
 */
export async function runAskLines(input: Readable, output: Writable, deps: PipelineDeps, options: { refresh?: boolean } = {}): Promise<void> {
  const pending: Array<Promise<string>> = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    pending.push(answerLine(line, deps, options.refresh === true));
    while (pending.length >= CONCURRENCY) output.write(`${await pending.shift()!}\n`);
  }
  while (pending.length > 0) output.write(`${await pending.shift()!}\n`);
}
