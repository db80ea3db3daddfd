import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeHtml, decodeText } from '../core/decode.js';
import { SkimError } from '../core/errors.js';
import type { Source } from '../core/pipeline.js';
import { looksLikeHtml } from '../core/textClean/index.js';

/** Largest file or stdin accepted, in bytes. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

/**
 * Resolves a CLI argument to a source: `-` is stdin, a scheme makes a URL, an existing path a file, and a
 * bare domain (`example.com/page`) an https URL.
 * @throws SkimError('BAD_INPUT') for a missing file, a binary file or an oversized input.
 */
export async function resolveInput(arg: string, stdin: () => Promise<Uint8Array>): Promise<Source> {
  if (arg === '-') return sourceFromBytes(await stdin(), '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return { url: arg };
  if (existsSync(arg)) {
    if (!statSync(arg).isFile()) throw new SkimError('BAD_INPUT', `${arg} is not a file.`);
    if (statSync(arg).size > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', `${arg} is too large to summarize.`);
    return sourceFromBytes(await readFile(arg), extname(arg).toLowerCase());
  }
  if (/^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(arg)) return { url: `https://${arg}` };
  throw new SkimError('BAD_INPUT', `No such file, and not a URL: ${arg}`);
}

/** Decodes file or stdin bytes into an HTML or text source, by extension or by sniffing the content. */
export function sourceFromBytes(bytes: Uint8Array, extension: string): Source {
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', 'That input is too large to summarize.');
  if (isBinary(bytes)) throw new SkimError('BAD_INPUT', "That input isn't text or HTML.");
  if (HTML_EXTENSIONS.has(extension)) return { html: decodeHtml(bytes) };
  const text = decodeText(bytes);
  if (TEXT_EXTENSIONS.has(extension)) return { text };
  return looksLikeHtml(text) ? { html: decodeHtml(bytes) } : { text };
}

/** NUL bytes in the first kilobytes mean a binary file (UTF-16 text starts with a BOM and is let through). */
function isBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** Reads all of stdin, up to the input cap. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.byteLength;
    if (size > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', 'That input is too large to summarize.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
