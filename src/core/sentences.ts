import { stopwordsFor } from './lang.js';
import type { Article, Sentence } from './types.js';

/**
 * Sentence splitting by rules: a boundary candidate is sentence-final punctuation (with any closing quotes or
 * brackets) followed by white space; the word before it and the word after it decide whether it ends a sentence.
 * Rules rather than natural's tokenizer because that one splits after titles and dotted acronyms
 * ("Gov. Sam Brownback", "U.S. President") and keeps "in the U.S. He ..." together.
 */

/** Abbreviations that stand before a name or a word and so never end a sentence ("Mr. Smith", "Gov. Brown"). */
const BEFORE_NAME = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gov', 'sen', 'rep', 'reps', 'gen', 'col', 'lt', 'capt', 'cpt', 'sgt',
  'cmdr', 'adm', 'maj', 'cpl', 'pvt', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'fr', 'st', 'mt', 'atty', 'vs',
  'cf', 'viz', 'approx', 'esp', 'incl', 'sra', 'srta', 'mme', 'mlle', 'hr', 'hrn', 'bzw', 'vgl', 'sog', 'ggf',
  'dña', 'ud', 'uds', 'sta', 'sto', 'mons',
]);

/** Abbreviations that stand before a number ("No. 5", "Jan. 12", "p. 34") and otherwise may end a sentence. */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'vol', 'vols', 'fig', 'figs', 'p', 'pp', 'ch', 'chap', 'art', 'sec', 'para', 'op', 'ca', 'tel',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'rt', 'hwy',
]);

/** Abbreviations that end a name and so end a sentence only before a typical sentence opener ("Inc. The"). */
const END_OF_NAME = new Set(['inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'jr', 'sr', 'esq', 'etc', 'ft', 'ave', 'dept', 'univ']);

/** Dotted abbreviations that never end a sentence. */
const NEVER_FINAL = new Set(['e.g', 'i.e', 'z.b', 'd.h', 'u.a', 'p.ex', 'a.k.a', 'p.s']);

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

function stripOpeners(word: string): { word: string; opened: boolean } {
  let i = 0;
  while (i < word.length && OPENERS.includes(word[i]!)) i++;
  return { word: word.slice(i), opened: i > 0 };
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
  /** The next word, openers and trailing punctuation removed. */
  next: string;
  /** Whether the next word opens with a quote or bracket. */
  opened: boolean;
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

/** Decides whether a full stop after `before` ends the sentence, given the next word. */
function periodEnds(c: Candidate, starters: ReadonlySet<string>): boolean {
  if (c.closers.length > 0) return true;
  const lower = c.before.toLowerCase();
  const nextIsStarter = c.opened || starters.has(c.next.toLowerCase());
  if (/^\p{Lu}$/u.test(c.before)) return false; // an initial: "J. R. R. Tolkien"
  if (NEVER_FINAL.has(lower)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(c.before)) return nextIsStarter; // "U.S.", "p.m.": only before "The", "He"...
  if (BEFORE_NAME.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower)) return !/^\p{N}/u.test(c.next);
  if (END_OF_NAME.has(lower)) return nextIsStarter;
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
    const before = stripOpeners(text.slice(text.lastIndexOf(' ', m.index - 1) + 1, m.index)).word;
    const candidate: Candidate = {
      terminal, closers, before, following,
      next: next.word.replace(/[^\p{L}\p{N}]+$/u, ''),
      opened: next.opened,
    };
    if (!endsSentence(candidate, starters)) continue;
    out.push(text.slice(start, end));
    start = afterIndex;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) {
      flush();
      continue;
    }
    if (LIST_MARKER.test(line)) flush();
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
 * within a line, abbreviations, initials, decimals, ellipses before lowercase words, URLs and quoted
 * exclamations followed by a speech tag do not end a sentence.
 */
export function splitSentences(text: string, lang?: string): string[] {
  const starters = startersFor(lang);
  return linesToRuns(text).flatMap((run) => splitRun(run.replace(/\s+/gu, ' '), starters));
}

/**
 * Every sentence of an article, numbered in reading order. Headings and preformatted blocks give no sentences,
 * so they can never be chosen for a summary; `block` still points into `article.blocks`.
 */
export function sentencesOf(article: Article): Sentence[] {
  const out: Sentence[] = [];
  article.blocks.forEach((block, blockIndex) => {
    if (block.type === 'heading' || block.type === 'preformatted') return;
    for (const raw of splitSentences(block.text, article.lang)) {
      const text = out.length === 0 ? stripDateline(raw) : raw;
      if (text.length > 0) out.push({ text, block: blockIndex, index: out.length });
    }
  });
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
