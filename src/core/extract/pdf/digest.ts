import { analyseArticle, digestRaw, type RawInput } from '../../digest.js';
import type { Digest } from '../../types.js';
import { pdfToArticle } from './index.js';

/** Whether raw input is a PDF's bytes. */
export function isPdfInput(raw: RawInput): raw is Extract<RawInput, { kind: 'bytes' }> {
  return raw.kind === 'bytes' && raw.contentType === 'application/pdf';
}

/**
 * The whole CPU-bound step for any raw input: a PDF through the PDF reader, anything else as
 * {@link digestRaw} does. This is what the pipeline runs inline and what the digest workers run.
 */
export async function digestInput(raw: RawInput, key: string): Promise<Digest> {
  if (!isPdfInput(raw)) return digestRaw(raw, key);
  return analyseArticle(await pdfToArticle(raw.bytes, raw.url), key);
}
