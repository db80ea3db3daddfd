import { isAcronym, isCapitalized, isWord, tokenize, type Token } from './tokens.js';
import { isCommonWord, lexiconTags, posTags } from './tagger.js';
import { isFirstName, orgKind, placeKind } from './gazetteer.js';
import {
  COMPASS, HONORIFICS, NAME_PARTICLES, NON_NAMES, ORG_FIRST, ORG_HEADS, OTHER_FIRST, PERSON_ROLES, PLACE_FIRST,
  ROLE_MODIFIERS, TITLES, TRAILING_ROLES,
} from './cues.js';

/** One occurrence of a name in the text, with the context that types it. */
export interface Mention {
  /** The name as written (titles removed). */
  text: string;
  words: string[];
  sentence: number;
  /** Up to three tokens before the name, lower case, nearest last (titles included). */
  before: string[];
  /** Up to five tokens after the name, lower case. */
  after: string[];
  /** Title or rank written before the name ("president", "mr"). */
  title?: string;
  /** The name this acronym stands for, when the text says so: "Long Name (LN)". */
  expands?: string;
  /** The sentence is a heading or title, where capitals say little. */
  heading: boolean;
  /** The next name in a list with this one ("Bridgeton and Salem", "Perth, Adelaide"). */
  coordinated?: Mention;
  /** Token span in the sentence. */
  span: [number, number];
  /** Inside a short quotation, as titles of songs, books and films are. */
  quoted: boolean;
  /** Begins where capitals are expected anyway (sentence start, heading). */
  weakStart: boolean;
  /** A capitalised role follows: "Apple CEO Tim Cook", "Shadow Health Secretary Andy Burnham". */
  roleOwner?: boolean;
}

/** How a language treats capitals and which words it knows. */
export interface LanguageModel {
  english: boolean;
  stopwords: ReadonlySet<string>;
  /** Nouns are capitalised (German): a single capitalised word is weak evidence. */
  capitalisedNouns: boolean;
}

interface SentenceInfo {
  tokens: Token[];
  words: string[];
  tags: string[] | undefined;
  heading: boolean;
  /** Index of the first word token, where capitals are expected anyway. */
  weak: Set<number>;
}

interface DocEvidence {
  /** Lower-case word -> times written capitalised where capitals are not expected. */
  capitalised: Map<string, number>;
  /**
   * The same, counting only uses as a name of one word (no capitalised neighbour) or as a surname after
   * a given name: "Cook" in "Tim Cook", not "City" in "Harbor City".
   */
  alone: Map<string, number>;
  /** Lower-case word -> times written in lower case. */
  lower: Map<string, number>;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '•', '*', '…']);
const norm = (w: string): string => w.toLowerCase().replace(/\./g, '');

/** A heading: no closing punctuation and most content words capitalised. */
function looksLikeHeading(words: string[], stopwords: ReadonlySet<string>): boolean {
  const last = words[words.length - 1] ?? '';
  if (/^[.!?…]$/.test(last)) return false;
  const content = words.filter((w) => /\p{L}/u.test(w) && !stopwords.has(w.toLowerCase()));
  if (content.length < 3) return false;
  const caps = content.filter((w) => isCapitalized(w)).length;
  const upper = content.filter((w) => w === w.toUpperCase()).length;
  return caps / content.length >= 0.8 || upper / content.length >= 0.8;
}

function weakPositions(tokens: Token[], heading: boolean): Set<number> {
  const weak = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isWord(t.text)) continue;
    if (heading) {
      weak.add(i);
      continue;
    }
    const prev = tokens[i - 1];
    if (!prev || OPENERS.has(prev.text) || /^[.!?]$/.test(prev.text)) weak.add(i);
  }
  return weak;
}

function analyseSentences(title: string, sentences: string[], lang: LanguageModel): SentenceInfo[] {
  const all = title ? [title, ...sentences] : sentences;
  return all.map((text, i) => {
    const tokens = tokenize(text);
    const words = tokens.map((t) => t.text);
    const heading = (title !== '' && i === 0) || looksLikeHeading(words, lang.stopwords);
    return { tokens, words, tags: lang.english ? posTags(words) : undefined, heading, weak: weakPositions(tokens, heading) };
  });
}

