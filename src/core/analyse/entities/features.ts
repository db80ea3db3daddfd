/**
 * The typing cues, each a named feature that votes for one type. A feature fires (value 1) or not; its
 * weight comes from weights.ts, fitted by `npm run train -- entities`, and is looked up by the feature's
 * name. Name features read the name itself (its words, the gazetteers, its shape); context features read
 * one mention's surroundings.
 */
import type { EntityType } from '../../types.js';
import { norm, type Mention } from './mention.js';
import {
  BAND_MEMBERS, COMPANY_SUFFIXES, COMPASS, DETERMINERS, GROUP_EVENTS, HOLIDAYS, OF_WORDS, ORG_BY, ORG_DESCRIPTORS, ORG_FIRST,
  ORG_FOLLOWERS, ORG_HEADS, ORG_POSSESSIONS, OTHER_HEADS, PERSON_ROLES, PLACE_HEADS, POSSESSIVE_ALONE_NEXT,
  NAME_PARTICLES, PARTY_MEMBERS, PERSON_VERBS, PLACE_PREPOSITIONS, PUBLIC_BODIES, SPELLS, SURNAME_HEADS, THING_ACRONYMS, TITLES,
} from './cues.js';
import { isFirstName, orgKind, placeKind } from './gazetteer.js';
import { isCommonWord, lexiconTags } from './tagger.js';
import { isAcronym } from './tokens.js';
import { listClassType } from './classCues.js';
import { isDemonym } from './demonym.js';
import { singularForms, stopwordsFor } from '../../text/index.js';

/** Every feature and the type it votes for. */
export const FEATURES = {
  // From the name.
  'org.adjectiveState': 'organization',
  'place.gazetteerRegion': 'place',
  'place.gazetteerCapital': 'place',
  'place.gazetteerCity': 'place',
  'org.knownName': 'organization',
  'org.companyWord': 'organization',
  'other.makerProduct': 'other',
  'org.companySuffix': 'organization',
  'org.publicBody': 'organization',
  'org.headWord': 'organization',
  'org.firstWordOf': 'organization',
  'other.headWord': 'other',
  'other.thingAcronym': 'other',
  'org.acronym': 'organization',
  'other.demonym': 'other',
  'other.holiday': 'other',
  'person.nickname': 'person',
  'org.placeThenWords': 'organization',
  'other.demonymFirst': 'other',
  'person.givenName': 'person',
  'person.ambiguousGivenName': 'person',
  'person.initials': 'person',
  // From a mention's context.
  'person.title': 'person',
  'person.verbAfter': 'person',
  'person.roleBefore': 'person',
  'person.partyBefore': 'person',
  'org.descriptorBefore': 'organization',
  'org.definition': 'organization',
  'org.apposition': 'organization',
  'place.preposition': 'place',
  'place.commaRegion': 'place',
  'person.commaRole': 'person',
  'person.bornMarried': 'person',
  'org.possession': 'organization',
  'org.possessiveAlone': 'organization',
  'org.follower': 'organization',
  'org.pluralVerb': 'organization',
  'org.roleOf': 'organization',
  'org.spellWith': 'organization',
  'org.signedWith': 'organization',
  'org.by': 'organization',
  'org.calledDescriptor': 'organization',
  'org.groupEvent': 'organization',
  'org.listClass': 'organization',
  // From the word vectors of the name and its surroundings (vectors.ts): the model's probability of the type.
  'person.vector': 'person',
  'org.vector': 'organization',
  'place.vector': 'place',
  'other.vector': 'other',
} as const satisfies Record<string, EntityType>;

export type FeatureName = keyof typeof FEATURES;

/** The names of all features, in a fixed order. */
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/** The word-vector feature of each type. */
export const VECTOR_FEATURES: Readonly<Record<EntityType, FeatureName>> = {
  person: 'person.vector',
  organization: 'org.vector',
  place: 'place.vector',
  other: 'other.vector',
};

/** The features that fired, by name. */
export type Hits = Set<FeatureName>;

const FUNCTION_WORDS = stopwordsFor('en');
const lastOf = (a: readonly string[]): string => a[a.length - 1] ?? '';

const inList = (list: ReadonlySet<string>, w: string): boolean => singularForms(w).some((f) => list.has(f));

/** How sure the gazetteer is that a name is a place: 3 for a country or region, 2 a capital, 1 a city. */
export function placeRank(text: string): 0 | 1 | 2 | 3 {
  switch (placeKind(text)) {
    case 'country':
    case 'continent':
    case 'state':
    case 'region':
      return 3;
    case 'capital':
      return 2;
    case 'city':
      return 1;
    default:
      return 0;
  }
}

