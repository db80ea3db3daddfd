/**
 * Vectors addressed by name: a layout says where each name sits, and fitted weights, stored by name, are put
 * in that order. Reordering a name list then moves values and weights together, and a weights file that
 * lacks a name or holds one the code does not know fails at once instead of scoring with the wrong weights.
 */

/** Where each name sits in a vector laid out in `names` order. */
export interface Layout<N extends string> {
  readonly names: readonly N[];
  readonly at: Readonly<Record<N, number>>;
}

/**
 * The layout of `names`, which must be `known` in any order.
 * @throws Error naming what is missing, unknown or repeated.
 */
export function layoutOf<N extends string>(known: readonly N[], names: readonly string[], what: string): Layout<N> {
  mustMatch(known, names, what);
  const at = Object.fromEntries(names.map((name, i) => [name, i])) as Record<N, number>;
  return { names: names as readonly N[], at };
}

/**
 * The weights stored by name, as a vector in the layout's order.
 * @throws Error when `weights` lacks a name of the layout or holds one it does not have.
 */
export function weightVector<N extends string>(layout: Layout<N>, weights: Readonly<Record<string, number>>, what: string): Float64Array {
  mustMatch(layout.names, Object.keys(weights), what);
  return Float64Array.from(layout.names, (name) => weights[name]!);
}

/** The weights of a fitted vector, by name. */
export function weightsByName<N extends string>(layout: Layout<N>, vector: ArrayLike<number>, round: (v: number) => number): Record<N, number> {
  if (vector.length !== layout.names.length) throw new Error(`${layout.names.length} weights expected, got ${vector.length}`);
  return Object.fromEntries(layout.names.map((name, i) => [name, round(vector[i]!)])) as Record<N, number>;
}

function mustMatch(known: readonly string[], names: readonly string[], what: string): void {
  const expected = new Set(known);
  const seen = new Set<string>();
  const repeated = names.filter((n) => seen.has(n) || !seen.add(n));
  const unknown = names.filter((n) => !expected.has(n));
  const missing = known.filter((n) => !seen.has(n));
  if (repeated.length + unknown.length + missing.length === 0) return;
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
    repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
  ];
  throw new Error(`${what}: names do not match the features (${parts.filter(Boolean).join('; ')})`);
}
