import { analyseArticle } from './analyse/index.js';
import { isPdfInput, pdfToArticle, toArticle, type RawInput } from './extract/index.js';
import type { Digest } from './types.js';

/**
 * The CPU-bound step for HTML and text: raw input to a digest, synchronously. PDFs need {@link digestInput}.
 * @throws NotAnArticleError, SkimError('PARSE_FAILED')
 */
export function digestRaw(raw: RawInput, key: string): Digest {
  return analyseArticle(toArticle(raw), key);
}

/**
 * The whole CPU-bound step for any raw input: a PDF through the PDF reader, anything else as
 * {@link digestRaw} does. This is what the pipeline runs inline and what the digest workers run.
 */
export async function digestInput(raw: RawInput, key: string): Promise<Digest> {
  if (!isPdfInput(raw)) return digestRaw(raw, key);
  return analyseArticle(await pdfToArticle(raw.bytes, raw.url), key);
}
