/**
 * The PDF reader: text from a PDF's text layer, in reading order (column by column), without page furniture
 * (running headers and footers, page numbers, elements a browser printed on every page), paragraphs rebuilt
 * across line and page breaks in the shape of a browser's copy of the page; then the same text cleaner as any
 * pasted page, less what the cleaner keeps that was all link text on the page (links.ts).
 */
import { cleanText } from '../plain/index.js';
import type { Article } from '../../types.js';
import { dropFixedRuns } from './fixed.js';
import { dropFurniture } from './furniture.js';
import { pageLines } from './lines.js';
import { dropLinkBlocks } from './links.js';
import { loadPdf, type LoadedPdf } from './load.js';
import { readingOrder } from './order.js';
import { rebuildText } from './paragraphs.js';
import type { PdfBlock, PdfLine, TextLine } from './types.js';

/** A heading must be this much larger than the body text to stand as the title. */
const TITLE_SIZE_RATIO = 1.2;

/** A PDF's text as paragraphs in reading order, and its title (from metadata, else the largest text on page 1). */
export interface PdfText {
  title: string;
  paragraphs: string[];
  /** The lines of `paragraphs` in order, each marked when it was all link text on the page. */
  lines: TextLine[];
}

/**
 * Reads the text of a PDF.
 * @throws SkimError BAD_INPUT (password), PARSE_FAILED (damaged), TIMEOUT; NotAnArticleError (no text layer).
 */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  return layOut(await loadPdf(bytes));
}

/** The layout step of {@link readPdfText}: a loaded PDF's runs as paragraphs in reading order, and its title. */
function layOut(pdf: LoadedPdf): PdfText {
  const lines = dropFurniture(
    pdf.pages,
    dropFixedRuns(pdf.pages).map((items, i) => pageLines(items, i + 1)),
  );
  const blocks = lines.flatMap((pageLines) => readingOrder(pageLines));
  return { title: pdf.title ?? largestText(blocks), ...rebuildText(blocks) };
}

/**
 * Turns a PDF into an article: its text through the text cleaner (which drops what a printed web page
 * carries around the article), under the PDF's title.
 * @throws as {@link readPdfText}; NotAnArticleError when no article text remains.
 */
export async function pdfToArticle(bytes: Uint8Array, url?: string): Promise<Article> {
  const { title, paragraphs, lines } = await readPdfText(bytes);
  const article = cleanText(paragraphs.join('\n\n'), { ...(url ? { url } : {}), ...(title ? { title } : {}) });
  // The cleaner reads the links around the article as a page's menus and lists, which helps it find the
  // article; what it keeps that was all link on the page goes after it (see links.ts).
  return { ...article, blocks: dropLinkBlocks(article.blocks, lines) };
}

/** The largest text on the first page, when it stands out from the body: its consecutive lines in that size. */
function largestText(blocks: PdfBlock[]): string {
  const first = blocks.filter((b) => b.lines[0]?.page === 1).flatMap((b) => b.lines);
  const lettered = first.filter((l) => /\p{L}{2}/u.test(l.text));
  if (lettered.length === 0) return '';
  const largest = Math.max(...lettered.map((l) => l.size));
  if (largest < TITLE_SIZE_RATIO * bodySize(first)) return '';
  const start = first.findIndex((l) => l.size === largest && /\p{L}{2}/u.test(l.text));
  const title: PdfLine[] = [];
  for (let i = start; i < first.length && first[i]!.size === largest; i++) title.push(first[i]!);
  return title.map((l) => l.text).join(' ');
}

/** The font size most of the page's characters are in. */
function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