/** What a name's words say: its head word, its first word, the gazetteers. */
interface NameView {
  words: string[];
  text: string;
  n: string[];
  first: string;
  last: string;
  multi: boolean;
  /** The head word: before "of", before a service's number, else the last word. */
  head: string;
  english: boolean;
}

function view(words: string[], text: string, english: boolean): NameView {
  const n = words.map(norm).filter((w) => w !== 'the' || words.length === 1);
  const multi = n.length > 1;
  const last = n[n.length - 1] ?? '';
  // "Amateur Hockey Association of Canada": the head stands before "of"; "BBC Radio 1": a number is no head.
  const ofAt = n.findIndex((w) => OF_WORDS.has(w));
  const numbered = multi && /^\d+$/.test(last);
  const head = ofAt > 0 ? (n[ofAt - 1] ?? '') : numbered ? (n[n.length - 2] ?? '') : last;
  return { words, text, n, first: n[0] ?? '', last, multi, head, english };
}

/** The name's own evidence: which name features fire. */
export function nameFeatures(words: string[], text: string, english: boolean): Hits {
  const hits: Hits = new Set();
  const v = view(words, text, english);
  const heads = headFeatures(v, hits);
  gazetteerFeatures(v, hits, heads.orgHead);
  shapeFeatures(v, hits);
  if (v.multi && !heads.keyword) multiWordFeatures(v, hits, heads.modelNumber);
  return hits;
}

/** Head and first words: organization, place and other heads, and what they rule out. */
function headFeatures(v: NameView, hits: Hits): { orgHead: boolean; keyword: boolean; modelNumber: boolean } {
  const { n, first, last, multi, head, words, text } = v;
  // A lone head word ("the Party", "the Institute") refers back to a fuller name.
  const loneHead = !multi && isCommonWord(text);
  const suffix = !loneHead && (inList(COMPANY_SUFFIXES, head) || inList(COMPANY_SUFFIXES, last));
  const body = !loneHead && (inList(PUBLIC_BODIES, head) || inList(PUBLIC_BODIES, last));
  const other = !loneHead && (inList(ORG_HEADS, head) || inList(ORG_HEADS, last) || /\p{L}\d*FM$/u.test(text));
  const orgHead = suffix || body || other;
  if (suffix && multi) hits.add('org.companySuffix');
  if (body) hits.add('org.publicBody');
  if (other && !suffix && !body) hits.add('org.headWord');
  // "Helen Park", "Chris Lane": a given name before a place word that is also a surname reads either way.
  const givenThenSurname = n.length === 2 && SURNAME_HEADS.has(last) && isFirstName(words[0] ?? '') &&
    !placeKind(words[0] ?? '') && !isCommonWord(words[0] ?? '');
  // "Islamic State": an adjective that is no place before "State" names a movement, not a state.
  const movement = n.length === 2 && last === 'state' && !placeKind(words[0] ?? '') && !COMPASS.has(first) &&
    (lexiconTags(words[0] ?? '')?.includes('JJ') === true || lexiconTags(first)?.[0] === 'JJ');
  if (movement) hits.add('org.adjectiveState');
  const placeHead = multi && !orgHead && !givenThenSurname && !movement && inList(PLACE_HEADS, head);
  // "Olympic Games", "Copa America Cup"; never the first word of a name: "Bill Clinton" is no bill.
  const otherWord = multi && n.some((w, k) => k > 0 && inList(OTHER_HEADS, w));
  if (multi && ORG_FIRST.has(first) && n.findIndex((w) => OF_WORDS.has(w)) > 0) hits.add('org.firstWordOf');
  if (otherWord) hits.add('other.headWord');
  // "Mercedes C200", "Boeing 747": model numbers name products, never people.
  const modelNumber = multi && !orgHead && words.some((w) => /\d/.test(w));
  return { orgHead, keyword: orgHead || placeHead || otherWord, modelNumber };
}

/** What the place and organization lists know of the name. */
function gazetteerFeatures(v: NameView, hits: Hits, orgHead: boolean): void {
  const rank = placeRank(v.text);
  if (rank === 3) hits.add('place.gazetteerRegion');
  else if (rank === 2) hits.add('place.gazetteerCapital');
  else if (rank === 1) hits.add('place.gazetteerCity');
  const kind = orgKind(v.text);
  // An exact well-known name outweighs what its shape suggests ("Atlanta Braves" is no person).
  if (kind === 'known') hits.add('org.knownName');
  else if (kind === 'company' && v.words.length === 1) hits.add('org.companyWord');
  // A known company followed by other words is one of its products ("Google Stadia", "Nissan Navara").
  const maker = v.words[0] ?? '';
  if (!kind && v.words.length >= 2 && v.words.length <= 3 && !orgHead && orgKind(maker) && !isFirstName(maker) && !placeKind(maker)) {
    hits.add('other.makerProduct');
  }
}

