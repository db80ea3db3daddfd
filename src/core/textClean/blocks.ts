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

/** Longest line kept as is; a longer one is cut, since nothing that long is a paragraph anyone reads. */
const MAX_LINE = 100_000;
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
 * plain lines. Binary junk becomes spaces rather than an error.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\uFEFF\u200B]/g, ' ')
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
    const line = collapse(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw);
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
  if (m) return { text: m[2] ?? '', marker: 'heading' };
  m = LIST_ITEM.exec(line);
  if (m) return { text: m[1] ?? '', marker: 'list' };
  m = QUOTE.exec(line);
  if (m) return { text: m[1] ?? '', marker: 'quote' };
  return { text: line, marker: 'none' };
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

/** True when line b plainly continues the sentence that line a leaves open. */
function continues(a: Line, b: Line): boolean {
  if (a.text.length < 50 || TERMINAL.test(a.text)) return false;
  return /^\p{Ll}/u.test(b.text) || /[,\-–]$/.test(a.text);
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
  if (plain && isHardWrapped(group)) {
    blocks.push(block(group.map((l) => l.text).join(' '), first.marker, first.blankBefore));
    return;
  }
  let current: Line | undefined;
  for (const line of group) {
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
