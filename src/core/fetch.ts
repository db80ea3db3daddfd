import { SkimError } from './errors.js';

/** A fetched page: its bytes and what the server said about them. */
export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** The media type, lowercased, without parameters (e.g. `text/html`). */
  contentType: string;
  /** The charset parameter of Content-Type, when given. */
  charset?: string;
  body: Uint8Array;
}

/** Limits and identity for fetching. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'application/xml', 'text/xml']);

/**
 * Fetches a page with a total timeout and a body size cap.
 * (Minimal version; the safe fetcher replaces the internals, not this signature.)
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw new SkimError('TIMEOUT', undefined, { cause: error });
    throw new SkimError('CONNECTION', undefined, { cause: error });
  }
  if (!response.ok) {
    throw new SkimError('HTTP_STATUS', `The site answered ${response.status}.`, { details: { status: response.status } });
  }
  const [type = '', ...params] = (response.headers.get('content-type') ?? 'text/html').split(';');
  const contentType = type.trim().toLowerCase();
  if (!READABLE_TYPES.has(contentType)) {
    await response.body?.cancel();
    throw new SkimError('NOT_HTML', `That link isn't an article (${contentType}).`, { details: { contentType } });
  }
  const charset = params.map((p) => p.trim().match(/^charset=["']?([^"';]+)/i)?.[1]).find(Boolean);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
    const chunk = r.value;
    size += chunk.byteLength;
    if (size > options.maxBytes) {
      await reader?.cancel();
      throw new SkimError('TOO_LARGE');
    }
    chunks.push(chunk);
  }
  return { url: response.url || url, status: response.status, contentType, ...(charset ? { charset } : {}), body: Buffer.concat(chunks) };
}
