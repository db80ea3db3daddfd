/**
 * Splitting pasted text into blocks: one per line as browsers paste them, one per paragraph for
 * hard-wrapped prose, with Markdown headings, list items, quotes and code kept apart.
 */

/** How a block was marked in the source text, when it was. */
export type BlockMarker = 'none' | 'heading' | 'list' | 'quote' | 'code';

/** A block of the pasted text before classification. */
export interface RawBlock {
  text: string;
  marker: BlockMarker;
  /** A blank line (or the start of the text) stands before it. */
  blankBefore: boolean;
  /** A blank line (or the end of the text) follows it. */
  blankAfter: boolean;
}

const TERMINAL = /[.!?…:;。！？"”’»)]$/u;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const LIST_ITEM = /^(?:[-*+•▪◦‣]|\d{1,3}[.)])[ \t]+(\S.*)$/;
const QUOTE = /^>[ \t]?(.*)$/;
const FENCE = /^(```|~~~)/;
const RULE = /^(?:[-*_=][ \t]*){3,}$/;
const SETEXT = /^(?:=+|-+)$/;
/** A line shorter than this may head a list below it; wrapped prose has longer lines. */
const SHORT_LEAD = 40;

/**
 * Normalises raw text: line ends, control characters and odd spaces, so that every later regex sees
 * plain lines. Binary junk becomes spaces rather than an error. Characters that are invisible inside a
 * word (zero-width space, word joiner, soft hyphen, byte-order mark) are removed, not spaced: pages put
 * them inside words ("coun\u00ADcil") as break hints.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200B\u2060\u00AD\uFEFF]/g, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g, ' ')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

interface Line {
  text: string;
  marker: BlockMarker;
  blankBefore: boolean;
}

/**
 * Whether a line marked as a list item really starts one: after a blank line, inside a list, or after a
 * line that ends a sentence or is short enough to be its heading ("Steps", "You need:"). Inside a
 * paragraph a wrapped line may begin with "2." or "-" by chance ("...rose from 1 to\n2. The ...").
 */
function inListContext(lines: Line[], blank: boolean, listOpen: boolean): boolean {
  const prev = lines[lines.length - 1];
  if (blank || !prev || listOpen || prev.marker !== 'none') return true;
  if (TERMINAL.test(prev.text)) return true;
  return prev.text.length < SHORT_LEAD && !wrapsOn(lines[lines.length - 2], prev);
}

/**
 * True when line b is the tail of a paragraph that line a, long and left open, wraps onto it ("...the vote
 * went 3 to\n4 in favour\n2. ..."); a capitalised short line there is rather a heading ("Ingredients").
 */
function wrapsOn(a: Line | undefined, b: Line): boolean {
  if (a === undefined || b.blankBefore || a.marker !== 'none' || /^\p{Lu}/u.test(b.text)) return false;
  return a.text.length >= SHORT_LEAD && !TERMINAL.test(a.text);
}

/** Reads lines, their Markdown markers and whether a blank line precedes each. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = true;
  let listOpen = false;
  let inFence = false;
  let fence: string[] = [];
  for (const raw of normalizeText(text).split('\n')) {
    const line = collapse(raw);
    if (FENCE.test(line)) {
      if (inFence && fence.length > 0) lines.push({ text: fence.join('\n'), marker: 'code', blankBefore: blank });
      inFence = !inFence;
      fence = [];
      blank = !inFence;
      continue;
    }
    if (inFence) {
      fence.push(line);
      continue;
    }
    if (line === '') {
      blank = true;
      listOpen = false;
      continue;
    }
    const prev = lines[lines.length - 1];
    if (SETEXT.test(line) && prev && !blank && prev.marker === 'none') {
      prev.marker = 'heading';
      continue;
    }
    if (RULE.test(line)) {
      blank = true;
      continue;
    }
    let marked = markerOf(line);
    if (marked.marker === 'list' && !inListContext(lines, blank, listOpen)) marked = { text: line, marker: 'none' };
    if (marked.marker === 'list') listOpen = true;
    lines.push({ ...marked, blankBefore: blank });
    blank = false;
  }
  if (inFence && fence.length > 0) lines.push({ text: fence.join('\n'), marker: 'code', blankBefore: blank });
  return lines;
}

function collapse(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim();
}

function markerOf(line: string): { text: string; marker: BlockMarker } {
  let m = HEADING.exec(line);
  if (m) return { text: plainInline(m[2] ?? ''), marker: 'heading' };
  m = LIST_ITEM.exec(line);
  if (m) return { text: plainInline(m[1] ?? ''), marker: 'list' };
  m = QUOTE.exec(line);
  if (m) return { text: plainInline(m[1] ?? ''), marker: 'quote' };
  return { text: plainInline(line), marker: 'none' };
}

/**
 * Markdown's inline markup reduced to the words a reader sees: a link to its text, an image to nothing,
 * emphasis, strike-through and code spans to their content. Each pattern stops at the first character
 * that could close it, so a long line costs linear time.
 */
export function plainInline(text: string): string {
  if (!/[*_`~[\]]/.test(text)) return text;
  return text
    .replace(/!\[[^\]\n]*\]\([^()\s]*(?:\s+"[^"\n]*")?\)/g, '')
    .replace(/\[([^\]\n]+)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?\)/g, '$1')
    // A reference link ("[text][1]"), but not a wiki's run of note marks ("cost.[2][3]").
    .replace(/\[(?!\d{1,3}\])([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)([^~\n]+?)(?<=\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * True when a run of lines with no blank line between them is prose wrapped at a fixed width (an
 * email, a plain-text file) rather than one paragraph per line as browsers paste it.
 */
function isHardWrapped(group: Line[]): boolean {
  if (group.length < 2) return false;
  const body = group.slice(0, -1).map((l) => l.text.length);
  const longest = Math.max(...body);
  if (longest > 110 || longest < 40) return false;
  const even = body.filter((n) => n >= longest * 0.6).length >= body.length * 0.8;
  const open = group.slice(0, -1).filter((l) => !TERMINAL.test(l.text)).length;
  return even && open >= Math.ceil(body.length / 2);
}

/**
 * True when line b plainly continues the sentence that line a leaves open: a long line that stops
 * mid-sentence before a lower-case word or after a comma, or any line that ends with a dash (a
 * dateline such as "LONDON (Wire) -" on a line of its own before the story).
 */
function continues(a: Line, b: Line): boolean {
  if (DASH_END.test(a.text)) return true;
  if (a.text.length < 50 || TERMINAL.test(a.text)) return false;
  return /^\p{Ll}/u.test(b.text) || /,$/.test(a.text);
}

const DASH_END = /\s[-–—]$/u;

/**
 * True when line b stands on a line of its own only because its first word did not fit after line a
 * within the group's width: a wrapped line, not the end of a paragraph. The longest line is at most the
 * width the text was wrapped at, so a word that would have fit beside it means a real line break, when
 * line a ends a sentence or line b opens with a capital (a wrapper that is not greedy may leave room at
 * the end of a line in mid-sentence).
 */
function wrappedOnto(a: Line, b: Line, width: number): boolean {
  const space = b.text.indexOf(' ');
  const firstWord = space < 0 ? b.text.length : space;
  if (a.text.length + 1 + firstWord > width) return true;
  return !TERMINAL.test(a.text) && !/^\p{Lu}/u.test(b.text);
}

/** Joins a wrapped line to the one before it; a word hyphenated at the line end is rejoined whole. */
function joinWrapped(a: string, b: string): string {
  return /\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) ? `${a}${b}` : `${a} ${b}`;
}

/**
 * Splits text into blocks. Lines separated by blank lines are separate blocks; runs of lines without
 * blank lines stay one block per line unless they are hard-wrapped prose, which is joined with spaces.
 */
export function splitBlocks(text: string): RawBlock[] {
  const lines = readLines(text);
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && !lines[j]!.blankBefore && lines[j]!.marker === 'none') j++;
    const group = lines.slice(i, j);
    pushGroup(blocks, group);
    i = j;
  }
  for (let k = 0; k < blocks.length; k++) {
    const next = blocks[k + 1];
    blocks[k]!.blankAfter = next === undefined ? true : next.blankBefore;
  }
  return blocks;
}

function pushGroup(blocks: RawBlock[], group: Line[]): void {
  const first = group[0]!;
  const plain = first.marker === 'none' || first.marker === 'quote';
  const width = plain && isHardWrapped(group) ? Math.max(...group.map((l) => l.text.length)) : 0;
  let current: Line | undefined;
  let last: Line | undefined;
  for (const line of group) {
    const previous = last;
    last = line;
    if (current && previous && width > 0 && (wrappedOnto(previous, line, width) || continues(previous, line))) {
      current.text = joinWrapped(current.text, line.text);
      continue;
    }
    if (current && current.marker !== 'heading' && current.marker !== 'code' && continues(current, line)) {
      current.text = `${current.text} ${line.text}`;
      continue;
    }
    if (current) blocks.push(block(current.text, current.marker, current.blankBefore));
    current = { ...line };
  }
  if (current) blocks.push(block(current.text, current.marker, current.blankBefore));
}

function block(text: string, marker: BlockMarker, blankBefore: boolean): RawBlock {
  return { text, marker, blankBefore, blankAfter: false };
}
