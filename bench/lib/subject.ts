/**
 * The article's subject by the gold names of an entity set (ner/): its most-mentioned gold name, whatever its
 * type (misc included: an album or a war is the subject of its article), normalized as the metric does; a tie
 * goes to the name mentioned first. The embed should show it among the first entities listed.
 */
import { isContiguousPart, isScored, normalizeName, type TypedName } from './nerMetric.js';
import type { Entity } from '../../src/core/types.js';

/** The normalized most-mentioned gold name, or undefined when there is none. */
export function subjectName(gold: readonly TypedName[]): string | undefined {
  const counts = new Map<string, number>();
  for (const g of gold) {
    const name = normalizeName(g.text);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [name, n] of counts) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}

/**
 * True when a name shown is the subject's name or a fuller name that holds it: "Duane Bobick" shows the subject
 * of an article that calls him "Bobick" throughout, as the metric folds a short name into the longer one.
 */
export function showsSubject(shownName: string, subject: string | undefined): boolean {
  if (subject === undefined) return false;
  const shown = normalizeName(shownName);
  return shown === subject || isContiguousPart(subject.split(' '), shown.split(' '));
}

/** True when one of the first `k` entities shows the subject (by the name shown, not an alias). */
export function subjectShown(entities: readonly Entity[], subject: string | undefined, k: number): boolean {
  return entities.slice(0, k).some((e) => showsSubject(e.name, subject));
}

/**
 * The article's key names: its gold person, organization and place names, a short name's mentions counted
 * with the one longer name of its type that holds it ("Bobick" with "Duane Bobick"), the `k` most mentioned
 * (a tie to the name mentioned first), each mentioned at least twice. What a reader expects among the
 * first entities listed.
 */
export function keyNames(gold: readonly TypedName[], k = 3): string[] {
  const counts = new Map<string, { type: string; n: number; first: number }>();
  gold.forEach((g, i) => {
    if (!isScored(g.type)) return;
    const name = normalizeName(g.text);
    if (!name) return;
    const c = counts.get(name) ?? { type: g.type, n: 0, first: i };
    c.n++;
    counts.set(name, c);
  });
  const names = [...counts.keys()].sort((a, b) => a.split(' ').length - b.split(' ').length);
  for (const name of names) {
    const c = counts.get(name)!;
    const holders = names.filter((o) => counts.get(o)?.type === c.type && isContiguousPart(name.split(' '), o.split(' ')));
    if (holders.length !== 1) continue;
    counts.get(holders[0]!)!.n += c.n;
    counts.delete(name);
  }
  return [...counts.entries()]
    .filter(([, c]) => c.n >= 2)
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, k)
    .map(([name]) => name);
}

/** How many of `keys` the first `k` entities show (by the names shown). */
export function keysShown(entities: readonly Entity[], keys: readonly string[], k: number): number {
  const first = entities.slice(0, k);
  return keys.filter((key) => first.some((e) => showsSubject(e.name, key))).length;
}

/** How the first entities listed fare against a document's folded typed gold set ("type\tname"). */
export interface ShownCounts {
  /** Typed entities whose name shown, with its type, is a gold name. */
  right: number;
  /** Typed entities among them. */
  shown: number;
  /** Entities typed "other", left out as misc is in the metric. */
  other: number;
}

/** The counts of the first `k` entities, by the name shown (aliases are not shown). */
export function shownCounts(entities: readonly Entity[], goldTyped: ReadonlySet<string>, k: number): ShownCounts {
  const counts: ShownCounts = { right: 0, shown: 0, other: 0 };
  for (const e of entities.slice(0, k)) {
    if (e.type === 'other') {
      counts.other++;
      continue;
    }
    counts.shown++;
    if (goldTyped.has(`${e.type}\t${normalizeName(e.name)}`)) counts.right++;
  }
  return counts;
}
