import type { Dispatcher } from 'undici';
import { SkimError } from '../errors.js';
import { readLimitedBody } from './body.js';
import { headerValue } from './headers.js';
import { bodyType, mayRead, notAnArticle, parseContentType, statusError } from './response.js';
import type { FetchedPage } from './types.js';

/** Closes a response body without reading further (its connection is dropped, not drained). */
export function discardBody(body: Dispatcher.ResponseData['body']): void {
  // Destroying an unfinished undici body emits an abort error nobody else listens for.
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Turns the final response of a fetch into a page, refusing error statuses, media types that are not
 * articles and oversized bodies before reading what it need not read. The body's own bytes then decide: a PDF
 * is read as one whatever its declared type, and other binary content is never read as text.
 */
export async function readPage(
  url: URL,
  response: Dispatcher.ResponseData,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchedPage> {
  const { statusCode: status, headers, body } = response;
  const media = parseContentType(headerValue(headers, 'content-type'));
  const refusal =
    statusError(status) ??
    (media && !mayRead(media.type) ? notAnArticle(media.type) : undefined) ??
    (Number(headerValue(headers, 'content-length')) > maxBytes ? new SkimError('TOO_LARGE') : undefined);
  if (refusal) {
    discardBody(body);
    throw refusal;
  }
  let bytes: Buffer;
  try {
    bytes = await readLimitedBody(body, headerValue(headers, 'content-encoding'), maxBytes, signal);
  } finally {
    discardBody(body);
  }
  const contentType = bodyType(bytes, media?.type);
  return { url: url.href, status, contentType, ...(media?.charset ? { charset: media.charset } : {}), body: bytes };
}
