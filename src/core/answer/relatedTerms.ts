/**
 * English terms WordNet relates in their common senses (synonyms and derived forms: "invent" and
 * "invention"), built by scripts/build-related-words.ts. Loaded on first use; other languages have none.
 */
import { readFileSync } from 'node:fs';

const FILES: Record<string, URL> = {
  en: new URL('./data/related-terms.txt', import.meta.url),
};

const loaded = new Map<string, ReadonlyMap<string, readonly string[]>>();

/** Reads the file's lines, "term related related ...". */
export function parseRelatedTerms(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [term, ...related] = line.split(' ').filter(Boolean);
    if (term && related.length > 0) out.set(term, related);
  }
  return out;
}

/** The language's related terms, empty when it has none (or its file cannot be read). */
export function relatedTermsFor(lang: string | undefined): ReadonlyMap<string, readonly string[]> {
  const key = lang ?? '';
  let table = loaded.get(key);
  if (!table) {
    const file = FILES[key];
    try {
      table = file ? parseRelatedTerms(readFileSync(file, 'utf8')) : new Map();
    } catch {
      // A missing file: match exactly and by vectors only rather than fail every question.
      table = new Map();
    }
    loaded.set(key, table);
  }
  return table;
}
