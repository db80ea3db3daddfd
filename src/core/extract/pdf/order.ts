import type { PdfBlock, PdfLine } from './types.js';

/** Lines further apart than this many font sizes (baseline to baseline) are not stacked in one block. */
const MAX_LEADING_EMS = 1.7;
/** How far a line's left edge may stray from its block's (an indented first line, a centred line), in font sizes. */
const ALIGN_EMS = 3;
/** Sizes within this ratio are one style: a heading starts a block of its own. */
const SIZE_RATIO = 1.15;
/** Above this many blocks a page is read top to bottom: the pairwise order costs the cube of the count. */
const MAX_ORDERED_BLOCKS = 150;

/**
 * Reads a page's lines in reading order: lines are stacked into blocks that stay within one column, and the
 * blocks are put in order column by column (see {@link orderBlocks}).
 */
export function readingOrder(lines: PdfLine[]): PdfBlock[] {
  return orderBlocks(stackBlocks(lines));
}

/**
 * Stacks lines (top to bottom) into blocks: a line joins the block whose last line sits just above it, in the
 * same style, with the left edge aligned, unless it reaches into a column beside the block. A line that spans
 * two columns therefore never joins either, and a column's lines never join its neighbour's.
 */
export function stackBlocks(lines: PdfLine[]): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  const open: PdfBlock[] = [];
  for (const line of lines) {
    let best: PdfBlock | undefined;
    for (const block of open) {
      if (!fits(block, line, open)) continue;
      if (!best || block.bottom > best.bottom) best = block;
    }
    if (best) {
      best.lines.push(line);
      best.bottom = line.y;
      best.left = Math.min(best.left, line.x);
      best.right = Math.max(best.right, line.right);
    } else {
      const block = { lines: [line], left: line.x, right: line.right, top: line.y - line.size, bottom: line.y };
      blocks.push(block);
      open.push(block);
    }
    // Blocks too far above the line can take no later line either (lines come top to bottom).
    for (let i = open.length - 1; i >= 0; i--) if (line.y - open[i]!.bottom > MAX_LEADING_EMS * line.size * 2) open.splice(i, 1);
  }
  return blocks;
}

function fits(block: PdfBlock, line: PdfLine, open: PdfBlock[]): boolean {
  const last = block.lines[block.lines.length - 1]!;
  const gap = line.y - last.y;
  if (gap <= 0 || gap > MAX_LEADING_EMS * Math.max(line.size, last.size)) return false;
  if (Math.max(line.size, last.size) / Math.min(line.size, last.size) > SIZE_RATIO) return false;
  const slack = ALIGN_EMS * line.size;
  const aligned = Math.abs(line.x - block.left) <= slack || (line.x >= block.left && line.right <= block.right);
  if (!aligned) return false;
  // A line wider than the block (after a short first line, in ragged text) joins it unless it reaches into
  // a column beside the block: then it spans the columns and belongs to neither.
  return line.right <= block.right + slack || !open.some((other) => other !== block && other.left >= block.right && other.left < line.right);
}

/**
 * Puts blocks in reading order by Breuel's rules (2003): a block comes before another below it that it
 * overlaps horizontally, and before one entirely to its right unless a third block between them vertically
 * overlaps both (a full-width heading between two rows of columns). The order is the topological sort of
 * those pairs, taking the topmost, then leftmost, block that is free to go.
 */
export function orderBlocks(blocks: PdfBlock[]): PdfBlock[] {
  if (blocks.length > MAX_ORDERED_BLOCKS) return [...blocks].sort((a, b) => a.top - b.top || a.left - b.left);
  const n = blocks.length;
  const after: number[][] = blocks.map(() => []);
  const before = new Array<number>(n).fill(0);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b && precedes(blocks, a, b)) {
        after[a]!.push(b);
        before[b]! += 1;
      }
    }
  }
  const done = new Array<boolean>(n).fill(false);
  const order: PdfBlock[] = [];
  const rank = (i: number) => blocks[i]!;
  for (let k = 0; k < n; k++) {
    let pick = -1;
    for (let i = 0; i < n; i++) {
      if (done[i] || before[i]! > 0) continue;
      if (pick < 0 || earlier(rank(i), rank(pick))) pick = i;
    }
    // A cycle (rules can conflict on odd layouts): the topmost block left goes next.
    if (pick < 0) for (let i = 0; i < n; i++) if (!done[i] && (pick < 0 || earlier(rank(i), rank(pick)))) pick = i;
    done[pick] = true;
    order.push(blocks[pick]!);
    for (const next of after[pick]!) before[next]! -= 1;
  }
  return order;
}

function earlier(a: PdfBlock, b: PdfBlock): boolean {
  return a.top < b.top || (a.top === b.top && a.left < b.left);
}

function overlapsX(a: PdfBlock, b: PdfBlock): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0;
}

function precedes(blocks: PdfBlock[], ai: number, bi: number): boolean {
  const a = blocks[ai]!;
  const b = blocks[bi]!;
  if (overlapsX(a, b)) return a.top < b.top;
  if (a.right > b.left) return false;
  const [upper, lower] = a.top < b.top ? [a, b] : [b, a];
  return !blocks.some((c, ci) => ci !== ai && ci !== bi && c.top > upper.top && c.top < lower.top && overlapsX(c, a) && overlapsX(c, b));
}