/** Single words and shapes: acronyms, nationalities, endings, holidays, quoted nicknames. */
function shapeFeatures(v: NameView, hits: Hits): void {
  const { words, text, n, first, multi, english } = v;
  // NATO, 6PR; not a word set in capitals (HUMANITY).
  if (!multi && isAcronym(text) && THING_ACRONYMS.has(norm(text))) hits.add('other.thingAcronym');
  else if (!multi && isAcronym(text) && !(text.length > 4 && isCommonWord(text))) hits.add('org.acronym');
  if (!multi && isDemonym(words[0] ?? '', english)) hits.add('other.demonym');
  if (HOLIDAYS.has(first) || (multi && HOLIDAYS.has(n[0] ?? '') && (v.last === 'day' || v.last === 'eve'))) hits.add('other.holiday');
  // William "Buckshot" May: a quoted nickname inside a name is a person's.
  if (multi && words.some((w) => /^["“”]$/.test(w))) hits.add('person.nickname');
}

/** A name of several words with no head word: a person's shape, or a place's name before other words. */
function multiWordFeatures(v: NameView, hits: Hits, modelNumber: boolean): void {
  const { words, n, first, english } = v;
  // "Boston Bruins", "Perth Glory": a place's name followed by other words names an organization.
  const placeFirst = placeRank(n[0] ?? '') > 0 && !isFirstName(words[0] ?? '');
  if (placeFirst && !COMPASS.has(first) && placeRank(v.text) === 0) hits.add('org.placeThenWords');
  // "Japanese Punk Techno": a nationality leading a name marks a kind, not an entity.
  if (isDemonym(words[0] ?? '', english)) hits.add('other.demonymFirst');
  if (modelNumber || n.length > 4) return;
  const given = words[0] ?? '';
  // "Bill", "Rose", "Georgia": given names that are also words or places count for less, and nothing before
  // ordinary words ("Velvet Revolver", "Star Trek"), which leave the type to the other cues
  // and the word vectors; a given name that is nothing else still does ("Judd Trump", "Lauren Hill").
  const ambiguous = placeKind(given) !== undefined || isCommonWord(given);
  const surnameLike = (w: string): boolean => !isCommonWord(w) || isFirstName(w) || /^\p{Lu}\.?$/u.test(w) || NAME_PARTICLES.has(w.toLowerCase());
  if (isFirstName(given) && !ambiguous) hits.add('person.givenName');
  else if (isFirstName(given) && words.slice(1).every(surnameLike)) hits.add('person.ambiguousGivenName');
  // "B.B. King", "J.K. Rowling": initials before a surname.
  if (/^(?:\p{Lu}\.){1,3}$/u.test(given) && /^\p{Lu}\p{Ll}/u.test(lastOf(words))) hits.add('person.initials');
}

const contextCache = new WeakMap<Mention, Hits>();

/** One mention's surroundings: which context features fire (computed once per mention). */
export function contextFeatures(m: Mention): Hits {
  const cached = contextCache.get(m);
  if (cached) return cached;
  const hits: Hits = new Set();
  personContext(m, hits);
  placeContext(m, hits);
  describedContext(m, hits);
  orgContext(m, hits);
  contextCache.set(m, hits);
  return hits;
}

const NEAR = (m: Mention): [string, string, string] => [
  m.before[m.before.length - 3] ?? '', m.before[m.before.length - 2] ?? '', lastOf(m.before).replace(/\./g, ''),
];

/** Roles around a person's name, and what is said of a person. */
function personContext(m: Mention, hits: Hits): void {
  const [, , b0] = NEAR(m);
  const [a0, a1, a2] = m.after;
  if (m.title && m.title.split(' ').some((t) => TITLES.has(t))) hits.add('person.title');
  if (PERSON_VERBS.has(a0 ?? '')) hits.add('person.verbAfter');
  if (PERSON_ROLES.has(b0)) hits.add('person.roleBefore');
  // "Republican Mitt Romney", "Tory Ruth Davidson": a party label taken off the name labels a politician.
  if (m.title && m.title.split(' ').some((t) => PARTY_MEMBERS.has(t))) hits.add('person.partyBefore');
  if (a0 === ',' && a1 && (a1 === 'who' || PERSON_ROLES.has(a1) || PERSON_ROLES.has(a2 ?? ''))) hits.add('person.commaRole');
  if ((a0 === 'was' || a0 === 'is') && (a1 === 'born' || a1 === 'married')) hits.add('person.bornMarried');
}

/** Prepositions and a region after a comma around a place's name. */
function placeContext(m: Mention, hits: Hits): void {
  const [, b1, b0] = NEAR(m);
  const [a0, a1, a2] = m.after;
  // "converted to Catholicism": capitalised common words after "in" are no place.
  const commonWord = m.words.every((w) => isCommonWord(w) || FUNCTION_WORDS.has(w.toLowerCase()) || !/^\p{L}/u.test(w));
  const afterPreposition = (PLACE_PREPOSITIONS.has(b0) && b1 !== 'according') || (b0 === 'the' && PLACE_PREPOSITIONS.has(b1));
  if (afterPreposition && !commonWord) hits.add('place.preposition');
  if (a0 === ',' && a1 && (placeRank(a1) === 3 || (a2 && placeRank(`${a1} ${a2}`) === 3))) hits.add('place.commaRegion');
}

/** "Aisby is a village", "Squirrel, his first jazz band", "bands such as Korn", quotation marks. */
function describedContext(m: Mention, hits: Hits): void {
  const [verb, article, ...rest] = m.after;
  if (verb && ['is', 'was', 'are', 'were'].includes(verb) && ['a', 'an', 'the'].includes(article ?? '')) {
    const kind = rest.map(describes).find((k) => k !== undefined);
    // A person's role defines no type here: names defined by one are typed by their shape; the word vectors
    // read what a place is defined as ("a village in Devon").
    if (kind === 'org') hits.add('org.definition');
  }
  if (m.after[0] === ',' && DETERMINERS.has(m.after[1] ?? '')) {
    for (let i = 2; i < m.after.length; i++) {
      const w = m.after[i] ?? '';
      if (!/^\p{L}/u.test(w)) break;
      const kind = describes(w);
      if (kind === 'person') continue;
      if (kind) {
        hits.add('org.apposition');
        break;
      }
    }
  }
  const listClass = listClassType(m);
  if (listClass === 'organization') hits.add('org.listClass');
}

/** The type a descriptive noun names, as a feature prefix. */
function describes(w: string): 'org' | 'person' | undefined {
  if (ORG_DESCRIPTORS.has(w)) return 'org';
  return PERSON_ROLES.has(w) ? 'person' : undefined;
}

/** What organizations do and have: "X's chief executive", "the band X", "a spell with X", "owned by X". */
function orgContext(m: Mention, hits: Hits): void {
  const [, b1, b0] = NEAR(m);
  const [a0, a1, a2] = m.after;
  if (ORG_DESCRIPTORS.has(b0)) hits.add('org.descriptorBefore');
  const possessive = a0 === "'s" || a0 === '’s';
  const owned = possessive ? a1 : a0;
  if (owned && (ORG_POSSESSIONS.has(owned) || (owned === 'chief' && a2 === 'executive'))) hits.add('org.possession');
  if (!possessive && a0 && ORG_FOLLOWERS.has(a0)) hits.add('org.follower');
  // "anchors: Thalhimer's, JC Penney", "which became Macy's in 2006": a possessive with nothing owned names a shop or a firm.
  if (possessive && (a1 === undefined || /^[,.;:)]$/.test(a1) || POSSESSIVE_ALONE_NEXT.has(a1))) hits.add('org.possessiveAlone');
  // "Leicester have scored": a singular name with a plural verb, as its subject, is a team or a band.
  const subject = b0 !== 'and' && !PLACE_PREPOSITIONS.has(b0) && !['of', 'for', 'by', 'with'].includes(b0);
  const alone = m.words.length === 1 && !/s$/.test(m.words[0] ?? '') && subject && !m.coordinated;
  if (alone && (a0 === 'have' || a0 === 'are' || a0 === 'were') && a1 !== 'been') hits.add('org.pluralVerb');
  if (b0 === 'of' && !possessive && BAND_MEMBERS.has(b1)) hits.add('org.roleOf');
  if (b0 === 'with' && SPELLS.has(b1)) hits.add('org.spellWith');
  if (b0 === 'with' && b1 === 'signed') hits.add('org.signedWith');
  if (b0 === 'by' && ORG_BY.has(b1)) hits.add('org.by');
  if ((b0 === ',' || b0 === 'called' || b0 === 'named') && ORG_DESCRIPTORS.has(b1)) hits.add('org.calledDescriptor');
  if ((a0 === 'was' || a0 === 'were') && GROUP_EVENTS.has(a1 ?? '')) hits.add('org.groupEvent');
}


