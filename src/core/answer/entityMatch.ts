import type { Entity } from '../types.js';
import { casedWords } from './terms.js';

/** One spelling of an entity as words, to look for in a text. */
interface Spelling {
  entity: number;
  words: string[];
}

/** An entity found in a text. */
export interface EntityHit {
  /** Index into the digest's entities. */
  entity: number;
  /** Word offset of the match and its length in words. */
  start: number;
  length: number;
}

/** Finds the article's entities, by any of their spellings, in texts. */
export interface EntityMatcher {
  /** Every spelling of every entity found in the words, longest first at each position. */
  find(words: readonly string[], options?: { ignoreCase?: boolean }): EntityHit[];
}

/**
 * Builds a matcher over entity names and aliases, keyed by their first word, so a text is scanned once
 * whatever the number of entities. Matching is case-sensitive by default: capitals tell names from words.
 */
export function entityMatcher(entities: readonly Entity[]): EntityMatcher {
  const byFirst = new Map<string, Spelling[]>();
  const byFirstLower = new Map<string, Spelling[]>();
  entities.forEach((e, entity) => {
    for (const name of [e.name, ...(e.aliases ?? [])]) {
      const words = casedWords(name);
      if (words.length === 0) continue;
      add(byFirst, words[0]!, { entity, words });
      add(byFirstLower, words[0]!.toLowerCase(), { entity, words: words.map((w) => w.toLowerCase()) });
    }
  });
  for (const list of [...byFirst.values(), ...byFirstLower.values()]) list.sort((a, b) => b.words.length - a.words.length);
  return {
    find(words, options = {}) {
      const text = options.ignoreCase ? words.map((w) => w.toLowerCase()) : words;
      const index = options.ignoreCase ? byFirstLower : byFirst;
      const hits: EntityHit[] = [];
      for (let i = 0; i < text.length; i++) {
        for (const s of index.get(text[i]!) ?? []) {
          if (s.words.every((w, j) => text[i + j] === w)) hits.push({ entity: s.entity, start: i, length: s.words.length });
        }
      }
      return hits;
    },
  };
}

function add(map: Map<string, Spelling[]>, key: string, spelling: Spelling): void {
  const list = map.get(key);
  if (list) list.push(spelling);
  else map.set(key, [spelling]);
}
