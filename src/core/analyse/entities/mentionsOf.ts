import { isAcronym, isCapitalized, isWord, type Token } from './tokens.js';
import { CAPTION_WORDS, NON_NAMES, PERSON_ROLES, ROLE_MODIFIERS, TITLES, TRAILING_FUNCTION_WORDS, TRAILING_ROLES } from './cues.js';
import { findRuns } from './spans.js';
import { splitAtPlace, splitAtRole, stripTitles, withUnitNumber } from './splits.js';
import { norm, type Mention, type SentenceInfo } from './mention.js';

function context(words: string[], from: number, to: number): string[] {
  return words.slice(Math.max(0, from), Math.max(0, to)).map((w) => w.toLowerCase());
}

/** The mentions of one sentence: runs split at roles and places, titles and trailing roles stripped. */
export function mentionsOf(s: SentenceInfo, index: number, text: string, flags: boolean[]): Mention[] {
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
      weakStart: s.weak.has(run.start),
    };
    if (title) m.title = title;
    const next = s.words[end] ?? '';
    if (isCapitalized(next) && [TITLES, PERSON_ROLES, TRAILING_ROLES, ROLE_MODIFIERS].some((l) => l.has(norm(next)))) m.roleOwner = true;
    out.push(m);
  }
  linkAcronyms(s.words, out);
  linkCoordinated(s.words, out);
  return out;
}

const LIST_GLUE = new Set([',', 'and', 'or', '&', ', and', ', or', ', &']);

/** Links each name to the next when only a comma or a conjunction stands between them. */
function linkCoordinated(words: string[], mentions: Mention[]): void {
  // From the right, so that a comma links only where the list goes on ("Perth, Adelaide and Sydney"), not
  // before an apposition ("the mayor of Amsterdam, Femke Halsema, said").
  for (let k = mentions.length - 2; k >= 0; k--) {
    const a = mentions[k] as Mention;
    const b = mentions[k + 1] as Mention;
    const between = words.slice(a.span[1], b.span[0]).join(' ').toLowerCase();
    if (!LIST_GLUE.has(between)) continue;
    const apposition = between === ',' && !b.coordinated && words[b.span[1]] === ',' && !LIST_GLUE.has(words[b.span[1] + 1] ?? '');
    if (!apposition) a.coordinated = b;
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

