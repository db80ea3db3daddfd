import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SkimError } from '../core/errors.js';
import type { Source } from '../core/pipeline.js';
import { sourceFromBytes } from '../core/decode/index.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../core/limits.js';

/**
 * Resolves a CLI argument to a source: `-` is stdin, a scheme makes a URL, an existing path a file, and a
 * bare domain (`example.com/page`) an https URL.
 * A PDF (a file or stdin) becomes a PDF source; other binary content is refused.
 * @throws SkimError('BAD_INPUT') for a missing file, a binary file that is not a PDF or an oversized input.
 */
export async function resolveInput(arg: string, stdin: () => Promise<Uint8Array>): Promise<Source> {
  if (arg === '-') return sourceFromBytes(await stdin(), { extension: '', url: 'file:///dev/stdin' });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return { url: arg };
  if (existsSync(arg)) {
    if (!statSync(arg).isFile()) throw new SkimError('BAD_INPUT', `${arg} is not a file.`);
    if (statSync(arg).size > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', tooLargeMessage(arg));
    return sourceFromBytes(await readFile(arg), { extension: extname(arg).toLowerCase(), url: pathToFileURL(resolve(arg)).href, what: 'That file' });
  }
  if (/^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(arg)) return { url: `https://${arg}` };
  throw new SkimError('BAD_INPUT', `No such file, and not a URL: ${arg}`);
}

/** Reads all of stdin, up to the input cap. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.byteLength;
    if (size > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', tooLargeMessage('That input'));
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
