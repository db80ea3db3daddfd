import { decodeHtml, decodeText } from './decode.js';
import { SkimError } from './errors.js';
import type { Source } from './pipeline.js';
import { looksLikeHtml } from './textClean/index.js';

/** Largest file, stdin, attachment or `--jsonl` line accepted, in bytes. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A byte count as users read it: "10 MB" (binary megabytes, as the limits are set). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The refusal for an input over {@link MAX_INPUT_BYTES}, naming the limit: `what` is "That input", a file name... */
export function tooLargeMessage(what: string): string {
  return `${what} is larger than ${formatBytes(MAX_INPUT_BYTES)}, the most Skim reads.`;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

/**
 * Decodes file, stdin or attachment bytes into an HTML or text source, by extension (with its dot, lower
 * case) or by sniffing the content. Shared by the CLI and the bot.
 * @throws SkimError('TOO_LARGE') over {@link MAX_INPUT_BYTES}, SkimError('BAD_INPUT') for binary content.
 */
export function sourceFromBytes(bytes: Uint8Array, extension: string): Source {
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', tooLargeMessage('That input'));
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
