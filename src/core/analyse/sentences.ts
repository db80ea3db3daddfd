import {
  ABBREVIATIONS_BEFORE_NAME,
  ABBREVIATIONS_BEFORE_NUMBER,
  ABBREVIATIONS_END_OF_NAME,
  countWords,
  DOTTED_ABBREVIATIONS,
  STREET_ABBREVIATIONS,
  stopwordsFor,
} from '../text/index.js';
import type { Article, Sentence } from '../types.js';

/**
 * Sentence splitting by rules: a boundary candidate is sentence-final punctuation (with any closing quotes or
 * brackets) followed by white space; the word before it and the word after it decide whether it ends a sentence.
 * Rules rather than natural's tokenizer because that one splits after titles and dotted acronyms
 * ("Gov. Sam Brownback", "U.S. President") and keeps "in the U.S. He ..." together. The abbreviations the rules
 * know, by where they stand, are the text layer's (text/data/abbreviations.txt).
 */

/** Verbs of saying: `"Stop!" Mary said.` is one sentence. */
const SPEECH_VERBS = new Set([
  'said', 'says', 'asked', 'asks', 'shouted', 'shouts', 'yelled', 'told', 'added', 'adds', 'replied', 'cried',
  'exclaimed', 'wrote', 'writes', 'explained', 'insisted', 'whispered', 'screamed', 'continued', 'recalled',
  'admitted', 'declared', 'laughed', 'joked', 'tweeted', 'posted', 'warned', 'noted', 'demanded', 'pleaded',
]);

/** Capitalised function words commonly open a sentence; used where an abbreviation may or may not end one. */
const EXTRA_STARTERS = ['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'this', 'that', 'there',
  'his', 'her', 'their', 'its', 'in', 'on', 'at', 'as', 'after', 'when', 'if', 'while', 'some', 'many', 'now', 'then'];

