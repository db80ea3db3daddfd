import { decodeHtml, decodeText, looksLikeHtml } from '../decode/index.js';
import type { Article } from '../types.js';
import { cleanHtml } from './html/index.js';
import { cleanText } from './plain/index.js';

/** Raw material for the CPU-bound part of the pipeline: plain data, so it can cross to a worker thread. */
export type RawInput =
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string; charset?: string; url?: string }
  | { kind: 'html'; html: string; url?: string }
  | { kind: 'text'; text: string; url?: string };

/**
 * Turns raw input into a cleaned article: bytes are decoded by their charset; HTML goes through the HTML
 * cleaner; plain text through the text cleaner (or the HTML cleaner when it is pasted HTML source). Lone
 * UTF-16 surrogates (a paste or a JSON body may hold them; some decoders make them) become U+FFFD first: the
 * HTML tokenizer throws on them, and they would reach summaries and entities.
 * @throws NotAnArticleError, SkimError('PARSE_FAILED')
 */
export function toArticle(raw: RawInput): Article {
  const url = raw.url === undefined ? {} : { url: raw.url };
  switch (raw.kind) {
    case 'bytes': {
      // A PDF needs the asynchronous reader (pdfToArticle, which core/digest.ts calls); as HTML it would be mojibake.
      if (raw.contentType === 'application/pdf') throw new Error('PDF bytes reached the HTML and text reader; use digestInput');
      if (raw.contentType === 'text/plain') return toArticle({ kind: 'text', text: decodeText(raw.bytes, raw.charset), ...url });
      return cleanHtml(decodeHtml(raw.bytes, raw.charset).toWellFormed(), url);
    }
    case 'html':
      return cleanHtml(raw.html.toWellFormed(), url);
    case 'text': {
      const text = raw.text.toWellFormed();
      return looksLikeHtml(text) ? cleanHtml(text, url) : cleanText(text, url);
    }
  }
}

/** Whether raw input is a PDF's bytes. */
export function isPdfInput(raw: RawInput): raw is Extract<RawInput, { kind: 'bytes' }> {
  return raw.kind === 'bytes' && raw.contentType === 'application/pdf';
}
