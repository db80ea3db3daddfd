import { decodeHtml, decodeText } from './decode.js';
import { SkimError } from './errors.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from './limits.js';
import type { Source } from './pipeline.js';
import { looksLikeHtml } from './textClean/index.js';

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

export { formatBytes, MAX_INPUT_BYTES, tooLargeMessage } from './limits.js';