const OPENERS = `"'“‘«„([{¿¡`;
/** Sentence-final punctuation, closing quotes or brackets, then white space (CJK full stops need none). */
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)(\s+)|([。！？]+)(["'”’»)\]]*)\s*/gu;
const LIST_MARKER = /^\s*(?:[-*•◦▪–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/u;

const starterCache = new Map<string, ReadonlySet<string>>();

function startersFor(lang: string | undefined): ReadonlySet<string> {
  const key = lang ?? 'en';
  let set = starterCache.get(key);
  if (!set) {
    const words = new Set(stopwordsFor(key));
    for (const w of EXTRA_STARTERS) words.add(w);
    set = words;
    starterCache.set(key, set);
  }
  return set;
}

function stripOpeners(word: string): { word: string; openers: string } {
  let i = 0;
  while (i < word.length && OPENERS.includes(word[i]!)) i++;
  return { word: word.slice(i), openers: word.slice(0, i) };
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** What the rules look at around one candidate boundary. */
interface Candidate {
  /** The sentence-final punctuation, e.g. ".", "?!", "...". */
  terminal: string;
  /** Closing quotes or brackets after it. */
  closers: string;
  /** The word before the punctuation, openers removed. */
  before: string;
  /** The word before that, openers removed ("et" in "et al."). */
  previous: string;
  /** The next word, openers and trailing punctuation removed. */
  next: string;
  /** The quotes or brackets that open the next word, if any. */
  openers: string;
  /** The words after the boundary. */
  following: string[];
}

/** `"Stop!" Mary said.`: up to three capitalised words, then a verb of saying. */
function speechTagFollows(words: string[]): boolean {
  for (let i = 0; i < Math.min(words.length, 4); i++) {
    const w = words[i]!.replace(/[^\p{L}]+$/u, '');
    if (SPEECH_VERBS.has(w.toLowerCase())) return i > 0;
    if (!isUpper(w[0])) return false;
  }
  return false;
}

/** What "No.", "Vol." or "Fig." stand before: a number, a roman numeral, a numbered label ("5", "II", "S1"). */
const NUMBER_LIKE = /^(?:\p{N}|[IVXLC]{2,}$|\p{Lu}\p{N})/u;

/** Whether the next word can open a sentence after an abbreviation that may or may not end one. */
function opensSentence(c: Candidate, starters: ReadonlySet<string>): boolean {
  // "Jones et al. (1998)", "Cohn, Jr. (2002)": a bracketed number goes on citing, it opens nothing.
  if (/[([]/u.test(c.openers) && /^\p{N}/u.test(c.next)) return false;
  return c.openers.length > 0 || starters.has(c.next.toLowerCase());
}

/** Decides whether a full stop after `before` ends the sentence, given the next word. */
function periodEnds(c: Candidate, starters: ReadonlySet<string>): boolean {
  if (c.closers.length > 0) return true;
  const lower = c.previous.toLowerCase() === 'et' && c.before === 'al' ? 'et al' : c.before.toLowerCase();
  if (/^\p{Lu}$/u.test(c.before)) return false; // an initial: "J. R. R. Tolkien"
  if (DOTTED_ABBREVIATIONS.has(lower)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(c.before)) return opensSentence(c, starters); // "U.S.", "p.m.": only before "The"...
  if (STREET_ABBREVIATIONS.has(lower) && /^\p{Lu}\p{Ll}+$/u.test(c.previous)) return opensSentence(c, starters);
  if (ABBREVIATIONS_BEFORE_NAME.has(lower)) return false;
  if (ABBREVIATIONS_BEFORE_NUMBER.has(lower)) return !NUMBER_LIKE.test(c.next);
  // A short capitalised abbreviation before chapter and verse cites a book: "Matt. 5:3", "Gen. 1:1".
  if (/^\p{Lu}\p{Ll}{1,4}$/u.test(c.before) && /^\p{N}+:\p{N}/u.test(c.next)) return false;
  if (ABBREVIATIONS_END_OF_NAME.has(lower)) return opensSentence(c, starters);
  return true;
}

function endsSentence(c: Candidate, starters: ReadonlySet<string>): boolean {
  if (/[。！？]/u.test(c.terminal)) return true;
  const first = c.next[0];
  if (first === undefined || isLower(first) || !/[\p{L}\p{N}]/u.test(first)) return false;
  if (/[!?]/u.test(c.terminal)) return !(c.closers.length > 0 && speechTagFollows(c.following));
  if (c.terminal === '.') return periodEnds(c, starters);
  return true; // an ellipsis before a capital
}

/** Opening quotes and the marks that close them. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '«': '»', '„': '“”', '‘': '’', "'": "'" };
/** A quotation of at most this many words, this many after an inner "!" or "?", is one cry: "Stop! Thief!" */
const SHORT_QUOTATION = 8;
const SHORT_REST = 4;

/** A quote mark at `i` that opens: after a space, a bracket or the start, before a non-space. */
function opensQuote(text: string, i: number): boolean {
  return (i === 0 || /[\s([{]/u.test(text[i - 1]!)) && /\S/u.test(text[i + 1] ?? '');
}

/** A quote mark at `i` that closes: after a non-space, not inside a word ("don’t" holds an apostrophe). */
function closesQuote(text: string, i: number): boolean {
  return i > 0 && /\S/u.test(text[i - 1]!) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
}

/** Where the quotation left open at `from` (scanning from `start`) opened, or -1 when none is open. */
function openQuotation(text: string, start: number, from: number): number {
  let opened = -1;
  for (let i = start; i < from; i++) {
    const ch = text[i]!;
    if (opened >= 0) {
      if (QUOTES[text[opened]!]!.includes(ch) && closesQuote(text, i)) opened = -1;
    } else if (ch in QUOTES && opensQuote(text, i)) {
      opened = i;
    }
  }
  return opened;
}

/**
 * True when the punctuation at `at` sits inside a short quotation that closes soon after `from`:
 * `He shouted, "Stop! Thief!" and ran.` keeps the quotation whole, and with it the sentence around it.
 * Longer quotations of several sentences are still split, as news quotes are.
 */
function insideShortQuotation(text: string, start: number, at: number, from: number): boolean {
  const opened = openQuotation(text, start, at);
  if (opened < 0) return false;
  const closers = QUOTES[text[opened]!]!;
  const limit = Math.min(text.length, from + 80);
  for (let i = from; i < limit; i++) {
    if (closers.includes(text[i]!) && closesQuote(text, i)) {
      const words = (a: number, b: number) => text.slice(a, b).trim().split(' ').length;
      return words(opened + 1, i) <= SHORT_QUOTATION && words(from, i) <= SHORT_REST;
    }
  }
  return false;
}

/** Splits one line-free stretch of text into sentences. */
function splitRun(text: string, starters: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const terminal = m[1] ?? m[4] ?? '';
    const closers = m[2] ?? m[5] ?? '';
    const end = m.index + terminal.length + closers.length;
    const afterIndex = m.index + m[0].length;
    if (afterIndex >= text.length) break;
    // "1. Mix them": a list number is no sentence of its own.
    if (/^\(?(?:\d{1,3}|\p{L})$/u.test(text.slice(start, m.index).trim())) continue;
    const following = text.slice(afterIndex, afterIndex + 80).split(' ');
    const next = stripOpeners(following[0] ?? '');
    const words = text.slice(Math.max(start, m.index - 60), m.index).split(' ');
    const before = stripOpeners(words[words.length - 1] ?? '').word;
    const previous = stripOpeners(words[words.length - 2] ?? '').word;
    const candidate: Candidate = {
      terminal, closers, before, following, previous,
      next: next.word.replace(/[^\p{L}\p{N}]+$/u, ''),
      openers: next.openers,
    };
    if (!endsSentence(candidate, starters)) continue;
    if (/[!?]/u.test(terminal) && closers.length === 0 && insideShortQuotation(text, start, m.index, afterIndex)) continue;
    out.push(text.slice(start, end));
    start = afterIndex;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Whether a line with a list marker after `prev` starts an item: at the start of a run, or after a line that
 * ends a sentence or is short. Hard-wrapped prose may put "2." or "-" at a line's start by chance.
 */
function startsItem(prev: string | undefined): boolean {
  return prev === undefined || prev.length < 50 || /[.!?…:;"'”’)\]。！？]$/u.test(prev);
}

/** Groups lines into runs: a list item, a heading-like line or a blank line starts a new run. */
function linesToRuns(text: string): string[] {
  const runs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) runs.push(current.join(' '));
    current = [];
  };
  const lines = text.split(/\r?\n/u);
  let listOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) {
      flush();
      listOpen = false;
      continue;
    }
    if (LIST_MARKER.test(line) && (listOpen || startsItem(current[current.length - 1]))) {
      flush();
      listOpen = true;
    }
    current.push(line);
    const next = lines[i + 1]?.trim() ?? '';
    const unterminated = !/[.!?…:;,"'”’)\]。！？-]$/u.test(line);
    // A short unterminated line followed by a capitalised one is a heading or a line of a list; hard-wrapped
    // prose has long lines, so it stays joined.
    if (unterminated && line.length < 50 && next.length > 0 && !isLower(next[0])) flush();
  }
  flush();
  return runs;
}

/**
 * Splits one block of text into sentences. Line breaks separate list items and heading-like lines;
 * within a line, abbreviations (titles, "v.", "et al.", "No. 5", "c. 1300", "Ps. 31:5"), initials, decimals,
 * ellipses before lowercase words, URLs, quoted exclamations followed by a speech tag and short quoted cries
 * ("Stop! Thief!") do not end a sentence.
 */
export function splitSentences(text: string, lang?: string): string[] {
  const starters = startersFor(lang);
  return linesToRuns(text).flatMap((run) => splitRun(run.replace(/\s+/gu, ' '), starters));
}

/**
 * Every sentence of an article, numbered in reading order, up to `maxWords` words (at least one sentence):
 * blocks past that are not split. Headings and preformatted blocks give no sentences, so they can never be
 * chosen for a summary; `block` still points into `article.blocks`.
 */
export function sentencesOf(article: Article, maxWords = Infinity): Sentence[] {
  const out: Sentence[] = [];
  let words = 0;
  for (const [blockIndex, block] of article.blocks.entries()) {
    if (block.type === 'heading' || block.type === 'preformatted') continue;
    for (const raw of splitSentences(block.text, article.lang)) {
      const text = out.length === 0 ? stripDateline(raw) : raw;
      if (text.length === 0) continue;
      if (maxWords < Infinity && (words += countWords(text)) > maxWords && out.length > 0) return out;
      out.push({ text, block: blockIndex, index: out.length });
    }
  }
  return out;
}

/**
 * A news dateline before the first sentence: an optional place, an agency in brackets, an optional dash
 * ("(CNN)", "LONDON, England (Reuters) --", "Boston (CNN)") or a capitalised place and a dash ("WASHINGTON —").
 */
const DATELINE =
  /^(?:(?:\p{Lu}[\p{L}.'-]*(?:[ ,]+\p{Lu}[\p{L}.'-]*){0,3}\s*)?\((?:CNN|AP|AFP|Reuters|UPI|dpa|EFE|ANSA|The [\p{L} ]{2,30})\)\s*(?:--|—|–|-)?|\p{Lu}{3,}(?:[ ,]+\p{Lu}[\p{L}.]*){0,3}\s+(?:--|—|–)\s)\s*/u;

/** The first sentence without its dateline, so that the summary opens with the news itself. */
export function stripDateline(sentence: string): string {
  const rest = sentence.replace(DATELINE, '');
  return rest !== sentence && /^[\p{Lu}\p{N}"“‘']/u.test(rest) ? rest : sentence;
}
