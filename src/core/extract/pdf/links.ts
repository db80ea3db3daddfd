/**
 * Links as a browser prints them: every `<a href>` becomes a link annotation over its text. On a printed web
 * page, text that is all link (menus, tag lists, teaser headlines, "Read more", footer links) is the page's
 * navigation, not its article: boilerplate detectors have long used link density for this (Kohlschütter et
 * al. 2010). The text cleaner sees only text, so the PDF reader drops, from what the cleaner keeps, the
 * blocks that were all link. Not before it: the cleaner finds the article by the menus and lists around it,
 * and without them it kept more (printed aeb pages, first half: F1 0.911 to 0.900 when link lines were
 * dropped before the cleaner, 0.920 when dropped after; held-out half 0.882 to 0.899).
 */
import type { Block } from '../../types.js';
import { normalizeText } from '../plain/index.js';
import type { PdfItem, TextLine } from './types.js';

/** A link's area on the page, in the viewport's coordinates (y growing downwards). */
export interface LinkArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What pdf.js gives for an annotation; only the kind and the rectangle are read. */
export interface AnnotationLike {
  subtype?: unknown;
  rect?: unknown;
}

/**
 * Most links a page may have for its text to be marked: marking costs runs × links, and a hostile PDF may put
 * tens of thousands on a page. Printed web pages stay far below it (the 1,217 pages of the printed aeb dev set
 * have at most 226, 81 at the 99th percentile).
 */
export const MAX_LINK_AREAS = 2_000;

/**
 * The areas of a page's links, mapped by the viewport's transform `m` from page space (y up). Only the
 * rectangles are read: targets are never followed. Past {@link MAX_LINK_AREAS} links, none: the page's text
 * is then read as if it had no links.
 */
export function linkAreas(annotations: readonly AnnotationLike[], m: readonly number[]): LinkArea[] {
  const areas: LinkArea[] = [];
  for (const { subtype, rect } of annotations) {
    if (subtype !== 'Link' || !Array.isArray(rect) || rect.length !== 4 || !rect.every(Number.isFinite)) continue;
    const [x1, y1, x2, y2] = rect as [number, number, number, number];
    const ax = x1 * m[0]! + y1 * m[2]! + m[4]!;
    const ay = x1 * m[1]! + y1 * m[3]! + m[5]!;
    const bx = x2 * m[0]! + y2 * m[2]! + m[4]!;
    const by = x2 * m[1]! + y2 * m[3]! + m[5]!;
    areas.push({ left: Math.min(ax, bx), right: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by) });
    if (areas.length > MAX_LINK_AREAS) return [];
  }
  return areas;
}

/**
 * Whether a run lies in a link: the middle of its width, a third of its size above the baseline (the middle
 * of a lower-case letter), is inside one of the areas.
 */
export function inLink(run: Pick<PdfItem, 'x' | 'y' | 'width' | 'size'>, areas: readonly LinkArea[]): boolean {
  const x = run.x + run.width / 2;
  const y = run.y - run.size / 3;
  return areas.some((a) => x >= a.left && x <= a.right && y >= a.top && y <= a.bottom);
}

/**
 * The article's blocks without those that were all link text on the page. `lines` are the lines of the text
 * the cleaner was given; a block is dropped when its text stands in them only as link text (the same words
 * may be a link in a menu and the article's own heading: that heading stays). A block the cleaner built
 * otherwise (hard-wrapped prose joined into one) matches no line and stays. When every block was link text,
 * the article is left as it is: nothing better remains.
 */
export function dropLinkBlocks(blocks: Block[], lines: readonly TextLine[]): Block[] {
  const links = new Set(lines.filter((line) => line.link).map((line) => plain(line.text)));
  if (links.size === 0) return blocks;
  for (const line of lines) if (!line.link) links.delete(plain(line.text));
  const kept = blocks.filter((block) => !links.has(plain(block.text)));
  return kept.length > 0 ? kept : blocks;
}

/** Text as the cleaner's blocks hold it: its normalisation, spaces collapsed. */
function plain(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}