function gatherEvidence(infos: SentenceInfo[]): DocEvidence {
  const capitalised = new Map<string, number>();
  const alone = new Map<string, number>();
  const lower = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  for (const s of infos) {
    const capital = s.words.map((w) => isWord(w) && isCapitalized(w));
    s.words.forEach((w, i) => {
      if (!isWord(w)) return;
      const key = w.toLowerCase();
      if (/^\p{Ll}/u.test(w)) bump(lower, key);
      else if (capital[i] && !s.weak.has(i)) {
        bump(capitalised, key);
        const neighbour = capital[i - 1] === true || capital[i + 1] === true;
        const afterGiven = capital[i - 1] === true && capital[i + 1] !== true && isFirstName(s.words[i - 1] ?? '');
        if (!neighbour || afterGiven) bump(alone, key);
      }
    });
  }
  return { capitalised, alone, lower };
}

/** Whether a capitalised word where capitals are expected anyway (sentence start, heading) is a name. */
function weakWordIsName(
  word: string,
  prev: string | undefined,
  next: string | undefined,
  heading: boolean,
  ev: DocEvidence,
  lang: LanguageModel,
): boolean {
  const key = word.toLowerCase();
  if (lang.stopwords.has(key)) return false;
  // A word that begins a one-word name needs one-word capitalised uses elsewhere: "City officials"
  // is no name because the text writes "Harbor City".
  const single = !(next && isCapitalized(next)) && !(prev && isCapitalized(prev));
  const capsElsewhere = (single ? ev.alone : ev.capitalised).get(key) ?? 0;
  if (capsElsewhere > 0 && capsElsewhere >= (ev.lower.get(key) ?? 0)) return true;
  if (!lang.english) return false;
  if (placeKind(word) && !isCommonWord(word)) return true;
  if (!heading && next && placeKind(`${word} ${next}`)) return true;
  // Unknown sentence-initial verbs and adverbs ("Redesignated", "Reportedly") are not names.
  if (/(?:ed|ing|ly)$/.test(key) && !isFirstName(word) && !(next && isCapitalized(next))) return false;
  if (!isCommonWord(word) && /\p{L}/u.test(word) && (lexiconTags(word)?.[0] ?? 'NNP').startsWith('NNP')) return true;
  // "New York", "Bank of England": a word the lexicon knows as a proper noun, followed by a name
  // (in a heading every word is capitalised, so the next word says nothing).
  const nextIsName = !heading && next !== undefined && isCapitalized(next);
  return nextIsName && (lexiconTags(word)?.[0] ?? '').startsWith('NNP');
}

/**
 * Where every noun is capitalised (German), a capitalised word is a name only when the gazetteers
 * know it or it follows a given name ("Angela Merkel").
 */
function germanStyleName(word: string, prev: string | undefined, next: string | undefined, lang: LanguageModel): boolean {
  if (lang.stopwords.has(word.toLowerCase())) return false;
  if (placeKind(word) !== undefined || isFirstName(word)) return true;
  if (prev !== undefined && isFirstName(prev) && isCapitalized(prev)) return true;
  // "Siemens AG", "Deutsche Bank": a word before an organization word, and that word after it.
  const head = (w: string | undefined): boolean => w !== undefined && isCapitalized(w) && ORG_HEADS.has(norm(w));
  return head(next) || (head(word) && prev !== undefined && isCapitalized(prev) && !lang.stopwords.has(prev.toLowerCase()));
}

