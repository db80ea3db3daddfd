/**
 * The lines every quality eval opens with, in one format: the data file read, how it is cut into the half the
 * weights were chosen on and the held-out half, and how many documents Skim refused.
 */
import type { UserPathResult } from './userPath.js';

/** How an eval cuts its documents in two: the names of the halves, the tuned one first, and who is in it. */
export interface Halves {
  names: [tuned: string, heldOut: string];
  /** True for a document index in the tuned half. */
  tuned: (index: number) => boolean;
}

/** The first half of `count` documents by position (the larger when odd) is the tuned one. */
export function firstHalf(count: number): Halves {
  const mid = Math.ceil(count / 2);
  return { names: [`first half (1-${mid})`, `second half (${mid + 1}-${count})`], tuned: (i) => i < mid };
}

/** Even positions (0, 2, 4...) are the tuned half. */
export const EVEN_ODD: Halves = { names: ['even half', 'odd half'], tuned: (i) => i % 2 === 0 };

/** "data: FILE (N documents)". */
export function dataLine(file: string, count: number, what: string): string {
  return `data: ${file} (${count} ${what})`;
}

/** "halves: ... tuned on ...; ... held out". */
export function halvesLine(halves: Halves, tunedWhat: string): string {
  return `halves: ${halves.names[0]} = ${tunedWhat} tuned on; ${halves.names[1]} = held out`;
}

/** Refusals by code, e.g. "NOT_AN_ARTICLE 3, BAD_INPUT 1", or "none". */
export function refusalCodes(results: readonly UserPathResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) if (r.refusal) counts.set(r.refusal, (counts.get(r.refusal) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([code, n]) => `${code} ${n}`).join(', ');
}

/** "refusals (scored as empty output): 3/250 (first half 1/125, second half 2/125); codes: NOT_AN_ARTICLE 3". */
export function refusalsLine(results: readonly UserPathResult[], halves: Halves, label = 'refusals'): string {
  const count = (keep: (i: number) => boolean): string =>
    `${results.filter((r, i) => keep(i) && r.refusal).length}/${results.filter((_, i) => keep(i)).length}`;
  return (
    `${label} (scored as empty output): ${count(() => true)} ` +
    `(${halves.names[0]} ${count(halves.tuned)}, ${halves.names[1]} ${count((i) => !halves.tuned(i))}); ` +
    `codes: ${refusalCodes(results)}`
  );
}
