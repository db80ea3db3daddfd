/**
 * Language-independent and stopword signals of each block, as numbers a linear model weighs:
 * length, function-word density, sentence punctuation, headline and menu shapes, repetition.
 */
import type { RawBlock } from './blocks.js';
import { callToActionShare } from './callsToAction.js';
import { countTokenWords, countWordsUpTo } from '../../text/index.js';

const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
const ENDS_SENTENCE = /[.!?…。！？][\p{Pf}\p{Pe}"'’”»)\]]*$/u;
const SENTENCE_BREAK = /[.!?。！？][\p{Pf}"'’”»)]* +[\p{Lu}\p{Lo}"“‘«(]/gu;
const URL_LIKE = /(?:https?:\/\/|www\.)\S|\S\.(?:com|org|net|co\.uk|io)\b/i;
const SEPARATORS = /(?:\s[|•·›»/]\s|\s[|•]|[|•]\s)/u;
const BYLINE = /^(?:by|por|par|von|di|door|av|przez|от|автор)\s/i;
/** English month names and their abbreviations, as a regular expression's alternatives. */
export const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_LIKE = new RegExp(
  String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[:h]\d{2}|(?:19|20)\d{2}|${MONTH_NAMES}|ago|updated|published)\b`,
  'i',
);
const SENTENCE_END = /[.!?。！？](?:\s|$)/gu;
/**
 * The header line of a comment: who wrote it and when (English sites; others rely on repetition). A
 * bare time of day is not enough: live blogs head their updates with one.
 */
const COMMENT_META =
  /\b(?:says|said|wrote|replied)\s*:$|^reply$|(?:\bat|(?:19|20)\d{2},?)\s+\d{1,2}:\d{2}\s*[ap]\.?m\b|\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b/i;
/** The count over a comment section ("3 Comments", "0 replies", "Comments (12)"). */
const COMMENT_COUNT = /^(?:(?:\d+|no|one)\s+(?:comments?|responses?|replies|reply)|comments?\s*\(\d+\))$/i;
const COPYRIGHT = /©|\(c\)|copyright|all rights reserved/i;

/**
 * Words that mark page furniture on most sites (sharing, accounts, newsletters, cookies, comments).
 * Matched as whole words; a block is judged by how much of it they make up, so an article sentence
 * that mentions one of them is hardly affected.
 */
const FURNITURE = new Set(
  (
    'share shares shared tweet facebook twitter linkedin whatsapp pinterest reddit email print subscribe subscribed ' +
    'subscription newsletter newsletters sign login log signup register account cookie cookies privacy terms ' +
    'policy advertisement advertise ad ads sponsored comments comment reply replies menu search home skip ' +
    'navigation follow read more related popular trending recommended video videos photo photos gallery image ' +
    'caption credit copyright rights reserved contact about careers faq help download app apps podcast podcasts ' +
    'rss click here loading close next previous prev back top toggle watch listen min like stories articles latest ' +
    // The same furniture in French, Spanish, Portuguese, German, Italian and Dutch.
    'partager partagez abonner abonnez abonnement connexion inscription publicité commentaires commentaire lire ' +
    'compartir compartilhar suscribirse suscríbete suscripción comentarios comentários publicidad publicidade ' +
    'iniciar entrar assine assinatura teilen abonnieren abonnement anmelden kommentare kommentar werbung ' +
    'datenschutz impressum condividi commenti commento abbonati iscriviti accedi pubblicità delen inloggen ' +
    'reacties adverteren'
  ).split(' '),
);

/** The measurements of one block that the classifier reads. */
export interface BlockStats {
  words: number;
  /** Lower-cased word tokens. */
  tokens: string[];
  stopwordDensity: number;
  endsSentence: boolean;
}

/** Word tokens of a text, lower-cased. */
export function wordTokens(text: string): string[] {
  return (text.match(WORD) ?? []).map((t) => t.toLowerCase());
}

/** Share of tokens that are stopwords; 0 when the language has no list. */
export function stopwordDensity(tokens: string[], stopwords: ReadonlySet<string>): number {
  if (tokens.length === 0 || stopwords.size === 0) return 0;
  let n = 0;
  for (const t of tokens) if (stopwords.has(t)) n++;
  return n / tokens.length;
}

/** Names of the local features, in the order {@link localFeatures} returns them. */
export const LOCAL_FEATURES = [
  'logWords', 'words10', 'words25', 'stopwords', 'stopwordsKnown', 'endsSentence', 'sentences', 'capitalised',
  'allCaps', 'digits', 'punctuation', 'url', 'separators', 'repeated', 'blankBefore', 'blankAfter', 'furniture',
  'byline', 'date', 'copyright', 'position', 'commas', 'shortRun', 'markdownList', 'markdownHeading', 'noLetters',
  'wordsPerSentence', 'template', 'commentMeta', 'callToAction', 'introducedByColon',
  'beforeDateline', 'afterDateline', 'lexicon',
] as const;

/** A local feature's name. */
export type LocalFeature = (typeof LOCAL_FEATURES)[number];

/** Per-block measurements and the local feature vectors for a list of blocks. */
export interface LocalFeatures {
  stats: BlockStats[];
  vectors: number[][];
}

/**
 * Computes the local features of every block. `stopwords` is the list for the text's language, empty
 * when it is unknown (the stopword features are then 0 and the model leans on the others).
 */
export function localFeatures(
  blocks: RawBlock[],
  stopwords: ReadonlySet<string>,
  lexicon: ReadonlyMap<string, number> = NO_LEXICON,
): LocalFeatures {
  const stats = blocks.map((b) => measure(b.text, stopwords));
  const repeated = repetitions(blocks);
  const templates = templateCounts(blocks, stats);
  const runs = shortRuns(blocks, stats);
  const introduced = introducedByColon(blocks, stats);
  const bylines = blocks.map((b, i) => isByline(b.text, stats[i]!));
  const dates = blocks.map((b, i) => isDate(b.text, stats[i]!));
  const datelines = blocks.map((_, i) => bylines[i]! || dates[i]!);
  const near = (i: number, step: number) => {
    for (let k = i + step; k >= 0 && k < blocks.length && Math.abs(k - i) <= DATELINE_REACH; k += step) {
      if (datelines[k]) return 1;
    }
    return 0;
  };
  const n = blocks.length;
  const vectors = blocks.map((b, i) => {
    const s = stats[i]!;
    const text = b.text;
    const chars = Math.max(1, text.length);
    const shape = charShape(text);
    const named: Record<LocalFeature, number> = {
      logWords: Math.log1p(s.words),
      words10: s.words >= 10 ? 1 : 0,
      words25: s.words >= 25 ? 1 : 0,
      stopwords: s.stopwordDensity,
      stopwordsKnown: stopwords.size > 0 ? 1 : 0,
      endsSentence: s.endsSentence ? 1 : 0,
      sentences: Math.log1p(countMatches(text, SENTENCE_BREAK)),
      capitalised: shape.capitalised,
      allCaps: shape.allCaps,
      digits: shape.digits / chars,
      punctuation: shape.punctuation / chars,
      url: URL_LIKE.test(text) ? 1 : 0,
      separators: SEPARATORS.test(text) ? 1 : 0,
      repeated: repeated[i]! ? 1 : 0,
      blankBefore: b.blankBefore ? 1 : 0,
      blankAfter: b.blankAfter ? 1 : 0,
      furniture: furnitureShare(s.tokens),
      byline: bylines[i] ? 1 : 0,
      date: dates[i] ? 1 : 0,
      copyright: COPYRIGHT.test(text) ? 1 : 0,
      position: n > 1 ? i / (n - 1) : 0,
      commas: shape.commas / Math.max(1, s.words),
      shortRun: Math.log1p(runs[i]!),
      markdownList: b.marker === 'list' ? 1 : 0,
      markdownHeading: b.marker === 'heading' ? 1 : 0,
      noLetters: s.tokens.length === 0 ? 1 : 0,
      wordsPerSentence: Math.log1p(s.words / (1 + countMatches(text, SENTENCE_END))),
      template: Math.log1p(templates[i]!),
      commentMeta: isCommentMeta(text, s) ? 1 : 0,
      callToAction: callToActionShare(text),
      introducedByColon: introduced[i]! ? 1 : 0,
      beforeDateline: datelines[i] ? 0 : near(i, 1),
      afterDateline: datelines[i] ? 0 : near(i, -1),
      lexicon: lexiconScore(s.tokens, lexicon),
    };
    return LOCAL_FEATURES.map((name) => named[name]);
  });
  return { stats, vectors };
}

/** How many blocks away a byline or date still marks a headline above it or the article below it. */
const DATELINE_REACH = 2;

/**
 * A byline or a date on a short line of its own (a dateline). On news and blog pages it sits between the
 * headline and the first paragraph, so the lines just before it are headlines and those just after it prose.
 */
function isByline(text: string, stats: BlockStats): boolean {
  return stats.words <= 8 && BYLINE.test(text);
}

function isDate(text: string, stats: BlockStats): boolean {
  return stats.words <= 12 && DATE_LIKE.test(text);
}

/** Words a line needs to introduce a list ("The tour dates:"), more than a form's label ("Search for:"). */
const LIST_LEAD_WORDS = 4;
/** Longest item of a list introduced by a colon; a longer block is prose again and ends the list. */
const LIST_ITEM_WORDS = 30;

/**
 * Marks the blocks of a list that the text introduces with a colon ("The tour dates:", "You will
 * need:"): the run of blocks short enough to be items that follows such a line. Article text presents
 * lists this way; menus follow no sentence.
 */
function introducedByColon(blocks: RawBlock[], stats: BlockStats[]): boolean[] {
  const out = new Array<boolean>(blocks.length).fill(false);
  let open = false;
  for (let i = 0; i < blocks.length; i++) {
    const s = stats[i]!;
    if (open && s.words > 0 && s.words <= LIST_ITEM_WORDS) out[i] = true;
    else if (s.words > LIST_ITEM_WORDS) open = false;
    if (s.words >= LIST_LEAD_WORDS && /:\s*$/.test(blocks[i]!.text)) open = true;
  }
  return out;
}

/** True for a short line that reads like a comment's header (author, time posted). */
export function isCommentMeta(text: string, stats: BlockStats): boolean {
  return stats.words <= 12 && COMMENT_META.test(text);
}

/** True for a line that counts a comment section's comments: the header above them, not article text. */
export function isCommentCount(text: string): boolean {
  return text.length <= 40 && COMMENT_COUNT.test(text.trim());
}

/**
 * For each short block, how many other short blocks share its template: the same text with digits
 * masked, or the same closing word ("... says:", "Reply"). Comment headers, teaser bylines and
 * gallery captions repeat like this; article sentences do not.
 */
function templateCounts(blocks: RawBlock[], stats: BlockStats[]): number[] {
  const keys = blocks.map((b, i) => {
    if (stats[i]!.words > 12) return [];
    const masked = b.text.toLowerCase().replace(/\d+/g, '0');
    const last = stats[i]!.words <= 6 ? /\S+$/.exec(masked)?.[0] : undefined;
    return last && last.length > 1 ? [`t:${masked}`, `e:${last}`] : [`t:${masked}`];
  });
  const counts = new Map<string, number>();
  for (const ks of keys) for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
  return keys.map((ks) => Math.max(0, ...ks.map((k) => (counts.get(k) ?? 1) - 1)));
}

/**
 * Characters of a block whose word tokens are kept: plenty for its stopword density and opening words. The
 * tokens of a 10 MB paragraph were 1.7 million strings; its word count still covers all of it.
 */
const MEASURED_CHARS = 100_000;

function measure(text: string, stopwords: ReadonlySet<string>): BlockStats {
  const whole = text.length <= MEASURED_CHARS;
  const tokens = wordTokens(whole ? text : text.slice(0, MEASURED_CHARS));
  return {
    words: whole ? countTokenWords(tokens) : countWordsUpTo(text),
    tokens,
    stopwordDensity: stopwordDensity(tokens, stopwords),
    endsSentence: ENDS_SENTENCE.test(text),
  };
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/** Character counts of a block, taken in one pass (this runs on every line of large pastes). */
interface CharShape {
  digits: number;
  punctuation: number;
  commas: number;
  /** Share of cased words that start with a capital. */
  capitalised: number;
  /** 1 when the cased letters are (nearly) all capitals, over two words or more. */
  allCaps: number;
}

// Sticky single-character tests, so that non-ASCII text is classified without allocating.
const UPPER_AT = /\p{Lu}/uy;
const LOWER_AT = /\p{Ll}/uy;
const LETTER_AT = /[\p{L}\p{M}]/uy;
const SPACE_OR_NUMBER_AT = /[\s\p{N}]/uy;

function test(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

function charShape(text: string): CharShape {
  let digits = 0;
  let punctuation = 0;
  let commas = 0;
  let upper = 0;
  let lower = 0;
  let words = 0;
  let caps = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let isUpper = false;
    let isLower = false;
    let isLetter = false;
    if (c < 128) {
      isUpper = c >= 65 && c <= 90;
      isLower = c >= 97 && c <= 122;
      isLetter = isUpper || isLower;
      if (c >= 48 && c <= 57) digits++;
      else if (!isLetter && c !== 32 && c !== 10) {
        if (c === 39) {
          if (inWord) continue; // an apostrophe inside a word
        }
        punctuation++;
        if (c === 44) commas++;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      continue; // the second half of a surrogate pair, judged with the first
    } else {
      isUpper = test(UPPER_AT, text, i);
      isLower = !isUpper && test(LOWER_AT, text, i);
      isLetter = isUpper || isLower || test(LETTER_AT, text, i);
      if (!isLetter && !test(SPACE_OR_NUMBER_AT, text, i)) {
        if (c === 0x2019 && inWord) continue;
        punctuation++;
        if (c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
      }
    }
    if (isUpper) upper++;
    else if (isLower) lower++;
    if (isLetter && !inWord && (isUpper || isLower)) {
      words++;
      if (isUpper) caps++;
    }
    inWord = isLetter;
  }
  return {
    digits,
    punctuation,
    commas,
    capitalised: words === 0 ? 0 : caps / words,
    allCaps: words >= 2 && upper > 4 * lower ? 1 : 0,
  };
}

const NO_LEXICON: ReadonlyMap<string, number> = new Map();

/** Mean over a block's tokens of their fitted log-odds of standing in page furniture (0 for words not listed). */
function lexiconScore(tokens: string[], lexicon: ReadonlyMap<string, number>): number {
  if (tokens.length === 0 || lexicon.size === 0) return 0;
  let sum = 0;
  for (const t of tokens) sum += lexicon.get(t) ?? 0;
  return sum / tokens.length;
}

function furnitureShare(tokens: string[]): number {
  if (tokens.length === 0) return 0;
  let n = 0;
  for (const t of tokens) if (FURNITURE.has(t)) n++;
  return n / tokens.length;
}

/**
 * Marks blocks whose text occurs more than once, or whose opening also opens another block (a teaser
 * headline and its cut-off copy), both typical of navigation and "more stories" lists.
 */
function repetitions(blocks: RawBlock[]): boolean[] {
  const full = new Map<string, number>();
  const heads = new Map<string, number>();
  const keys = blocks.map((b) => b.text.toLowerCase());
  for (const k of keys) {
    full.set(k, (full.get(k) ?? 0) + 1);
    if (k.length >= 24) heads.set(k.slice(0, 24), (heads.get(k.slice(0, 24)) ?? 0) + 1);
  }
  return keys.map((k) => (full.get(k) ?? 0) > 1 || (k.length >= 24 && (heads.get(k.slice(0, 24)) ?? 0) > 1));
}

/**
 * For each block, the length of the run of consecutive short, unpunctuated blocks it belongs to
 * (0 for a block that is not short): menus and link lists are long such runs.
 */
function shortRuns(blocks: RawBlock[], stats: BlockStats[]): number[] {
  const short = stats.map((s, i) => s.words <= 6 && !s.endsSentence && blocks[i]!.marker !== 'list');
  const runs = new Array<number>(blocks.length).fill(0);
  let i = 0;
  while (i < blocks.length) {
    if (!short[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && short[j]) j++;
    for (let k = i; k < j; k++) runs[k] = j - i;
    i = j;
  }
  return runs;
}