function nameFlags(s: SentenceInfo, ev: DocEvidence, lang: LanguageModel): boolean[] {
  const flags = s.words.map((w, i) => {
    if (!isWord(w) || !isCapitalized(w)) return false;
    // "VERDICT:", "CLAIMS": an ordinary word set in capitals for emphasis or as a label.
    if (lang.english && w.length > 3 && w === w.toUpperCase() && isCommonWord(w) && !orgKind(w)) return false;
    if (lang.capitalisedNouns && !isAcronym(w)) return germanStyleName(w, s.words[i - 1], s.words[i + 1], lang);
    if (s.weak.has(i)) {
      return weakWordIsName(w, s.words[i - 1], s.words[i + 1], s.heading, ev, lang);
    }
    return true;
  });
  // A lone capitalised ordinary word mid-sentence ("the club He has", "spread As for") is most often
  // a missed sentence start; keep it only when the text capitalises it again.
  return flags.map((f, i) => {
    const possessiveOf = /^['’]s?$/.test(s.words[i + 1] ?? '') && flags[i + 2];
    if (!f || s.weak.has(i) || flags[i - 1] || flags[i + 1] || possessiveOf) return f;
    const w = s.words[i] ?? '';
    const key = w.toLowerCase();
    if (isAcronym(w)) return true;
    if (lang.stopwords.has(key)) return false;
    if (!lang.english || !isCommonWord(w) || (lexiconTags(w)?.[0] ?? '').startsWith('NNP')) return true;
    return (ev.capitalised.get(key) ?? 0) >= 2;
  });
}

/** Whether a lower-case connector between two name parts belongs to the name. */
function joins(words: string[], flags: boolean[], runStart: number, i: number): number {
  const w = words[i] ?? '';
  const lw = w.toLowerCase();
  const prev = norm(words[i - 1] ?? '');
  const nameAt = (k: number): boolean => flags[k] === true && !NON_NAMES.has(norm(words[k] ?? ''));
  if (NAME_PARTICLES.has(lw) && nameAt(i + 1)) return 1;
  // William "Buckshot" May, Earvin "Magic" Johnson: a quoted nickname between given name and surname.
  if ((w === '"' || w === '“') && isFirstName(words[i - 1] ?? '') && isCapitalized(words[i + 1] ?? '')) {
    const close = (words[i + 2] === '"' || words[i + 2] === '”') ? i + 2 : -1;
    // The surname after the closing quote counts as a name even where the quote made it look like a
    // sentence start ("May" in William "Buckshot" May).
    const surname = words[close + 1] ?? '';
    if (close > 0 && isCapitalized(surname) && !TRAILING_FUNCTION_WORDS.has(surname)) return close - i + 2;
  }
  // "People's Republic", "Ratepayers' Association": a common noun's possessive inside a name.
  if ((lw === "'s" || lw === '’s' || lw === "'" || lw === '’') && i - runStart === 1 && nameAt(i + 1)) {
    if (isCommonWord(words[runStart] ?? '') && !isFirstName(words[runStart] ?? '')) return 1;
  }
  if (lw === 'of' || lw === 'for' || lw === 'on') {
    const skip = (words[i + 1] ?? '').toLowerCase() === 'the' ? 2 : 1;
    if (!nameAt(i + skip)) return 0;
    const first = norm(words[runStart] ?? '');
    if (lw === 'of' && (ORG_FIRST.has(prev) || PLACE_FIRST.has(prev) || OTHER_FIRST.has(prev) || ORG_HEADS.has(prev))) {
      return skip;
    }
    if (lw === 'of' && i - runStart === 1 && ORG_FIRST.has(first)) return skip;
    // "Center for Strategic Studies", not "League for the St. Louis Eagles".
    if (lw !== 'of' && ORG_HEADS.has(prev) && skip === 1 && rightRunIsCommon(words, flags, i + 1)) return skip;
    return 0;
  }
  if (lw === '&' || lw === 'and') {
    // "Procter & Gamble", "Health and Human Services": join when the name goes on to an organization word.
    let j = i + 1;
    while (flags[j]) j++;
    const lastRight = norm(words[j - 1] ?? '');
    if (j > i + 1 && ORG_HEADS.has(lastRight)) return 1;
    // "Institute of Arts and Sciences", "College of Obstetricians and Gynecologists".
    const hasOf = words.slice(runStart, i).some((w) => w === 'of');
    if (lw === 'and' && hasOf && j > i + 1 && j - i - 1 <= 2 && !isCapitalized(words[j] ?? '')) return 1;
    if (lw === '&' && i - runStart === 1 && j === i + 2 && !isFirstName(words[runStart] ?? '')) return 1;
  }
  return 0;
}

function rightRunIsCommon(words: string[], flags: boolean[], from: number): boolean {
  let j = from;
  while (flags[j]) j++;
  return j > from && words.slice(from, j).every((w) => isCommonWord(w));
}

interface Run {
  start: number;
  end: number; // exclusive
}

/** Number words that begin names when capitalised mid-sentence ("One Nation", "First Great Western"). */
const NUMBER_WORDS = new Set(['one', 'first', 'second', 'third', 'fourth', 'fifth']);

/** Last words of names that a number completes ("BBC Radio 1", "Formula 3", "Channel 4"). */
const NUMBERED_HEADS = new Set(['radio', 'channel', 'formula', 'division', 'league', 'apollo', 'windows', 'series']);

function findRuns(words: string[], flags: boolean[], weak: ReadonlySet<number>): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < words.length) {
    const numberStart = NUMBER_WORDS.has(norm(words[i] ?? '')) && !weak.has(i) && flags[i + 1] === true;
    if (!flags[i] || (NON_NAMES.has(norm(words[i] ?? '')) && !numberStart)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      if (flags[i]) {
        i++;
        continue;
      }
      const step = joins(words, flags, start, i);
      if (step === 0) break;
      i += step;
    }
    // "BBC Radio 1", "Sony PlayStation 5": a number completes a channel or a maker's product.
    const product = i - start >= 2 && orgKind(words[start] ?? '') !== undefined;
    if (/^\d{1,3}$/.test(words[i] ?? '') && (NUMBERED_HEADS.has(norm(words[i - 1] ?? '')) || product)) i++;
    runs.push({ start, end: i });
  }
  return runs;
}

