import { isCapitalized } from './tokens.js';
import { isCommonWord } from './tagger.js';
import { isFirstName, orgKind } from './gazetteer.js';
import {
  NAME_PARTICLES, NON_NAMES, NUMBER_WORDS, NUMBERED_HEADS, ORG_FIRST, PLACE_FIRST, TRAILING_FUNCTION_WORDS, isOrgHead,
} from './cues.js';
import { norm, type Run } from './mention.js';

/** Whether a lower-case connector between two name parts belongs to the name. */
function joins(words: string[], flags: boolean[], runStart: number, i: number): number {
  const w = words[i] ?? '';
  const lw = w.toLowerCase();
  const prev = norm(words[i - 1] ?? '');
  const nameAt = (k: number): boolean => flags[k] === true && !NON_NAMES.has(norm(words[k] ?? ''));
  // "van der Berg", "von der Leyen": particles may come in pairs.
  if (NAME_PARTICLES.has(lw)) {
    const pair = NAME_PARTICLES.has((words[i + 1] ?? '').toLowerCase()) ? 2 : 1;
    if (nameAt(i + pair)) return pair;
  }
  // William "Buckshot" May, William Mailes "Cowboy" Cowley, Charalambos "Bambos" Xanthos: a quoted nickname
  // between the given names and the surname.
  if ((w === '"' || w === '“') && isCapitalized(words[i + 1] ?? '')) {
    const close = (words[i + 2] === '"' || words[i + 2] === '”') ? i + 2 : -1;
    // The surname after the closing quote counts as a name even where the quote made it look like a
    // sentence start ("May" in William "Buckshot" May).
    const surname = words[close + 1] ?? '';
    // A given name before the quote says person; without one, ordinary words on either side say a quoted
    // title between names of other things.
    const given = isFirstName(words[i - 1] ?? '') || isFirstName(words[runStart] ?? '') ||
      (!isCommonWord(words[i - 1] ?? '') && !isCommonWord(surname));
    if (close > 0 && given && isCapitalized(surname) && !TRAILING_FUNCTION_WORDS.has(surname)) return close - i + 2;
  }
  // "People's Republic", "Ratepayers' Association": a common noun's possessive inside a name.
  if ((lw === "'s" || lw === '’s' || lw === "'" || lw === '’') && i - runStart === 1 && nameAt(i + 1)) {
    if (isCommonWord(words[runStart] ?? '') && !isFirstName(words[runStart] ?? '')) return 1;
  }
  if (lw === 'of' || lw === 'for' || lw === 'on') {
    const skip = (words[i + 1] ?? '').toLowerCase() === 'the' ? 2 : 1;
    if (!nameAt(i + skip)) return 0;
    const first = norm(words[runStart] ?? '');
    if (lw === 'of' && (ORG_FIRST.has(prev) || PLACE_FIRST.has(prev) || isOrgHead(prev))) {
      return skip;
    }
    if (lw === 'of' && i - runStart === 1 && ORG_FIRST.has(first)) return skip;
    // "Center for Strategic Studies", not "League for the St. Louis Eagles".
    if (lw !== 'of' && isOrgHead(prev) && skip === 1 && rightRunIsCommon(words, flags, i + 1)) return skip;
    return 0;
  }
  if (lw === '&' || lw === 'and') {
    // "Procter & Gamble", "Health and Human Services": join when the name goes on to an organization word.
    let j = i + 1;
    while (flags[j]) j++;
    const lastRight = norm(words[j - 1] ?? '');
    // "iRay Technology and North China Research Institute": a left part with its own head is a name of its own.
    if (j > i + 1 && isOrgHead(lastRight) && !isOrgHead(prev)) return 1;
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


/** Runs of name tokens, joined across the connectors that belong to a name. */
export function findRuns(words: string[], flags: boolean[], weak: ReadonlySet<number>): Run[] {
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

