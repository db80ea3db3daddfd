import type { EntityType } from '../types.js';
import type { Mention } from './candidates.js';
import {
  ORG_DESCRIPTORS, ORG_FIRST, ORG_HEADS, OTHER_FIRST, OTHER_HEADS, PERSON_ROLES, PERSON_SUFFIXES,
  PLACE_DESCRIPTORS, PLACE_FIRST, PLACE_HEADS, PLACE_OFFICES, PLACE_PREPOSITIONS, TITLES, COMPASS, THING_ACRONYMS, PERSON_VERBS,
  BAND_MEMBERS, FAMILY, SPELLS, TEAM_ROLES, HOLIDAYS, ORG_BY, TEAM_POSSESSIONS, ORG_FOLLOWERS, ORG_FOR, SURNAME_HEADS, ORG_MEMBERSHIP, ORG_POSSESSIONS, ORG_VERBS,
} from './cues.js';
import { isFirstName, isSurname, orgKind, placeKind } from './gazetteer.js';
import { isCommonWord, lexiconTags } from './tagger.js';
import { isAcronym } from './tokens.js';
import { listClassType } from './classCues.js';
import { stopwordsFor } from '../lang.js';

const FUNCTION_WORDS = stopwordsFor('en');

/** Evidence for each type; the largest wins when it is strong enough. */
export type TypeScores = Record<EntityType, number>;

const TYPES = ['person', 'organization', 'place', 'other'] as const;

export const emptyScores = (): TypeScores => ({ person: 0, organization: 0, place: 0, other: 0 });

const norm = (w: string): string => w.toLowerCase().replace(/\./g, '');

/** A nationality or language adjective ("Japanese", "British"): capitalised only, an adjective. */
export function isDemonym(word: string, english: boolean): boolean {
  if (!english) return false;
  const tags = lexiconTags(word);
  const lower = lexiconTags(word.toLowerCase());
  const adjective = tags?.[0] === 'JJ' || (tags?.includes('JJ') && /(?:an|ese|ish|ic|i|ch|ss|sh|ek|ab|ai|in)$/.test(word));
  // "Americans", "Christians": the plural of a nationality or faith.
  if (!adjective && /\p{Ll}ns$/u.test(word)) return isDemonym(word.slice(0, -1), english);
  if (adjective && (!lower || lower[0] === 'JJ')) return !placeKind(word);
  // Compounds such as "Anglo-American" or "Sino-Japanese".
  const tail = word.split('-').pop() ?? word;
  return tail !== word && isDemonym(tail[0]?.toUpperCase() + tail.slice(1), english);
}

function placeScore(text: string): number {
  switch (placeKind(text)) {
    case 'country':
    case 'continent':
    case 'state':
    case 'region':
      return 5;
    case 'capital':
      return 3.5;
    case 'city':
      return 2.5;
    default:
      return 0;
  }
}

/** The word, and its singular when it is a plural ("Centers" -> "center"). */
function forms(w: string): string[] {
  if (w.length > 4 && w.endsWith('ies')) return [w, `${w.slice(0, -3)}y`];
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return [w, w.slice(0, -1)];
  return [w];
}

const inList = (list: ReadonlySet<string>, w: string): boolean => forms(w).some((f) => list.has(f));