/** Removes leading titles ("President", "Brigadier General", "Secretary of State") from a run. */
function stripTitles(words: string[], run: Run): { run: Run; title?: string } {
  let { start } = run;
  const titles: string[] = [];
  while (start < run.end - 1 && TITLES.has(norm(words[start] ?? ''))) {
    titles.push(norm(words[start] ?? ''));
    start++;
    if ((words[start] ?? '') === 'of' && start + 2 < run.end) start += 2;
  }
  const afterTitles = start;
  start = stripRoleWords(words, start, run.end, titles);
  if (titles.length === 0) return start === afterTitles ? { run } : { run: { start, end: run.end } };
  const rest = words.slice(start, run.end).map(norm);
  // "General Motors", "Royal Bank": a title word that begins an organization's name stays.
  const addressed = HONORIFICS.has(titles[0] ?? '');
  if (!addressed && (rest.some((w) => ORG_HEADS.has(w)) || rest.every((w) => isCommonWord(w) && !isFirstName(w)))) return { run };
  return { run: { start, end: run.end }, title: titles.join(' ') };
}

/** "County Coroner William McLaughlin", "Engineer John Greiner": role words before a first name and surname. */
function stripRoleWords(words: string[], start: number, end: number, titles: string[]): number {
  for (let k = start + 1; k < end - 1; k++) {
    const w = words[k] ?? '';
    if (isFirstName(w) && !placeKind(w) && /^\p{Lu}/u.test(words[k + 1] ?? '')) {
      const leadWords = words.slice(start, k);
      const lead = leadWords.map(norm);
      // A lead word the lexicon knows mainly as part of names ("New", "Royal") stays.
      // "Australian Marc Leishman": a nationality adjective before a person is not part of the name.
      const strippable = (x: string, i: number): boolean => {
        const capTag = lexiconTags(leadWords[i] ?? '')?.[0] ?? '';
        return TITLES.has(x) || PERSON_ROLES.has(x) || capTag === 'JJ' || (isCommonWord(x) && !capTag.startsWith('NNP'));
      };
      if (lead.every(strippable)) {
        titles.push(...lead.filter((x) => TITLES.has(x) || PERSON_ROLES.has(x)));
        return k;
      }
      return start;
    }
    if (!isCommonWord(w)) return start;
  }
  return start;
}

