/**
 * The document-level entity metric of shared/data/README.md (ner/):
 * per document, the distinct (normalized name, type) pairs of person/organization/place mentions;
 * a name whose tokens are a contiguous part of a longer name of the same type is folded into it;
 * micro precision/recall/F1 summed over documents, typed and untyped (names only).
 */

/** The three scored types; anything else (misc, other) is left out on both sides. */
export const SCORED_TYPES = ['person', 'organization', 'place'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

/** One mention (gold) or one predicted name with its type. */
export interface TypedName {
  text: string;
  type: string;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScores {
  typed: PRF;
  untyped: PRF;
  perType: Record<ScoredType, PRF>;
}

/** Document-level gold and prediction for one document. */
export interface NerDocument {
  gold: TypedName[];
  predicted: TypedName[];
}

const EDGE_PUNCT = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/** Lowercase, strip surrounding punctuation, drop a trailing possessive 's, collapse spaces. */
export function normalizeName(text: string): string {
  let s = text.toLowerCase().replace(/\s+/g, ' ').replace(EDGE_PUNCT, '');
  s = s.replace(/['’]s$/u, '').replace(EDGE_PUNCT, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** True for the three types the metric scores (person, organization, place). */
export function isScored(type: string): type is ScoredType {
  return (SCORED_TYPES as readonly string[]).includes(type);
}

/** True when `part`'s tokens are a contiguous run inside the longer `whole`'s tokens. */
export function isContiguousPart(part: string[], whole: string[]): boolean {
  if (part.length >= whole.length || part.length === 0) return false;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((t, j) => whole[i + j] === t)) return true;
  }
  return false;
}

/** Removes names that are a contiguous part of a longer name in the same group. */
function fold(names: Set<string>): Set<string> {
  const tokens = [...names].map((n) => ({ name: n, toks: n.split(' ') }));
  const kept = new Set<string>();
  for (const a of tokens) {
    if (!tokens.some((b) => isContiguousPart(a.toks, b.toks))) kept.add(a.name);
  }
  return kept;
}

/** The folded typed set ("type\tname") and the folded untyped name set of one document's names. */
export function documentSets(names: TypedName[]): { typed: Set<string>; untyped: Set<string> } {
  const byType = new Map<ScoredType, Set<string>>();
  const all = new Set<string>();
  for (const { text, type } of names) {
    if (!isScored(type)) continue;
    const n = normalizeName(text);
    if (!n) continue;
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set()));
    set.add(n);
    all.add(n);
  }
  const typed = new Set<string>();
  for (const [type, set] of byType) for (const n of fold(set)) typed.add(`${type}\t${n}`);
  return { typed, untyped: fold(all) };
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function addCounts(c: Counts, gold: Set<string>, pred: Set<string>, keep: (k: string) => boolean = () => true): void {
  for (const k of pred) {
    if (!keep(k)) continue;
    if (gold.has(k)) c.tp++;
    else c.fp++;
  }
  for (const k of gold) if (keep(k) && !pred.has(k)) c.fn++;
}

/** Micro-averaged typed, untyped and per-type scores over documents. */
export function scoreNer(docs: NerDocument[]): NerScores {
  const typed: Counts = { tp: 0, fp: 0, fn: 0 };
  const untyped: Counts = { tp: 0, fp: 0, fn: 0 };
  const per = Object.fromEntries(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredType, Counts>;
  for (const doc of docs) {
    const g = documentSets(doc.gold);
    const p = documentSets(doc.predicted);
    addCounts(typed, g.typed, p.typed);
    addCounts(untyped, g.untyped, p.untyped);
    for (const t of SCORED_TYPES) addCounts(per[t], g.typed, p.typed, (k) => k.startsWith(`${t}\t`));
  }
  const perType = Object.fromEntries(
    SCORED_TYPES.map((t) => [t, prf(per[t].tp, per[t].fp, per[t].fn)]),
  ) as Record<ScoredType, PRF>;
  return { typed: prf(typed.tp, typed.fp, typed.fn), untyped: prf(untyped.tp, untyped.fp, untyped.fn), perType };
}
