import type { Readable } from 'node:stream';
import { SkimError, toUserError } from '../core/errors.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../core/limits.js';
import { digestSource, toSummaryJson, type PipelineDeps, type Source } from '../core/pipeline.js';
import { leadingId, readLines, type LineItem } from './lines.js';
import type { Output } from './output.js';
import type { Progress } from './progress.js';

/** How many inputs are worked on at once; outputs still come in input order. */
const CONCURRENCY = 4;

/** What a batch line turns into, besides its id: a result object, or a thrown SkimError. */
export type LineHandler = (object: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Longest line read, in bytes (default {@link MAX_INPUT_BYTES}, the cap on a file). */
  maxLineBytes?: number;
  progress?: Progress;
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

/** The rule for a line's source, as `/summarize` states its own. */
export const ONE_SOURCE_RULE = 'Each line needs exactly one of url, html and text.';

const SOURCE_KEYS = ['url', 'html', 'text'] as const;

/** The one source a JSON line names: `url`, `html` or `text`. @throws SkimError('BAD_INPUT') for none, several or a non-string. */
export function sourceOfLine(o: Record<string, unknown>): Source {
  const given = SOURCE_KEYS.filter((k) => o[k] !== undefined && o[k] !== null);
  if (given.length !== 1) throw new SkimError('BAD_INPUT', ONE_SOURCE_RULE);
  const key = given[0]!;
  const value = o[key];
  if (typeof value !== 'string') throw new SkimError('BAD_INPUT', `The ${key} of a line must be a string.`);
  return key === 'url' ? { url: value } : key === 'html' ? { html: value } : { text: value };
}

async function processLine(item: LineItem, handle: LineHandler): Promise<{ text: string; failed: boolean }> {
  let id: unknown = null;
  try {
    if ('tooLarge' in item) {
      id = leadingId(item.head);
      throw new SkimError('TOO_LARGE', tooLargeMessage('That line'));
    }
    const object = parseLine(item.line);
    id = object.id ?? null;
    return { text: JSON.stringify({ id, ...(await handle(object)) }), failed: false };
  } catch (error) {
    return { text: JSON.stringify({ id, error: toUserError(error) }), failed: true };
  }
}

/** Resolves when the signal aborts (never, without one). */
function aborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    else signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
}

/**
 * Reads JSON lines and writes one result line per input line, in input order, each with the input's `id`; a
 * failed line (bad JSON, over the size cap, refused by `handle`) gives `{id, error: {code, message}}` and the
 * batch goes on. A few lines are worked on at once and each line is capped, so memory stays bounded. When
 * the output's reader goes away, reading stops at once and work in flight is abandoned.
 */
export async function runBatch(input: Readable, output: Output, handle: LineHandler, options: BatchOptions = {}): Promise<void> {
  const stop = aborted(output.signal);
  const pending: Array<Promise<{ text: string; failed: boolean }>> = [];
  const flush = async (limit: number): Promise<boolean> => {
    while (pending.length > limit) {
      const result = await Promise.race([pending.shift()!, stop]);
      if (!result || output.closed) return false;
      options.progress?.clear();
      await output.writeLine(result.text);
      options.progress?.lineDone(result.failed);
    }
    return !output.closed;
  };
  const lines = readLines(input, options.maxLineBytes ?? MAX_INPUT_BYTES);
  try {
    for (;;) {
      const next = await Promise.race([lines.next(), stop]);
      if (!next || next.done) break;
      if ('line' in next.value && !next.value.line.trim()) continue;
      pending.push(processLine(next.value, handle));
      if (!(await flush(CONCURRENCY - 1))) return;
    }
    if (await flush(0)) options.progress?.finish();
  } finally {
    if (output.closed) {
      // Stops reading: a pipe left open by its writer would otherwise keep the process waiting.
      input.destroy();
      // Leaves a terminal's progress line ended, not half-drawn under the shell's prompt.
      options.progress?.finish();
    }
  }
}

/** Options of the summarize and entities batches. */
export interface SummaryLineOptions {
  refresh?: boolean;
  sentences?: number;
  /** Print only `{id, entities}` (for `skim entities --jsonl`). */
  entitiesOnly?: boolean;
}

/** The handler for `skim summarize --jsonl` and `skim entities --jsonl`: lines `{id, url | html | text}`. */
export function summaryLines(deps: PipelineDeps, options: SummaryLineOptions = {}): LineHandler {
  return async (object) => {
    const { digest } = await digestSource(sourceOfLine(object), deps, { refresh: options.refresh === true });
    const json = toSummaryJson(digest, options.sentences);
    return options.entitiesOnly ? { entities: json.entities } : { ...json };
  };
}
