import { isCapitalized } from './tokens.js';
import { isCommonWord, lexiconTags } from './tagger.js';
import { isFirstName, placeKind } from './gazetteer.js';
import { HONORIFICS, PARTY_MEMBERS, PERSON_ROLES, ROLE_MODIFIERS, TITLES, isOrgHead } from './cues.js';
import { norm, type Run } from './mention.js';

/**
 * Removes leading titles ("President", "Brigadier General", "Secretary of State") from a run, and the roles and party
 * labels before a person's name ("Democrat Hillary Clinton"), which go into the mention's title.
 */
export function stripTitles(words: string[], run: Run): { run: Run; title?: string } {
  const department = departmentBefore(words, run);
  if (department) return department;
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
  if (!addressed && (rest.some((w) => isOrgHead(w)) || rest.every((w) => isCommonWord(w) && !isFirstName(w)))) return { run };
  return { run: { start, end: run.end }, title: titles.join(' ') };
}

/**
 * "Secretary of State Henry Kissinger", "Director of Public Prosecutions Alison Saunders", "Chancellor of the
 * Exchequer George Osborne": after a title's "of", the run opens with the department, which is no part of the
 * person's name that follows it; it goes into the mention's title.
 */
function departmentBefore(words: string[], run: Run): { run: Run; title: string } | undefined {
  const of = norm(words[run.start - 1] ?? '') === 'the' ? run.start - 2 : run.start - 1;
  const role = norm(words[of - 1] ?? '');
  if (words[of] !== 'of' || !(TITLES.has(role) || PERSON_ROLES.has(role))) return undefined;
  // The department is capitalised words ("Public Prosecutions"); "Bishop of the Diocese of Sioux City" is one
  // organization's name.
  for (let k = run.start + 1; k < run.end - 1 && isCapitalized(words[k - 1] ?? ''); k++) {
    const given = words[k] ?? '';
    if (isFirstName(given)) {
      return { run: { start: k, end: run.end }, title: [role, ...words.slice(of, k).map(norm)].join(' ') };
    }
  }
  return undefined;
}

/** "County Coroner William McLaughlin", "Engineer John Greiner": role words before a first name and surname. */
function stripRoleWords(words: string[], start: number, end: number, titles: string[]): number {
  // "Republican Mitt Romney": a party label before a given name and a surname that is no ordinary word goes even
  // when the given name is not in the list ("Republican National Committee" keeps its label).
  const surname = words[start + 2] ?? '';
  if (end - start === 3 && PARTY_MEMBERS.has(norm(words[start] ?? '')) && isCapitalized(words[start + 1] ?? '') &&
    isCapitalized(surname) && !isCommonWord(surname)) {
    titles.push(norm(words[start] ?? ''));
    return start + 1;
  }
  for (let k = start + 1; k < end - 1; k++) {
    const w = words[k] ?? '';
    if (isFirstName(w) && !placeKind(w) && /^\p{Lu}/u.test(words[k + 1] ?? '')) {
      const leadWords = words.slice(start, k);
      const lead = leadWords.map(norm);
      // A lead word the lexicon knows mainly as part of names ("New", "Royal") stays.
      // "Australian Marc Leishman": a nationality adjective before a person is not part of the name, nor is
      // a party member's affiliation ("Democrat Hillary Clinton", "Tory Ruth Davidson").
      const strippable = (x: string, i: number): boolean => {
        const capTag = lexiconTags(leadWords[i] ?? '')?.[0] ?? '';
        return TITLES.has(x) || PERSON_ROLES.has(x) || PARTY_MEMBERS.has(x) || capTag === 'JJ' || (isCommonWord(x) && !capTag.startsWith('NNP'));
      };
      if (lead.every(strippable)) {
        titles.push(...lead.filter((x) => TITLES.has(x) || PERSON_ROLES.has(x) || PARTY_MEMBERS.has(x)));
        return k;
      }
      return start;
    }
    if (!isCommonWord(w)) return start;
  }
  return start;
}

/**
 * "Sheffield Ali Carter", "Sweden Eric Jansberger": a place's name glued to a given name and a surname
 * (a dateline or a caption) splits into the place and the person.
 */
export function splitAtPlace(words: string[], run: Run): Run[] {
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
export function splitAtRole(words: string[], run: Run): Run[] {
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
export function withUnitNumber(words: string[], run: Run): Run {
  const prev = words[run.start - 1] ?? '';
  const last = norm(words[run.end - 1] ?? '');
  const unit = isOrgHead(last) || isOrgHead(last.replace(/s$/, ''));
  return unit && (/^\d+(?:st|nd|rd|th|d)?$/.test(prev) || ORDINAL_WORD.test(prev)) ? { start: run.start - 1, end: run.end } : run;
}