/** Capitalised function words that never end a name; after one, a new sentence has begun. */
const TRAILING_FUNCTION_WORDS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'And', 'But', 'As', 'If', 'For', 'To', 'With',
  'By', 'This', 'That', 'His', 'Her', 'Its', 'Their', 'He', 'She', 'They', 'It', 'We', 'I']);

/** Words that open photo captions in news pages ("Pictured: ..."), glued to the name before them. */
const CAPTION_WORDS = new Set(['Pictured', 'Picture', 'Photo', 'Above', 'Below', 'Inset', 'Left', 'Right', 'Video']);

/**
 * "Sheffield Ali Carter", "Sweden Eric Jansberger": a place's name glued to a given name and a surname
 * (a dateline or a caption) splits into the place and the person.
 */
function splitAtPlace(words: string[], run: Run): Run[] {
  for (let k = run.start + 1; k < run.end - 1; k++) {
    const given = words[k] ?? '';
    if (!isFirstName(given) || placeKind(given) || isCommonWord(given) || !/^\p{Lu}\p{Ll}/u.test(words[k + 1] ?? '')) continue;
    // "Chad Edward Gaudin": a place's name that is also a given name begins a person's name.
    const kind = k - run.start === 1 && isFirstName(words[run.start] ?? '') ? undefined : placeKind(words.slice(run.start, k).join(' '));
    if (kind) return [{ start: run.start, end: k }, { start: k, end: run.end }];
  }
  return [run];
}

const ORDINAL_WORD =
  /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth)$/;

/**
 * "Lehigh County District Attorney Jim Martin", "Apple CEO Tim Cook": a role word followed by a
 * given name and another name splits the run; the role goes with the person as a title.
 */
function splitAtRole(words: string[], run: Run): Run[] {
  // "Now Ms Jackson": a form of address inside a run begins a person's name.
  for (let k = run.start + 1; k < run.end - 1; k++) {
    if (HONORIFICS.has(norm(words[k] ?? '')) && isCapitalized(words[k + 1] ?? '')) {
      return [{ start: run.start, end: k }, { start: k, end: run.end }];
    }
  }
  for (let k = run.start + 1; k < run.end - 1; k++) {
    const role = norm(words[k - 1] ?? '');
    const given = words[k] ?? '';
    if ((TITLES.has(role) || PERSON_ROLES.has(role)) && isFirstName(given) && !placeKind(given) && isCapitalized(words[k + 1] ?? '')) {
      // "Scottish First Minister Nicola Sturgeon": words of the role stay out of the name before it.
      let left = k - 1;
      while (left > run.start && ROLE_MODIFIERS.has(norm(words[left - 1] ?? ''))) left--;
      return left > run.start ? [{ start: run.start, end: left }, { start: k - 1, end: run.end }] : [{ start: k - 1, end: run.end }];
    }
  }
  return [run];
}

/** "65th Air Division", "4 Air Defense Wing": a number before a unit's name belongs to it. */
function withUnitNumber(words: string[], run: Run): Run {
  const prev = words[run.start - 1] ?? '';
  const last = norm(words[run.end - 1] ?? '');
  const unit = ORG_HEADS.has(last) || ORG_HEADS.has(last.replace(/s$/, ''));
  return unit && (/^\d+(?:st|nd|rd|th|d)?$/.test(prev) || ORDINAL_WORD.test(prev)) ? { start: run.start - 1, end: run.end } : run;
}

function context(words: string[], from: number, to: number): string[] {
  return words.slice(Math.max(0, from), Math.max(0, to)).map((w) => w.toLowerCase());
}

