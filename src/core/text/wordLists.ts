import { readFileSync } from 'node:fs';

/**
 * Reads a word list of text/data/: lines "kind: entry, entry, ..." ('#' starts a comment line), an entry being
 * a word or a phrase ("et al"). Returns each kind's entries; a kind may take several lines.
 */
export function readKindedList(file: string): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`${file}: a line without a kind: ${line}`);
    const kind = line.slice(0, colon).trim();
    const entries = kinds.get(kind) ?? new Set<string>();
    for (const entry of line.slice(colon + 1).split(',')) if (entry.trim() !== '') entries.add(entry.trim());
    kinds.set(kind, entries);
  }
  return kinds;
}

/** One kind's entries; throws on a kind the file lacks, so a typo cannot silently empty a list. */
export function kindOf(kinds: ReadonlyMap<string, Set<string>>, kind: string): Set<string> {
  const entries = kinds.get(kind);
  if (!entries) throw new Error(`no word list kind ${kind}`);
  return entries;
}
