import type { PdfLine, PdfPage } from './types.js';

/** The share of the page's height, at its top and at its bottom, where running headers and footers sit. */
const MARGIN_BAND = 0.12;
/**
 * A margin line repeated (digits aside) on at least this share of the pages is a running header or footer.
 * Under half, so that headers alternating between left and right pages still count, and the first page,
 * which often has none, does not hide them.
 */
const REPEATED_SHARE = 0.4;

/** A page number as printed alone in a margin: "7", "- 7 -", "Page 7", "7 of 30", "vii". */
const PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/|sur|de|von)\s*\d{1,4})?[-–—\s]*$/i;

/**
 * Drops the page furniture from the lines of every page: lines in the top or bottom margin band that are a
 * page number, or that repeat (digits aside) on many pages, as running headers and footers do.
 * `lines[i]` are the lines of `pages[i]`.
 */
export function dropFurniture(pages: PdfPage[], lines: PdfLine[][]): PdfLine[][] {
  const inMargin = (line: PdfLine) => {
    const height = pages[line.page - 1]?.height ?? 0;
    return line.y < height * MARGIN_BAND || line.y > height * (1 - MARGIN_BAND);
  };
  const counts = new Map<string, number>();
  for (const pageLines of lines) {
    for (const key of new Set(pageLines.filter(inMargin).map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(REPEATED_SHARE * lines.length));
  const repeated = (line: PdfLine) => (counts.get(furnitureKey(line)) ?? 0) >= needed;
  return lines.map((pageLines) => pageLines.filter((line) => !(inMargin(line) && (PAGE_NUMBER.test(line.text) || repeated(line)))));
}

/** A margin line's text with its numbers blanked, so "Page 3 of 9" and "Page 4 of 9" are one header. */
function furnitureKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