function mentionsOf(s: SentenceInfo, index: number, text: string, flags: boolean[]): Mention[] {
  const out: Mention[] = [];
  const runs = findRuns(s.words, flags, s.weak).flatMap((r) => splitAtRole(s.words, r)).flatMap((r) => splitAtPlace(s.words, r));
  for (const raw of runs) {
    const stripped = stripTitles(s.words, raw);
    const title = stripped.title;
    const run = withUnitNumber(s.words, stripped.run);
    let end = run.end;
    // "US Treasury Secretary": a role at the end is not part of the name.
    while (end - run.start > 1 && (!isWord(s.words[end - 1] ?? '') || TRAILING_ROLES.has(norm(s.words[end - 1] ?? '')))) {
      end--;
      if (end - run.start > 1 && ROLE_MODIFIERS.has(norm(s.words[end - 1] ?? ''))) end--;
    }
    // "Nigel Farage The", "Sebastian Vettel Vettel", "Washington D.C. Pictured": the start of a caption
    // or a sentence glued to a name.
    const glued = (w: string): boolean => TRAILING_FUNCTION_WORDS.has(w) || CAPTION_WORDS.has(w);
    while (end - run.start > 1 && (glued(s.words[end - 1] ?? '') || s.words[end - 1] === s.words[end - 2])) end--;
    if (end <= run.start || s.words.slice(run.start, end).every((w) => TRAILING_FUNCTION_WORDS.has(w))) continue;
    const first = s.tokens[run.start] as Token;
    const last = s.tokens[end - 1] as Token;
    const words = s.words.slice(run.start, end);
    if (words.length === 1 && (NON_NAMES.has(norm(words[0] ?? '')) || TITLES.has(norm(words[0] ?? '')))) continue;
    const m: Mention = {
      text: text.slice(first.start, last.end),
      words,
      sentence: index,
      before: context(s.words, raw.start - 3, raw.start),
      after: context(s.words, end, end + 5),
      heading: s.heading,
      span: [run.start, end],
      quoted: !words.some((w) => QUOTES.has(w)) && inShortQuote(s.words, run.start, end),
      weakStart: s.weak.has(run.start),
    };
    if (title) m.title = title;
    const next = s.words[end] ?? '';
    const role = norm(next);
    if (isCapitalized(next) && [TITLES, PERSON_ROLES, TRAILING_ROLES, ROLE_MODIFIERS].some((l) => l.has(role))) m.roleOwner = true;
    out.push(m);
  }
  linkAcronyms(s.words, out);
  linkCoordinated(s.words, out);
  return out;
}

const QUOTES = new Set(['"', '“', '”']);
const MAX_TITLE_TOKENS = 8;

/** True when tokens [start, end) sit between quotation marks no more than a short title apart. */
function inShortQuote(words: string[], start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - MAX_TITLE_TOKENS); i--) {
    if (QUOTES.has(words[i] ?? '')) {
      open = i;
      break;
    }
  }
  if (open < 0 || words.slice(0, open).filter((w) => QUOTES.has(w)).length % 2 === 1) return false;
  for (let j = end; j < Math.min(words.length, open + MAX_TITLE_TOKENS + 2); j++) {
    if (QUOTES.has(words[j] ?? '')) return true;
  }
  return false;
}

const LIST_GLUE = new Set([',', 'and', 'or', '&', ', and', ', or', ', &']);

/** Links each name to the next when only a comma or a conjunction stands between them. */
function linkCoordinated(words: string[], mentions: Mention[]): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k] as Mention;
    const b = mentions[k + 1] as Mention;
    const between = words.slice(a.span[1], b.span[0]).join(' ').toLowerCase();
    if (LIST_GLUE.has(between)) a.coordinated = b;
  }
}

/** "Air Defense Direction Centers (ADDCs)": the acronym in brackets right after a name expands to it. */
function linkAcronyms(words: string[], mentions: Mention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k] as Mention;
    const prev = mentions[k - 1] as Mention;
    if (m.words.length === 1 && isAcronym(m.text) && m.before[m.before.length - 1] === '(' && prev.words.length > 1) {
      const gap = words.indexOf(m.words[0] as string) - 1;
      if (words[gap] === '(') m.expands = prev.text;
    }
  }
}

/**
 * Finds the name mentions of a document: capitalised runs (tagger and document-wide capitals),
 * joined across "of"/"de"/"and" where those belong to a name, titles stripped.
 */
