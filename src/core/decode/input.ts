import { decodeHtml, decodeText } from './decode.js';
import { SkimError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../limits.js';
import type { Source } from '../pipeline.js';
import { binaryRefusal, sniffBinary } from './sniff.js';
import { looksLikeHtml } from './htmlSource.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

/** Where file, stdin or attachment bytes came from, for a PDF source and for refusals. */
export interface InputOrigin {
  /** The file's extension with its dot, lower case ("" when none). */
  extension: string;
  /** Where the bytes can be found again: a Discord attachment's URL, a file's file: URL. */
  url: string;
  /** How refusals name the input ("That file", "That input"). */
  what?: string;
}

/**
 * Decodes file, stdin or attachment bytes into a source by their content first: a PDF (whatever its name)
 * becomes a PDF source; other binary content is refused naming what it looks like; text is HTML or plain text
 * by extension, else by sniffing. Shared by the CLI and the bot.
 * @throws SkimError('TOO_LARGE') over {@link MAX_INPUT_BYTES}, SkimError('BAD_INPUT') for binary content.
 */
export function sourceFromBytes(bytes: Uint8Array, origin: InputOrigin): Source {
  const what = origin.what ?? 'That input';
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new SkimError('TOO_LARGE', tooLargeMessage(what));
  const binary = sniffBinary(bytes);
  if (binary?.type === 'application/pdf') return { pdf: bytes, url: origin.url };
  if (binary) throw new SkimError('BAD_INPUT', binaryRefusal(what, binary), { details: { contentType: binary.type } });
  if (origin.extension === '.pdf') throw new SkimError('BAD_INPUT', `${what} is named .pdf but isn't a PDF.`);
  if (HTML_EXTENSIONS.has(origin.extension)) return { html: decodeHtml(bytes) };
  const text = decodeText(bytes);
  if (TEXT_EXTENSIONS.has(origin.extension)) return { text };
  return looksLikeHtml(text) ? { html: decodeHtml(bytes) } : { text };
}

