import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { SkimError, toUserError } from '../core/errors.js';
import { digestSource, toSummaryJson, type PipelineDeps, type Source } from '../core/pipeline.js';

/** How many inputs are worked on at once; outputs still come in input order. */
const CONCURRENCY = 4;

interface Options {
  refresh?: boolean;
  sentences?: number;
}

/** Parses one input line into a JSON object. @throws SkimError('BAD_INPUT') */
export function parseLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new SkimError('BAD_INPUT', 'That line is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SkimError('BAD_INPUT', 'Each line must be a JSON object.');
  return value as Record<string, unknown>;
}

/** The source a JSON line names: `html` or `text` (with an optional `url`), else `url`. @throws SkimError('BAD_INPUT') */
export function sourceOfLine(o: Record<string, unknown>): Source {
  const url = typeof o.url === 'string' ? o.url : undefined;
  if (typeof o.html === 'string') return { html: o.html, ...(url ? { url } : {}) };
  if (typeof o.text === 'string') return { text: o.text, ...(url ? { url } : {}) };
  if (url) return { url };
  throw new SkimError('BAD_INPUT', 'Each line needs one of url, html or text.');
}

async function processLine(line: string, deps: PipelineDeps, options: Options): Promise<string> {
  let id: unknown = null;
  try {
    const object = parseLine(line);
    id = object.id ?? null;
    const { digest } = await digestSource(sourceOfLine(object), deps, { refresh: options.refresh === true });
    return JSON.stringify({ id, ...toSummaryJson(digest, options.sentences) });
  } catch (error) {
    return JSON.stringify({ id, error: toUserError(error) });
  }
}

/**
 * Reads JSON lines `{id, url | html | text}` and writes one result line per input, in input order; a failed
 * input gives `{id, error: {code, message}}` and the batch goes on.
 */
export async function runJsonLines(input: Readable, output: Writable, deps: PipelineDeps, options: Options = {}): Promise<void> {
  const pending: Array<Promise<string>> = [];
  const flushReady = async (limit: number) => {
    while (pending.length > limit) output.write(`${await pending.shift()!}\n`);
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    pending.push(processLine(line, deps, options));
    await flushReady(CONCURRENCY - 1);
  }
  await flushReady(0);
}