export function findMentions(title: string, sentences: string[], lang: LanguageModel): Mention[] {
  const infos = analyseSentences(title, sentences, lang);
  const ev = gatherEvidence(infos);
  const all = title ? [title, ...sentences] : sentences;
  const offset = title ? -1 : 0;
  const mentions: Mention[] = [];
  infos.forEach((s, i) => {
    const flags = nameFlags(s, ev, lang);
    mentions.push(...mentionsOf(s, i + offset, all[i] ?? '', flags));
  });
  if (lang.english) dropLeadingModifiers(mentions, infos, offset, all);
  return mentions;
}

const keyOf = (words: string[]): string => words.map(norm).join(' ');

/**
 * "Unpopular Bubba Watson", "Iconic Arsenal striker", "Queenslander Mitchell Rawlins": an ordinary word
 * that starts a sentence (or a caption glued to it) is dropped from a name the text also writes without
 * it; so is an inhabitant's name ("-er", "-an") before a given name and a surname.
 */
function dropLeadingModifiers(mentions: Mention[], infos: SentenceInfo[], offset: number, texts: string[]): void {
  const elsewhere = new Set(mentions.filter((m) => !m.weakStart).map((m) => keyOf(m.words)));
  for (const m of mentions) {
    if (m.words.length < 2) continue;
    const lead = m.words[0] ?? '';
    const rest = m.words.slice(1);
    const known = [TITLES, ORG_FIRST, PLACE_FIRST, OTHER_FIRST, ORG_HEADS, NON_NAMES, COMPASS].some((l) => l.has(norm(lead)));
    // Mid-sentence, a capitalised ordinary word before a name is usually part of it ("Royal Mail"), unless
    // the text writes that name alone and it is more than one ordinary word ("shelter Veterinarian Jane Roe").
    const restIsName = elsewhere.has(keyOf(rest)) && (m.weakStart || m.title !== undefined || rest.length > 1 || !isCommonWord(rest[0] ?? ''));
    const byDocument = ordinaryWord(lead) && !known && restIsName;
    const inhabitant = /\p{Ll}(?:er|an|ian|ite)$/u.test(lead) && rest.length >= 2 && isFirstName(rest[0] ?? '') &&
      !isFirstName(lead) && !placeKind(lead) && !isCommonWord(lead);
    if (byDocument || inhabitant) trimMention(m, 1, 0, infos[m.sentence - offset] as SentenceInfo, texts[m.sentence - offset] ?? '');
  }
  // "Hillary Clinton Obsessed with her style": a caption glued to the next sentence leaves a verb after a name.
  const names = new Set(mentions.map((m) => keyOf(m.words)));
  for (const m of mentions) {
    if (m.words.length < 2) continue;
    const tail = m.words[m.words.length - 1] ?? '';
    const verb = (lexiconTags(tail.toLowerCase())?.[0] ?? '').startsWith('VB') && !isFirstName(tail);
    if (verb && m.words.slice(0, -1).some((w) => names.has(norm(w)))) {
      trimMention(m, 0, 1, infos[m.sentence - offset] as SentenceInfo, texts[m.sentence - offset] ?? '');
    }
  }
}

/** A word the lexicon knows in lower case as something other than a proper noun ("Unpopular", "Iconic"). */
function ordinaryWord(word: string): boolean {
  const tag = lexiconTags(word.toLowerCase())?.[0] ?? '';
  const content = /^(?:JJ|RB|NN|VB)/.test(tag) && !tag.startsWith('NNP');
  return content && !(lexiconTags(word)?.[0] ?? '').startsWith('NNP') && !isFirstName(word);
}

/** Drops `head` words from the start and `tail` words from the end of a mention. */
function trimMention(m: Mention, head: number, tail: number, info: SentenceInfo, text: string): void {
  const span: [number, number] = [m.span[0] + head, m.span[1] - tail];
  const from = info.tokens[span[0]] as Token;
  const to = info.tokens[span[1] - 1] as Token;
  m.before = [...m.before, ...m.words.slice(0, head).map((w) => w.toLowerCase())].slice(-3);
  if (tail) m.after = [...m.words.slice(-tail).map((w) => w.toLowerCase()), ...m.after].slice(0, 5);
  m.words = m.words.slice(head, m.words.length - tail);
  m.text = text.slice(from.start, to.end);
  m.span = span;
  if (head) m.weakStart = false;
}
