import { ABBREVIATIONS_BEFORE_NAME, ABBREVIATIONS_END_OF_NAME } from '../../text/index.js';

/** A word or punctuation token of one sentence, with its character offsets in that sentence. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Dotted acronyms first (U.S., P.O.P); words keep inner hyphens, dots, ampersands and apostrophes,
// except a possessive 's, which becomes its own token so "Germany's" yields "Germany", and an elided
// article or preposition (l’Allemagne, d'Orves), which is split off the name.
const TOKEN_RE =
  /(?<![\p{L}\p{N}])[cdjlmnst]['’](?=\p{Lu})|\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}]+(?:['’](?!(?:s|ve|d|m|ll|re|t)\b)[\p{L}\p{N}]+|[-&.][\p{L}\p{N}]+)*|['’](?:s|ve|d|m|ll|re|t)\b|\S/gu;

/**
 * Splits a sentence into tokens; initials and known abbreviations (the text layer's list, the one the sentence
 * splitter reads) keep their full stop ("H.", "Mr.", "Jan.").
 */
export function tokenize(sentence: string): Token[] {
  const raw: Token[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    const token = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (UNCASED_SCRIPT.test(token.text)) raw.push(...splitScripts(token));
    else raw.push(token);
  }
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as Token;
    const next = raw[i + 1];
    if (next && next.text === '.' && next.start === t.end && takesFullStop(t.text)) {
      out.push({ text: `${t.text}.`, start: t.start, end: next.end });
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}

/** Scripts without capital letters and without spaces between words (Chinese, Japanese, Korean, Thai). */
const UNCASED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;
const SCRIPT_RUNS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}ー]+|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}ー]+/gu;

/**
 * "华为Mate60手机", "iPhone를": a word of Latin letters glued to Chinese, Japanese, Korean or Thai text is a
 * token of its own, so that a capitalised brand is not read with the text around it as one name.
 */
function splitScripts(token: Token): Token[] {
  return [...token.text.matchAll(SCRIPT_RUNS)].map((m) => ({ text: m[0], start: token.start + m.index, end: token.start + m.index + m[0].length }));
}

/**
 * Initials, and the shared abbreviations that stand before or after a name ("Mr.", "Gen.", "Inc.", "Jr.").
 * Those that stand before a number ("No.", "Dec.", "Fl.") and single lower-case letters ("p.", "c.") stay apart
 * from their full stop, as the sentence splitter decides by the next word ("Fort Lauderdale, Fl. But ...").
 */
function takesFullStop(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\p{Lu}$/u.test(word) || (word.length > 1 && (ABBREVIATIONS_BEFORE_NAME.has(lower) || ABBREVIATIONS_END_OF_NAME.has(lower)));
}

/** True for a token that starts with a letter or digit. */
export function isWord(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text);
}

/** Capitalised like a name: an initial capital, or digits followed by capitals (6PR), or iPhone-like. */
export function isCapitalized(text: string): boolean {
  return CAPITALIZED_RE.test(text);
}

const CAPITALIZED_RE = /^(?:\p{Lu}|\p{N}+\p{Lu}|\p{Ll}\p{Lu})/u;

/** All letters upper case, at least two of them (NATO, U.S., ADDCs counts via its capitals). */
export function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters.length > 8) return false;
  const core = letters.endsWith('s') ? letters.slice(0, -1) : letters;
  return core.length >= 2 && core === core.toUpperCase() && /\p{Lu}/u.test(core);
}
