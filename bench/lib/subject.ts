/**
 * The article's subject by the gold names of an entity set (ner/): its most-mentioned gold name, whatever its
 * type (misc included: an album or a war is the subject of its article), normalized as the metric does; a tie
 * goes to the name mentioned first. The embed should show it among the first entities listed.
 */
import { normalizeName, type TypedName } from './nerMetric.js';
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

/** True when one of the first `k` entities is shown under the subject's name (the name shown, not an alias). */
export function subjectShown(entities: readonly Entity[], subject: string | undefined, k: number): boolean {
  return subject !== undefined && entities.slice(0, k).some((e) => normalizeName(e.name) === subject);
}
