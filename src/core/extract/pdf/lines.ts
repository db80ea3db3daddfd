import type { PdfItem, PdfLine } from './types.js';

/**
 * A horizontal gap wider than this many font sizes ends a line: wider than any word space of justified text,
 * narrower than a column gutter, so two columns sharing a baseline stay two lines.
 */
const COLUMN_GAP_EMS = 1;
/** A gap wider than this (in font sizes) between two runs is a space that the runs themselves lack. */
const SPACE_GAP_EMS = 0.15;
/** Baselines closer than this (in font sizes) are one row: superscripts and subscripts stay on their line. */
const SAME_ROW_EMS = 0.5;

/**
 * Groups a page's text runs into lines: runs on one baseline, left to right, cut where a gap as wide as a
 * column gutter separates them. Lines come out top to bottom, left to right.
 */
export function pageLines(items: PdfItem[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (let start = 0; start < sorted.length; ) {
    const anchor = sorted[start]!;
    let end = start + 1;
    while (end < sorted.length && sorted[end]!.y - anchor.y < SAME_ROW_EMS * Math.max(anchor.size, sorted[end]!.size)) end++;
    lines.push(...splitRow(sorted.slice(start, end).sort((a, b) => a.x - b.x), page));
    start = end;
  }
  return lines;
}

/** Cuts one row of runs (left to right) into lines at column gaps, joining the runs of each. */
function splitRow(row: PdfItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: { items: PdfItem[]; right: number } | undefined;
  for (const item of row) {
    const size = Math.max(item.size, 1);
    if (current && item.x - current.right <= COLUMN_GAP_EMS * size) {
      current.items.push(item);
      current.right = Math.max(current.right, item.x + item.width);
      continue;
    }
    if (current) lines.push(toLine(current.items, current.right, page));
    current = { items: [item], right: item.x + item.width };
  }
  if (current) lines.push(toLine(current.items, current.right, page));
  return lines;
}

function toLine(items: PdfItem[], right: number, page: number): PdfLine {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text !== '' && gap > SPACE_GAP_EMS * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  // The line's size is that of most of its characters, so that a footnote mark does not shrink a body line.
  const size = dominantSize(items);
  const base = items.find((i) => Math.round(i.size * 10) / 10 === size) ?? items[0]!;
  const line: PdfLine = { text: text.replace(/\s+/g, ' ').trim(), x: items[0]!.x, right, y: base.y, size, page };
  if (items.every((i) => i.link)) line.link = true;
  return line;
}

function dominantSize(items: PdfItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 10) / 10;
    weight.set(size, (weight.get(size) ?? 0) + item.text.length);
  }
  let best = items[0]!.size;
  let most = -1;
  for (const [size, w] of weight) {
    if (w > most) [best, most] = [size, w];
  }
  return best;
}
