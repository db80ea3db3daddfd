import { SkimError } from '../core/errors.js';
import { sourceFromBytes } from '../core/decode/index.js';
import type { Source } from '../core/pipeline.js';
import { MAX_INPUT_BYTES } from '../core/limits.js';

/** Largest attachment Skim downloads, in bytes. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/**
 * Largest PDF attachment Skim downloads, in bytes: as large a file as the CLI reads. A PDF's size is mostly its
 * images and fonts, which are never decoded, and only its first MAX_PDF_PAGES pages are read: a 10 MB PDF of
 * 1,400 text pages takes about 3 s in the worker pool (`npm run bench -- --only pdf`).
 */
export const MAX_PDF_ATTACHMENT_BYTES = MAX_INPUT_BYTES;

/** The extensions an attachment may have. */
export const ATTACHMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf'] as const;

/** What Skim reads of a Discord attachment. */
export interface AttachmentLike {
  name: string;
  size: number;
  url: string;
  contentType?: string | null;
}

/** Downloads an attachment's bytes, refusing more than `maxBytes`. */
export type AttachmentFetcher = (url: string, maxBytes: number) => Promise<Uint8Array>;

/** The attachment's extension (".txt"), lower case, or "" when it has none. */
export function extensionOf(name: string): string {
  return /\.[a-z0-9]{1,10}$/i.exec(name)?.[0]?.toLowerCase() ?? '';
}

/** Whether an attachment is a PDF, by extension or content type. */
export function isPdfAttachment(attachment: AttachmentLike): boolean {
  return extensionOf(attachment.name) === '.pdf' || /^application\/pdf\b/i.test(attachment.contentType ?? '');
}

/**
 * Whether an attachment is something Skim can summarize: text, HTML or a PDF, by extension, or by a text or
 * PDF content type (message.txt).
 */
export function isReadableAttachment(attachment: AttachmentLike): boolean {
  if ((ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(attachment.name))) return true;
  return /^text\/(plain|html|markdown)\b/i.test(attachment.contentType ?? '') || isPdfAttachment(attachment);
}

/**
 * Downloads a text, HTML or PDF attachment and turns it into a source; its bytes decide what it is read as
 * (a PDF named .txt is still a PDF, an image named .txt is refused).
 * @throws SkimError('BAD_INPUT') for another kind of file, SkimError('TOO_LARGE') over the cap.
 */
export async function attachmentSource(attachment: AttachmentLike, fetchBytes: AttachmentFetcher): Promise<Source> {
  if (!isReadableAttachment(attachment)) {
    throw new SkimError('BAD_INPUT', 'Skim reads .txt, .md, .html and .pdf files only.');
  }
  const cap = isPdfAttachment(attachment) ? MAX_PDF_ATTACHMENT_BYTES : MAX_ATTACHMENT_BYTES;
  if (attachment.size > cap) {
    throw new SkimError('TOO_LARGE', `That file is too large; Skim reads files up to ${cap / 1024 / 1024} MB.`);
  }
  const bytes = await fetchBytes(attachment.url, cap);
  const extension = extensionOf(attachment.name) || (/html/i.test(attachment.contentType ?? '') ? '.html' : '.txt');
  return sourceFromBytes(bytes, { extension, url: attachment.url, what: 'That file' });
}

/**
 * Downloads from Discord's CDN with a time limit and a size cap. Attachment URLs come from Discord itself,
 * not from users, so the page fetcher's address policy does not apply here.
 */
export function cdnFetcher(timeoutMs: number): AttachmentFetcher {
  return async (url, maxBytes) => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new SkimError(timedOut ? 'TIMEOUT' : 'CONNECTION', "That file couldn't be downloaded from Discord.", { cause: error });
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new SkimError('HTTP_STATUS', "That file couldn't be downloaded from Discord.", { details: { status: response.status } });
    }
    return readCapped(response.body, maxBytes);
  };
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SkimError('TOO_LARGE', 'That file is too large to summarize.');
    }
    chunks.push(value);
  }
}
