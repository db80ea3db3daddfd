import { createRequire } from 'node:module';
import { COMPASS, PLACE_FIRST, PLACE_HEADS, TITLES, isOrgHead } from './cues.js';

const require = createRequire(import.meta.url);

/** What kind of place a gazetteer name is, most certain first. */
export type PlaceKind = 'country' | 'continent' | 'state' | 'region' | 'capital' | 'city';

interface PlacesFile {
  countries: Record<string, string[]>;
  continents: string[];
  states: string[];
  capitals: string[];
  cities: string[];
  regions: string[];
  towns: string[];
  nations: string[];
}

interface OrgsFile {
  names: string[];
  companies: string[];
}

interface Gazetteer {
  places: Map<string, PlaceKind>;
  countryOf: Map<string, string>;
  firstNames: Set<string>;
  surnames: Set<string>;
  orgs: Set<string>;
  companies: Set<string>;
}

let gazetteer: Gazetteer | undefined;

/** The lookup key of a name: no accents, lower case, no full stops, single spaces ("U.S." -> "us"). */
export function gazetteerKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  // Names repeat within and across articles; the cache is dropped whole when it grows large.
  if (keyCache.size > 50_000) keyCache.clear();
  const key = computeKey(name);
  keyCache.set(name, key);
  return key;
}

const keyCache = new Map<string, string>();

function computeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const file = require('./data/places.json') as PlacesFile;
  const places = new Map<string, PlaceKind>();
  const countryOf = new Map<string, string>();
  const add = (name: string, kind: PlaceKind): void => {
    const key = gazetteerKey(name);
    if (key && !places.has(key)) places.set(key, kind);
  };
  for (const [code, names] of Object.entries(file.countries)) {
    for (const n of names) {
      add(n, 'country');
      countryOf.set(gazetteerKey(n), code);
    }
  }
  for (const n of file.continents) add(n, 'continent');
  for (const n of file.states) add(n, 'state');
  for (const n of file.regions) add(n, 'region');
  for (const n of file.nations) add(n, 'region');
  for (const n of file.capitals) add(n, 'capital');
  for (const n of file.cities) add(n, 'city');
  for (const n of file.towns) add(n, 'city');
  const names = require('./data/first-names.json') as string[];
  const firstNames = new Set(names.map((n) => n.toLowerCase()));
  const surnames = new Set((require('./data/surnames.json') as string[]).map(gazetteerKey));
  const orgFile = require('./data/orgs.json') as OrgsFile;
  const orgs = new Set(orgFile.names.map(orgKey));
  const companies = new Set(orgFile.companies.map(gazetteerKey));
  gazetteer = { places, countryOf, firstNames, surnames, orgs, companies };
  return gazetteer;
}

/** The kind of place this name is in the shipped gazetteer, if any. */
export function placeKind(name: string): PlaceKind | undefined {
  return load().places.get(gazetteerKey(name));
}

/** ISO 3166 code when the name is a country or one of its aliases ("U.S.", "USA", "United States" -> US). */
export function countryCode(name: string): string | undefined {
  return load().countryOf.get(gazetteerKey(name));
}

/** True for a common given name (English-speaking countries). */
export function isFirstName(word: string): boolean {
  const key = word.toLowerCase();
  // The list has words that are far more often something else ("West", "Major", "Park", "King").
  if (COMPASS.has(key) || isOrgHead(key) || PLACE_FIRST.has(key) || PLACE_HEADS.has(key) || TITLES.has(key)) return false;
  const names = load().firstNames;
  // "Cédric", "José": the list spells most names without accents.
  return names.has(key) || names.has(gazetteerKey(word));
}

/** Organization names are looked up without apostrophes and hyphens ("McDonald's", "Coca-Cola"). */
const orgKey = (name: string): string => gazetteerKey(name).replace(/['’]/g, '').replace(/-/g, ' ');

/** True for a common surname ("Anderson", "Chen"). */
export function isSurname(word: string): boolean {
  return load().surnames.has(gazetteerKey(word));
}

/**
 * How the organization lists know a name: 'known' for a well-known organization or team
 * ("General Motors", "Boston Red Sox"), 'company' for a single word that names a company ("Aldi").
 */
export function orgKind(name: string): 'known' | 'company' | undefined {
  const g = load();
  // Possessives are split off the name, so "McDonald" is looked up as "McDonald's" too.
  if (g.orgs.has(orgKey(name)) || g.orgs.has(`${orgKey(name)}s`)) return 'known';
  const key = gazetteerKey(name);
  return g.companies.has(key) || g.companies.has(`${key}'s`) ? 'company' : undefined;
}
