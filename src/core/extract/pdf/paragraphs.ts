import { isUnspaced } from '../../text/index.js';
import type { PdfBlock, PdfLine, TextLine } from './types.js';

/** An indent deeper than this (in font sizes) marks a paragraph's first line. */
const INDENT_EMS = 0.8;
/** Sizes within this ratio are one style. */
const SIZE_RATIO = 1.15;
/**
 * Space above a line beyond its block's line pitch, in font sizes, that sets it apart as a paragraph of its
 * own: browsers print a paragraph's margin as about one font size, and copy a blank line for a margin of half
 * one or more. Fitted on the first half of the printed aeb pages (0, 0.5, 0.7, 1 tried).
 */
const PARAGRAPH_GAP_EMS = 0.7;
/** The line pitch, in font sizes, assumed for a block of one line (a browser's normal line height). */
const DEFAULT_PITCH_EMS = 1.2;
/** A single line is prose when it ends a sentence of at least this many words (as the text cleaner counts prose). */
const PROSE_WORDS = 5;

const SENTENCE_END = /[.!?:;…"”’')\]]$/u;
const FULL_STOP = /[.!?…]['"”’)]?$/u;
type Break = 'join' | 'line' | 'paragraph';

/** Lines joined into one line of text (a wrapped paragraph, or one line broken on purpose). */
interface Unit {
  text: string;
  lines: number;
  before: Exclude<Break, 'join'>;
  /** Every line of it lies in links. */
  link: boolean;
}

interface Placed {
  line: PdfLine;
  block: PdfBlock;
}

/**
 * Rebuilds paragraphs from blocks in reading order (all pages), in the shape a browser's copy of the page
 * has, which is what the text cleaner has learnt: lines of a paragraph are joined across line, column and
 * page breaks, and a word hyphenated at a line end is joined again; a line broken on purpose (it stopped short
 * of the margin, or the style changes without a gap) stays a line of its own; and a blank line parts only
 * lines set apart by a gap where one side is prose (wrapped over lines, or a sentence), as a browser copies
 * paragraphs. Menus, link lists, bylines and teasers thus come as runs of short lines, as in a paste.
 */
export function rebuildParagraphs(blocks: PdfBlock[]): string[] {
  return paragraphsOf(joinUnits(blocks));
}

/**
 * {@link rebuildParagraphs} of the blocks, and the lines of that text in order (a paragraph's lines joined as it
 * joins them), each marked when every run of it lies in a link: a menu item, a tag, a teaser headline, "Read
 * more". The lines are joined once for both (the join reads every word of the document to judge hyphens).
 */
export function rebuildText(blocks: PdfBlock[]): { paragraphs: string[]; lines: TextLine[] } {
  const units = joinUnits(blocks);
  return { paragraphs: paragraphsOf(units), lines: linesOf(units) };
}

function paragraphsOf(units: Unit[]): string[] {
  const paragraphs: string[] = [];
  let text = '';
  units.forEach((unit, i) => {
    const before = units[i - 1];
    if (!before || (unit.before === 'paragraph' && (isProse(before) || isProse(unit)))) {
      if (text) paragraphs.push(text);
      text = unit.text;
    } else {
      text = `${text}\n${unit.text}`;
    }
  });
  if (text) paragraphs.push(text);
  return paragraphs;
}

/** The lines of all blocks joined where they wrap, each unit with the break that stands before it. */
function joinUnits(blocks: PdfBlock[]): Unit[] {
  const words = knownWords(blocks);
  const units: Unit[] = [];
  let prev: Placed | undefined;
  for (const block of blocks) {
    for (const line of block.lines) {
      const next = { line, block };
      const kind = prev ? breakBetween(prev, next) : 'paragraph';
      const unit = units[units.length - 1];
      if (kind === 'join' && unit) {
        unit.text = joinLines(unit.text, line.text, words);
        unit.lines += 1;
        unit.link &&= line.link === true;
      } else {
        units.push({ text: line.text, lines: 1, before: kind === 'join' ? 'paragraph' : kind, link: line.link === true });
      }
      prev = next;
    }
  }
  return units;
}

function linesOf(units: Unit[]): TextLine[] {
  return units.map((unit) => ({ text: unit.text, link: unit.link }));
}

/** Prose: text wrapped over lines, or one line that is a sentence. */
function isProse(unit: Unit): boolean {
  return unit.lines > 1 || (FULL_STOP.test(unit.text) && unit.text.split(' ').length >= PROSE_WORDS);
}

/** What separates two lines read one after the other: nothing (a space), a line break, or a paragraph break. */
function breakBetween(prev: Placed, next: Placed): Break {
  const ratio = Math.max(prev.line.size, next.line.size) / Math.min(prev.line.size, next.line.size);
  // Below in the same column: set apart by a gap, or (another style without a gap) a line of its own.
  if (below(prev, next) && (ratio > SIZE_RATIO || prev.block !== next.block)) return spaced(prev, next) ? 'paragraph' : 'line';
  if (ratio > SIZE_RATIO) return 'paragraph';
  if (prev.block === next.block) {
    const indent = (line: PdfLine) => line.x - next.block.left > INDENT_EMS * line.size;
    if (indent(next.line) && !indent(prev.line)) return 'paragraph';
    return stoppedShort(prev.line, next.line, next.block) ? 'line' : 'join';
  }
  // Another column or page: the same paragraph only when the sentence runs on into it.
  if (SENTENCE_END.test(prev.line.text)) return 'paragraph';
  return /^\p{Ll}/u.test(next.line.text) || !shortOfColumn(prev, next) ? 'join' : 'paragraph';
}

/** Whether more space than the line pitch of the two blocks stands between `prev` and `next`. */
function spaced(prev: Placed, next: Placed): boolean {
  const pitch = Math.max(linePitch(prev.block), linePitch(next.block));
  return (next.line.y - prev.line.y) / next.line.size - pitch > PARAGRAPH_GAP_EMS;
}

/** A block's line pitch in font sizes: the least baseline distance between its lines. */
function linePitch(block: PdfBlock): number {
  let pitch = Infinity;
  for (let i = 1; i < block.lines.length; i++) pitch = Math.min(pitch, (block.lines[i]!.y - block.lines[i - 1]!.y) / block.lines[i]!.size);
  return Number.isFinite(pitch) ? pitch : DEFAULT_PITCH_EMS;
}

/** Whether `next` starts on the same page as `prev` ended, lower down, overlapping it horizontally. */
function below(prev: Placed, next: Placed): boolean {
  const overlap = Math.min(prev.block.right, next.block.right) - Math.max(prev.block.left, next.block.left);
  return next.line.page === prev.line.page && next.line.y > prev.line.y && overlap > 0;
}

/**
 * Whether the last line before a column or page break ended short of the column: the wider of its own block
 * and the next, since a block of one line gives no width of its own.
 */
function shortOfColumn(prev: Placed, next: Placed): boolean {
  const width = Math.max(prev.block.right - prev.block.left, next.block.right - next.block.left);
  return room(prev.line, next.line, prev.block.left + width);
}

/** Whether `line` ended with room to spare for the first word of `next`: a line broken on purpose. */
function stoppedShort(line: PdfLine, next: PdfLine, block: PdfBlock): boolean {
  return room(line, next, block.right);
}

/** Whether `next`'s first word would have fit after `line` before the right edge `right`. */
function room(line: PdfLine, next: PdfLine, right: number): boolean {
  const perChar = (next.right - next.x) / Math.max(1, next.text.length);
  const firstWord = next.text.split(' ')[0] ?? '';
  return right - line.right > perChar * (firstWord.length + 1);
}

/** Joins a line to the text before it: a space, nothing after a soft hyphen, or a line-end hyphen taken out. */
export function joinLines(text: string, line: string, words: ReadonlySet<string>): string {
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + line;
  const hyphen = /(\p{L}+)[-\u2010]$/u.exec(text);
  const rest = /^(\p{Ll}+)/u.exec(line);
  if (hyphen && rest) {
    const whole = (hyphen[1]! + rest[1]!).toLowerCase();
    const compound = `${hyphen[1]!}-${rest[1]!}`.toLowerCase();
    // A compound the document spells with its hyphen elsewhere keeps it; otherwise the hyphen was the break's.
    if (words.has(compound) && !words.has(whole)) return text + line;
    return text.slice(0, -1) + line;
  }
  // Scripts written without spaces wrap anywhere; Korean wraps at its spaces, so it takes one like Latin.
  if (isUnspaced(text.slice(-1)) && isUnspaced(line.charAt(0))) return text + line;
  return `${text} ${line}`;
}

/** Every word of the document, lower case, hyphenated compounds as they are written inside lines too. */
function knownWords(blocks: PdfBlock[]): Set<string> {
  const words = new Set<string>();
  for (const block of blocks) {
    for (const line of block.lines) {
      for (const word of line.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
        words.add(word);
        for (const part of word.split('-')) words.add(part);
      }
    }
  }
  return words;
}