/** Evidence from the name itself: its words, the gazetteers, its shape. */
export function nameScores(words: string[], text: string, english: boolean): TypeScores {
  const s = emptyScores();
  const n = words.map(norm).filter((w) => w !== 'the' || words.length === 1);
  const first = n[0] ?? '';
  const last = n[n.length - 1] ?? '';
  const multi = n.length > 1;
  // "Amateur Hockey Association of Canada", "Port of Liverpool": the head stands before "of".
  const ofAt = n.findIndex((w) => OF_WORDS.has(w));
  // "BBC Radio 1", "Channel 4": a number after the head word numbers the service, it is no head.
  const numbered = multi && /^\d+$/.test(last);
  const head = ofAt > 0 ? (n[ofAt - 1] ?? '') : numbered ? (n[n.length - 2] ?? '') : last;
  // A lone head word ("the Party", "the Institute") refers back to a fuller name.
  const loneHead = !multi && isCommonWord(text);
  const orgHead = !loneHead && (inList(ORG_HEADS, head) || inList(ORG_HEADS, last) || /\p{L}\d*FM$/u.test(text));
  // "Helen Park", "Chris Lane": a given name before a place word that is also a surname reads either way.
  const givenThenSurname = n.length === 2 && SURNAME_HEADS.has(last) && isFirstName(words[0] ?? '') &&
    !placeKind(words[0] ?? '') && !isCommonWord(words[0] ?? '');
  // "Islamic State": an adjective that is no place before "State" names a movement, not a state.
  const movement = n.length === 2 && last === 'state' && !placeKind(words[0] ?? '') && !COMPASS.has(first) &&
    (lexiconTags(words[0] ?? '')?.includes('JJ') === true || lexiconTags(first)?.[0] === 'JJ');
  if (movement) s.organization += 3;
  const placeHead = multi && !orgHead && !givenThenSurname && !movement && inList(PLACE_HEADS, head);
  if (givenThenSurname) {
    s.person += 1.5;
    s.place += 1;
  }
  const otherWord = multi && n.some((w) => inList(OTHER_HEADS, w));
  s.place += placeScore(text);
  addOrgListScores(s, words, text, orgHead);
  if (orgHead) s.organization += 3;
  // "Major League Baseball": an organization word inside a longer name.
  const innerOrg = n.length >= 3 && n.slice(1, -1).some((w) => INNER_ORG_HEADS.has(w));
  if (!orgHead && innerOrg && !inList(PLACE_HEADS, last) && !inList(OTHER_HEADS, last)) s.organization += 2;
  if (multi && ORG_FIRST.has(first) && ofAt > 0) s.organization += 3;
  if (placeHead) s.place += 2.5;
  if (multi && PLACE_FIRST.has(first)) s.place += 1.5;
  if (otherWord) s.other += 3;
  // "Santa Through the Back Door", "Let Us Begin": capitalised function words mark a title of a work.
  if (english && words.slice(1).some((w) => /^\p{Lu}/u.test(w) && FUNCTION_WORDS.has(w.toLowerCase()))) s.other += 3;
  if (multi && OTHER_FIRST.has(first)) s.other += 3;
  // NATO, 6PR; not a word set in capitals (HUMANITY).
  if (!multi && isAcronym(text) && THING_ACRONYMS.has(norm(text))) s.other += 3;
  else if (!multi && isAcronym(text) && !(text.length > 4 && isCommonWord(text))) s.organization += 1.5;
  if (!multi && isDemonym(words[0] ?? '', english)) s.other += 4;
  // Lincolnshire, Edinburgh, Middlesbrough, Kurdistan: endings that only places have.
  if (!multi && /\p{Ll}(?:shire|burgh|borough|stan)$/u.test(text)) s.place += 1.5;
  // Catholicism, Physiology: doctrines and fields.
  if (!multi && /\p{Ll}(?:ism|ology|ics)$/u.test(text)) s.other += 2;
  if (!multi && english && OTHER_HEADS.has(first)) s.other += 1;
  if (HOLIDAYS.has(first) || (multi && HOLIDAYS.has(n[0] ?? '') && (last === 'day' || last === 'eve'))) s.other += 4;
  if (!multi && isFirstName(text) && !placeKind(text) && !isCommonWord(text)) s.person += 1;
  if (multi && COMPASS.has(first)) s.place += placeScore(n.slice(1).join(' ')) > 0 ? 5 : 1.5;
  // "Mercedes C200", "Boeing 747", "F-16 Fighting Falcon": model numbers name products, never people.
  const modelNumber = multi && !orgHead && words.some((w) => /\d/.test(w));
  if (modelNumber) s.other += 3;
  // William "Buckshot" May: a quoted nickname inside a name is a person's.
  if (multi && words.some((w) => /^["“”]$/.test(w))) s.person += 4;
  const keyword = orgHead || placeHead || otherWord;
  if (multi && !keyword) {
    // "Boston Bruins", "Perth Glory": a place's name followed by other words names an organization.
    const placeFirst = placeScore(n[0] ?? '') > 0 && !isFirstName(words[0] ?? '');
    if (placeFirst && !COMPASS.has(first) && placeScore(text) === 0) s.organization += 2;
    // "Japanese Punk Techno", "British Indian": a nationality leading a name marks a kind, not an entity.
    if (isDemonym(words[0] ?? '', english)) s.other += 2;
  }
  if (multi && !keyword && !modelNumber && n.length <= 4) {
    const given = words[0] ?? '';
    // "Bill", "Rose", "Georgia": given names that are also words or places count for less.
    if (isFirstName(given)) s.person += placeKind(given) || isCommonWord(given) ? 1.5 : 2.5;
    if (words.slice(1, -1).some((w) => /^\p{Lu}\.$/u.test(w))) s.person += 3;
    // "Clay Tice Jr.", not "Type II".
    // A suffix follows a name ("Clay Tice Jr.", "George III"), not an ordinary word or an acronym ("NCAA Division II").
    if (PERSON_SUFFIXES.has(last) && !(n.length === 2 && isCommonWord(given)) && !words.some((w) => isAcronym(w))) {
      s.person += 3;
    }
    // "B.B. King", "J.K. Rowling": initials before a surname.
    if (/^(?:\p{Lu}\.){1,3}$/u.test(given) && /^\p{Lu}\p{Ll}/u.test(lastOf(words))) s.person += 2.5;
    const shaped = words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
    // "Weather Report", "Head Automatica": a name that begins with an ordinary word is seldom a person's.
    const plainStart = isCommonWord(given) && !isFirstName(given);
    if (english && shaped && n.length <= 3 && !isCommonWord(last) && !plainStart) s.person += 1;
  }
  return s;
}

/**
 * Names the organization lists know: a well-known organization or team counts strongly, a single
 * company word less; a known company followed by other words is one of its products or services
 * ("Google Stadia", "Nissan Navara"), unless those words make an organization's name ("Ford Foundation").
 */
function addOrgListScores(s: TypeScores, words: string[], text: string, orgHead: boolean): void {
  const kind = orgKind(text);
  // An exact well-known name outweighs what its shape suggests ("Atlanta Braves" is no person).
  if (kind === 'known') s.organization += 6;
  else if (kind === 'company' && words.length === 1) s.organization += 2;
  if (kind || words.length < 2 || words.length > 3 || orgHead) return;
  const maker = words[0] ?? '';
  if (orgKind(maker) && !isFirstName(maker) && !placeKind(maker)) s.other += 3;
}

/** "of" in the languages whose names Skim meets most (Banco de España, Université du Québec). */
const OF_WORDS = new Set(['of', 'de', 'del', 'des', 'du', 'di', 'della', 'der', 'von', 'do', 'da']);

const lastOf = (a: string[]): string => a[a.length - 1] ?? '';

/** Evidence from one mention's surroundings: titles, roles, descriptors, prepositions, appositions. */
export function contextScores(m: Mention): TypeScores {
  const s = emptyScores();
  const before = lastOf(m.before).replace(/\./g, '');
  const [a0, a1, a2] = m.after;
  if (m.title && m.title.split(' ').some((t) => TITLES.has(t))) s.person += 4;
  if (PERSON_ROLES.has(before)) s.person += 2;
  if (ORG_DESCRIPTORS.has(before)) s.organization += 3;
  if (PLACE_DESCRIPTORS.has(before) || (before === 'of' && PLACE_DESCRIPTORS.has(m.before[m.before.length - 2] ?? ''))) {
    s.place += 2;
  }
  const before2 = m.before[m.before.length - 2] ?? '';
  if (before === 'of' && PLACE_OFFICES.has(before2)) s.place += 1.5;
  addDefinition(s, m.after);
  addApposition(s, m.after);
  // "converted to Catholicism", "a career in Medicine", "dressed in Iron Man": capitalised common words
  // after "in" are no place (place words such as "Street" type those names by themselves).
  const commonWord = m.words.every((w) => isCommonWord(w) || FUNCTION_WORDS.has(w.toLowerCase()) || !/^\p{L}/u.test(w));
  const afterPreposition = (PLACE_PREPOSITIONS.has(before) && before2 !== 'according') ||
    (before === 'the' && PLACE_PREPOSITIONS.has(before2));
  if (afterPreposition && !commonWord) {
    s.place += 1;
  }
  if (a0 === ',' && a1 && (placeScore(a1) >= 5 || (a2 && placeScore(`${a1} ${a2}`) >= 5))) s.place += 2;
  if (a0 === ',' && a1 && (a1 === 'who' || PERSON_ROLES.has(a1) || PERSON_ROLES.has(a2 ?? ''))) s.person += 1.5;
  if (PERSON_VERBS.has(a0 ?? '')) s.person += 1;
  addAppositionCues(s, m);
  addOrgContext(s, m);
  const listClass = listClassType(m);
  if (listClass) s[listClass] += 2;
  if (before === 'née' || before === 'nee') s.person += 2;
  // "Emil Touma (1919 - 1985)", "Jane Doe (born 1950)", "John Smith, 45,": life dates and ages.
  if (a0 === '(' && (a1 === 'born' || a1 === 'b' || /^1[5-9]\d\d$|^20\d\d$/.test(a1 ?? '')) && m.words.length > 1) s.person += 2;
  if (a0 === ',' && /^\d{1,2}$/.test(a1 ?? '') && a2 === ',') s.person += 2;
  // Titles of songs, albums and films are quoted.
  if (m.quoted) s.other += 2;
  return s;
}

/** Participles after "was" that happen to groups and firms, not to people or places. */
const GROUP_EVENTS = new Set(['formed', 'disbanded', 'dissolved', 'merged', 'acquired', 'reformed', 'relegated', 'liquidated', 'floated', 'delisted']);

const ORG_OBJECT_VERBS = new Set(['joined', 'founded', 'co-founded', 'cofounded', 'formed', 'established', 'rejoined']);

const PRONOUNS = new Set(['his', 'her', 'himself', 'herself']);
const PRONOUN_PREPOSITIONS = new Set(['on', 'to', 'with', 'for', 'at', 'in', 'from', 'into']);

/** "Its director, Helen Park, said": a role, a comma, then the name; "Smith's wife". */
function addAppositionCues(s: TypeScores, m: Mention): void {
  const [b2, b1, b0] = [m.before[m.before.length - 3] ?? '', m.before[m.before.length - 2] ?? '', lastOf(m.before)];
  if (b0 === ',' && (PERSON_ROLES.has(b1) || (b1 === 'executive' && b2 === 'chief'))) s.person += 2.5;
  const possessive = m.after[0] === "'s" || m.after[0] === '’s';
  if (possessive && FAMILY.has(m.after[1] ?? '')) s.person += 2;
  // "Hamilton set his fastest time", "Smith stands on top of her car".
  const [a0, a1, a2] = m.after;
  const verb = /^VB[DZPN]?$/.test(lexiconTags(a0 ?? '')?.[0] ?? '');
  if (verb && (PRONOUNS.has(a1 ?? '') || (PRONOUN_PREPOSITIONS.has(a1 ?? '') && PRONOUNS.has(a2 ?? '')))) s.person += 1;
  // "Smith was born in 1950", "Smith is married to".
  if ((m.after[0] === 'was' || m.after[0] === 'is') && (m.after[1] === 'born' || m.after[1] === 'married')) s.person += 2;
}

/**
 * What organizations do and have: "shares of X", "X's chief executive", "member of X", "the band,
 * X", "X manager Jane Doe", "Labour MPs", "Microsoft purchased".
 */
function addOrgContext(s: TypeScores, m: Mention): void {
  const [b2, b1, b0] = [m.before[m.before.length - 3] ?? '', m.before[m.before.length - 2] ?? '', lastOf(m.before)];
  const [a0, a1, a2] = m.after;
  const possessive = a0 === "'s" || a0 === '’s';
  const owned = possessive ? a1 : a0;
  if (owned && (ORG_POSSESSIONS.has(owned) || (owned === 'chief' && a2 === 'executive'))) s.organization += 2;
  if (!possessive && a0 && ORG_FOLLOWERS.has(a0)) s.organization += 2;
  // "Swansea's 1-1 draw", "Arsenal's win": a team's result; not a person's ("Obama's victory").
  const result = TEAM_POSSESSIONS.has(a1 ?? '') || TEAM_POSSESSIONS.has(a2 ?? '');
  if (possessive && result && !personLike(m.words)) s.organization += 1.5;
  // "Leicester have scored", "Arsenal are": a singular name with a plural verb is a team or a band
  // (when it is the subject: not "cases of Ebola were").
  const subject = b0 !== 'and' && !PLACE_PREPOSITIONS.has(b0) && !['of', 'for', 'by', 'with'].includes(b0);
  const alone = m.words.length === 1 && !/s$/.test(m.words[0] ?? '') && subject && !m.coordinated;
  if (alone && (a0 === 'have' || a0 === 'are' || a0 === 'were') && a1 !== 'been') s.organization += 1.5;
  // "Korn's guitarist", "the Zutons' drummer": a band's members.
  if (possessive && a1 && BAND_MEMBERS.has(a1)) s.organization += 1.5;
  // "members of Labour", not "members of Saddam's regime".
  if (b0 === 'of' && !possessive && (b1 === 'shares' || ORG_MEMBERSHIP.has(b1))) s.organization += 2;
  // "the drummer of The Zutons", "manager of Rangers": a member's role held in a band or a team.
  if (b0 === 'of' && !possessive && (BAND_MEMBERS.has(b1) || TEAM_ROLES.has(b1))) s.organization += 2;
  if (b0 === 'for' && ORG_FOR.has(b1)) s.organization += 2;
  // "two league titles with Steaua", "a spell with Rangers": time spent at a club or a firm.
  if (b0 === 'with' && SPELLS.has(b1)) s.organization += 1.5;
  if (b0 === 'with' && b1 === 'signed') s.organization += 2;
  if (b0 === 'by' && ORG_BY.has(b1)) s.organization += 1.5;
  // "joined Java Jazz", "founded the Liberal Party", "traded to the Athletics".
  if (ORG_OBJECT_VERBS.has(b0) || (b0 === 'the' && ORG_OBJECT_VERBS.has(b1)) || (b0 === 'to' && b1 === 'traded')) s.organization += 1.5;
  if (b0 === 'of' && b1 === 'part' && b2 !== 'in') s.organization += 1;
  // "the rock band, Eels", "a band called Squirrel", "signed to Deltasonic".
  if ((b0 === ',' || b0 === 'called' || b0 === 'named') && ORG_DESCRIPTORS.has(b1)) s.organization += 2.5;
  if (b0 === 'to' && b1 === 'signed') s.organization += 2;
  if (b0 === 'the' && b1 === 'of' && ORG_MEMBERSHIP.has(b2)) s.organization += 1;
  if (a0 && ORG_VERBS.has(a0)) s.organization += 1;
  // "the band was formed in 1998", "Acme was acquired by": what happens to groups and firms.
  if ((a0 === 'was' || a0 === 'were') && GROUP_EVENTS.has(a1 ?? '')) s.organization += 1.5;
  if (pluralGroupName(m)) s.organization += 1.5;
  // The name before a role is where the role is held, most often an organization ("Apple CEO"), but
  // not an ordinary word ("Homicide Detective").
  if (m.roleOwner && !(m.words.length === 1 && isCommonWord(m.words[0] ?? ''))) s.organization += 2;
}

/** A given name first, or a lone surname that is no place ("Obama", "Jane Holt"; not "Swansea"). */
function personLike(words: string[]): boolean {
  const [first = ''] = words;
  if (words.length > 1) return isFirstName(first) && !placeKind(first);
  return isSurname(first) && !placeKind(first) && !isCommonWord(first);
}

/**
 * "the Zutons", "the Devil Rays", "The Used": a name after "the" that is (or ends in) a plural,
 * as teams, bands and parties are; places ("the Netherlands") and peoples ("the Americans") aside.
 */
function pluralGroupName(m: Mention): boolean {
  const article = lastOf(m.before) === 'the' || (m.words[0] === 'The' && m.words.length > 1);
  if (!article || m.heading) return false;
  const last = lastOf(m.words);
  if (!/^\p{Lu}[\p{L}-]*\p{Ll}s$/u.test(last) || /ss$/.test(last)) return false;
  const name = m.words.filter((w) => w !== 'The').join(' ');
  // Teams are named with ordinary plurals ("Rangers", "Devil Rays"); peoples ("Goths") are not.
  const ordinary = isCommonWord(last.slice(0, -1)) || isCommonWord(last);
  return ordinary && placeKind(name) === undefined && !isDemonym(last, true) && !inList(OTHER_HEADS, norm(last));
}

/** "Aisby is a village", "Bilka is a Danish retailer", "Smith was an English painter". */
function addDefinition(s: TypeScores, after: string[]): void {
  const [verb, article, ...rest] = after;
  if (!verb || !['is', 'was', 'are', 'were'].includes(verb) || !['a', 'an', 'the'].includes(article ?? '')) return;
  for (const w of rest) {
    if (PLACE_DESCRIPTORS.has(w)) s.place += 2;
    else if (ORG_DESCRIPTORS.has(w)) s.organization += 2;
    else if (PERSON_ROLES.has(w)) s.person += 2;
    else continue;
    return;
  }
}

const INNER_ORG_HEADS = new Set(['league', 'association', 'federation', 'union', 'university', 'party', 'bank',
  'council', 'institute', 'academy', 'society', 'company', 'corporation', 'college']);

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'one']);

/** "Squirrel, his first jazz band", "Aisby, a small village": a noun phrase after a comma describes the name. */
function addApposition(s: TypeScores, after: string[]): void {
  if (after[0] !== ',' || !DETERMINERS.has(after[1] ?? '')) return;
  for (let i = 2; i < after.length; i++) {
    const w = after[i] ?? '';
    if (!/^\p{L}/u.test(w)) return;
    if (ORG_DESCRIPTORS.has(w)) s.organization += 2;
    else if (PLACE_DESCRIPTORS.has(w)) s.place += 2;
    else if (PERSON_ROLES.has(w) && i > 2) s.person += 1;
    else continue;
    return;
  }
}

/** Adds `b` into `a`, scaled. */
export function addScores(a: TypeScores, b: TypeScores, scale = 1): void {
  a.person += b.person * scale;
  a.organization += b.organization * scale;
  a.place += b.place * scale;
  a.other += b.other * scale;
}

/** Evidence for a group of mentions of one name: the name once, contexts summed with diminishing weight. */
export function groupScores(mentions: Mention[], english: boolean): TypeScores {
  const first = mentions[0] as Mention;
  const s = nameScores(first.words, first.text, english);
  // The strongest context counts in full and the others a little, so many mentions do not dilute it.
  const all = mentions.map(contextScores);
  for (const t of TYPES) {
    const v = all.map((c) => c[t]);
    const max = Math.max(...v);
    s[t] += max + 0.25 * (v.reduce((a, b) => a + b, 0) - max);
  }
  return s;
}

/** The winning type, or a fallback from the name's shape when no cue is strong enough. */
export function decideType(s: TypeScores, words: string[]): EntityType {
  let best: EntityType = 'other';
  let bestScore = 0;
  for (const t of TYPES) {
    if (s[t] > bestScore) {
      best = t;
      bestScore = s[t];
    }
  }
  if (bestScore >= 1) return best;
  // "Lucyna Kuziel-Zawalich", "Peter O'Toole": hyphens and apostrophes join capitalised parts.
  const personShaped = words.every((w) => /^(?=.*\p{Ll})\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(w) && !isCommonWord(w));
  if (words.length >= 2 && words.length <= 3 && personShaped) return 'person';
  return 'other';
}
