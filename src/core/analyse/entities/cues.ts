/**
 * The cue word lists that type names and find their edges, read from data/cues/*.txt (one file a list,
 * each saying what it holds and where it comes from; see data/NOTICE.md), and the text layer's titles.
 * Entries are lower case without full stops, except the lists of capitalised words, which are kept as written.
 * Every list is a named, mutable set so that a test can empty one and see what it was holding up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { HONORIFICS as TEXT_HONORIFICS, TITLES as TEXT_TITLES } from '../../text/index.js';

const DIR = new URL('./data/cues/', import.meta.url);

/**
 * Lists the text layer holds beside its abbreviations, with which the abbreviated titles overlap (titles and
 * forms of address, text/data/titles.txt); named here like the others, so the entity tests pin them too.
 */
const SHARED_LISTS = new Map<string, Set<string>>([
  ['titles', TEXT_TITLES],
  ['honorifics', TEXT_HONORIFICS],
]);

/** The lists' names: the file names here ("org-heads.txt" -> "org-heads") and the shared lists'. */
export const CUE_LIST_NAMES: readonly string[] = [
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4)),
  ...SHARED_LISTS.keys(),
].sort();

/** One list file's entries: whitespace-separated words, or one name a line where a name has spaces. */
function read(name: string): Set<string> {
  const lines = readFileSync(new URL(`${name}.txt`, DIR), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const phrases = name === 'regions';
  return new Set(lines.flatMap((l) => (phrases ? [l.trim()] : l.trim().split(/\s+/))));
}

const lists = new Map(CUE_LIST_NAMES.map((n) => [n, SHARED_LISTS.get(n) ?? read(n)]));

/** The named cue list; throws on a name with no file, so a typo cannot silently empty a cue. */
export function cueList(name: string): Set<string> {
  const list = lists.get(name);
  if (!list) throw new Error(`no cue list named ${name}`);
  return list;
}

export const TITLES: ReadonlySet<string> = cueList('titles');
export const PERSON_VERBS: ReadonlySet<string> = cueList('person-verbs');
export const HONORIFICS: ReadonlySet<string> = cueList('honorifics');
export const ROLE_MODIFIERS: ReadonlySet<string> = cueList('role-modifiers');
export const PARTY_MEMBERS: ReadonlySet<string> = cueList('party-members');
export const MATCH_RESULTS: ReadonlySet<string> = cueList('match-results');
export const NUMBER_WORDS: ReadonlySet<string> = cueList('number-words');
export const PERSON_ROLES: ReadonlySet<string> = cueList('person-roles');
export const ORG_DESCRIPTORS: ReadonlySet<string> = cueList('org-descriptors');
export const COMPANY_SUFFIXES: ReadonlySet<string> = cueList('company-suffixes');
export const PUBLIC_BODIES: ReadonlySet<string> = cueList('public-bodies');
/** Other last words of organization names ("... University", "... Records"). */
export const ORG_HEADS: ReadonlySet<string> = cueList('org-heads');
export const ORG_FIRST: ReadonlySet<string> = cueList('org-first');
export const PLACE_HEADS: ReadonlySet<string> = cueList('place-heads');
export const SURNAME_HEADS: ReadonlySet<string> = cueList('surname-heads');
export const PLACE_FIRST: ReadonlySet<string> = cueList('place-first');
export const OTHER_HEADS: ReadonlySet<string> = cueList('other-heads');
export const NON_NAMES: ReadonlySet<string> = cueList('non-names');
export const PLACE_PREPOSITIONS: ReadonlySet<string> = cueList('place-prepositions');
export const NAME_PARTICLES: ReadonlySet<string> = cueList('name-particles');
export const HOLIDAYS: ReadonlySet<string> = cueList('holidays');
export const COMPASS: ReadonlySet<string> = cueList('compass');
export const ORG_POSSESSIONS: ReadonlySet<string> = cueList('org-possessions');
/** Words after a possessive that leave nothing owned: "became Macy's in 2006". */
export const POSSESSIVE_ALONE_NEXT: ReadonlySet<string> = cueList('possessive-alone-next');
export const ORG_FOLLOWERS: ReadonlySet<string> = cueList('org-followers');
export const BAND_MEMBERS: ReadonlySet<string> = cueList('band-members');
export const SPELLS: ReadonlySet<string> = cueList('spells');
export const ORG_BY: ReadonlySet<string> = cueList('org-by');
export const THING_ACRONYMS: ReadonlySet<string> = cueList('thing-acronyms');
export const TRAILING_ROLES: ReadonlySet<string> = cueList('trailing-roles');
export const GROUP_EVENTS: ReadonlySet<string> = cueList('group-events');
export const DETERMINERS: ReadonlySet<string> = cueList('determiners');
export const OF_WORDS: ReadonlySet<string> = cueList('of-words');
export const MATCH_VERBS: ReadonlySet<string> = cueList('match-verbs');
export const NUMBERED_HEADS: ReadonlySet<string> = cueList('numbered-heads');
export const CAPTION_WORDS: ReadonlySet<string> = cueList('caption-words');
export const TRAILING_FUNCTION_WORDS: ReadonlySet<string> = cueList('trailing-function-words');

/** Any last word of an organization's name: a company suffix, a public body or another head. */
export function isOrgHead(word: string): boolean {
  return COMPANY_SUFFIXES.has(word) || PUBLIC_BODIES.has(word) || ORG_HEADS.has(word);
}
