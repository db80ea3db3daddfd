import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NotAnArticleError, SkimError } from '../../errors.js';
import { MAX_PDF_PAGES, PDF_READ_MS } from '../../limits.js';
import { inLink, linkAreas } from './links.js';
import type { PdfItem, PdfPage } from './types.js';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** The text of a PDF's pages, as positioned runs, and the title its metadata gives. */
export interface LoadedPdf {
  title?: string;
  pages: PdfPage[];
}

let pdfjs: Promise<PdfJs> | undefined;

/** Loads pdf.js once per thread, on first use: the legacy build, which runs on every Node that Skim supports. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** pdf.js's own data (CMaps for CJK text, metrics of the standard fonts), read from its package folder, never fetched. */
function dataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/**
 * The options that keep pdf.js to reading: no script evaluation, no XFA forms, no fonts installed or fetched,
 * no network (streaming, ranges and fetching are off; its data files are read from disk), and no errors thrown
 * for what it can read around.
 */
function safeOptions(data: Uint8Array) {
  return {
    data,
    ...dataDirs(),
    cMapPacked: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

/**
 * Reads the text runs of a PDF's pages (the first {@link MAX_PDF_PAGES}), within {@link PDF_READ_MS}.
 * Nothing in the file is run or followed: scripts, forms and attachments are never read, and of links only
 * the area they cover is (to tell link text from running text), never their target.
 * @throws SkimError BAD_INPUT (password), PARSE_FAILED (damaged), TIMEOUT; NotAnArticleError (no pages, no text layer).
 */
export async function loadPdf(bytes: Uint8Array, deadlineMs = PDF_READ_MS): Promise<LoadedPdf> {
  const lib = await loadPdfJs();
  // pdf.js may detach the buffer it is given; the caller's bytes stay whole.
  const task = lib.getDocument(safeOptions(new Uint8Array(bytes)));
  const deadline = Date.now() + deadlineMs;
  try {
    const doc = await withDeadline(task.promise, deadline);
    if (doc.numPages === 0) throw new NotAnArticleError('That PDF has no pages.');
    const pages: PdfPage[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES); n++) {
      pages.push(await withDeadline(readPage(lib, doc, n), deadline));
    }
    if (!pages.some((p) => p.items.some((i) => /\p{L}/u.test(i.text)))) {
      throw new NotAnArticleError('That PDF has no text to read (it looks scanned).');
    }
    const title = await metadataTitle(doc);
    return title ? { title, pages } : { pages };
  } catch (error) {
    throw toPdfError(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readPage(lib: PdfJs, doc: PdfDocument, n: number): Promise<PdfPage> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    // A page whose annotations cannot be read still has its text.
    const links = linkAreas(await page.getAnnotations({ intent: 'display' }).catch(() => []), viewport.transform as number[]);
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      // Page space to the viewport's: y grows downwards, the page's rotation and crop applied.
      const [a, b, c, d, x, y] = lib.Util.transform(viewport.transform, item.transform) as number[];
      const size = Math.hypot(c!, d!);
      // Rotated text (a stamp up the margin, a label on a chart) is not part of the running text.
      if (size === 0 || Math.abs(b!) > 0.05 * Math.abs(a!) || Math.abs(c!) > 0.05 * size) continue;
      const run: PdfItem = { text: item.str, x: x!, y: y!, width: item.width, size };
      if (inLink(run, links)) run.link = true;
      items.push(run);
    }
    return { width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

/** The title in the document's metadata, unless it is a file name or a placeholder. */
async function metadataTitle(doc: PdfDocument): Promise<string | undefined> {
  const meta = await doc.getMetadata().catch(() => undefined);
  const info = meta?.info as { Title?: unknown } | undefined;
  const candidates = [meta?.metadata?.get('dc:title'), info?.Title];
  for (const candidate of candidates) {
    const title = typeof candidate === 'string' ? candidate.replace(/\s+/g, ' ').trim() : '';
    if (isPlausibleTitle(title)) return title;
  }
  return undefined;
}

/** Titles that word processors and printers leave: a file name, "Untitled", "Microsoft Word - x.docx". */
export function isPlausibleTitle(title: string): boolean {
  if (!/\p{L}{2}/u.test(title)) return false;
  if (/^(untitled|title|document|slide \d+|print)$/i.test(title)) return false;
  return !/\.(pdf|docx?|odt|rtf|txt|pptx?|xlsx?|indd|tex|html?)$/i.test(title) && !/^microsoft (word|powerpoint|excel) - /i.test(title);
}

async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SkimError('TIMEOUT', 'That PDF took too long to read.')), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** pdf.js's failures as users read them; a SkimError passes through. */
function toPdfError(error: unknown): SkimError {
  if (error instanceof SkimError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new SkimError('BAD_INPUT', "That PDF is locked with a password; Skim can't read it.", { cause: error });
  }
  return new SkimError('PARSE_FAILED', "That PDF is damaged and couldn't be read.", { cause: error, details: { reason: name || 'unknown' } });
}
