import type { EntityType } from '../../types.js';
import type { Mention } from './mention.js';
import { FEATURES, VECTOR_FEATURES, contextFeatures, nameFeatures, type FeatureName, type Hits } from './features.js';
import { vectorEvidence } from './vectors.js';
import { WEIGHTS } from './weights.js';
import { isCommonWord } from './tagger.js';
import { NAME_PARTICLES } from './cues.js';
import { placeKind } from './gazetteer.js';

/** Evidence for each type; the largest wins when it is strong enough. */
export type TypeScores = Record<EntityType, number>;

const TYPES = ['person', 'organization', 'place', 'other'] as const;

export const emptyScores = (): TypeScores => ({ person: 0, organization: 0, place: 0, other: 0 });

let active: Readonly<Record<FeatureName, number>> = WEIGHTS;

/**
 * Types with other weights until the returned function is called (the fit script tries weights; the
 * ablation test switches features off). Not for concurrent use: typing is synchronous.
 */
export function useWeights(weights: Readonly<Record<FeatureName, number>>): () => void {
  const before = active;
  active = weights;
  return () => {
    active = before;
  };
}

/** The weighted votes of the features that fired. */
function scoresOf(hits: Hits): TypeScores {
  const s = emptyScores();
  for (const f of hits) s[FEATURES[f]] += active[f];
  return s;
}

/** Evidence from the name itself: its words, the gazetteers, its shape. */
export function nameScores(words: string[], text: string, english: boolean): TypeScores {
  return scoresOf(nameFeatures(words, text, english));
}

/** Evidence from one mention's surroundings: titles, roles, descriptors, prepositions, appositions. */
export function contextScores(m: Mention): TypeScores {
  return scoresOf(contextFeatures(m));
}

/** Adds `b` into `a`, scaled. */
export function addScores(a: TypeScores, b: TypeScores, scale = 1): void {
  a.person += b.person * scale;
  a.organization += b.organization * scale;
  a.place += b.place * scale;
  a.other += b.other * scale;
}

/** Evidence for a group of mentions of one name: the name once, contexts summed with diminishing weight. */
export function groupScores(mentions: Mention[], english: boolean): TypeScores {
  const first = mentions[0] as Mention;
  const s = nameScores(first.words, first.text, english);
  // The strongest context counts in full and the others a little, so many mentions do not dilute it.
  const all = mentions.map(contextScores);
  for (const t of TYPES) {
    const v = all.map((c) => c[t]);
    const max = Math.max(...v);
    s[t] += max + 0.25 * (v.reduce((a, b) => a + b, 0) - max);
  }
  return s;
}

/**
 * What the word vectors say of a group of mentions: each type's probability times its feature's weight (zero
 * for languages without vectors). Kept apart from the cues' scores, whose scale the merge rules read, and
 * added to them where a type is decided.
 */
export function vectorScores(mentions: Mention[], english: boolean): TypeScores {
  const s = emptyScores();
  const p = english ? vectorEvidence(mentions) : undefined;
  if (p) for (const t of TYPES) s[t] = active[VECTOR_FEATURES[t]] * (p[t] ?? 0);
  return s;
}

/** The cues' scores and the vectors' together: what a type is decided on. */
export function totalScores(scores: TypeScores, vector: TypeScores): TypeScores {
  const s = { ...scores };
  addScores(s, vector);
  return s;
}

/** The winning type, or a fallback from the name's shape when no cue is strong enough. */
export function decideType(s: TypeScores, words: string[]): EntityType {
  let best: EntityType = 'other';
  let bestScore = 0;
  for (const t of TYPES) {
    if (s[t] > bestScore) {
      best = t;
      bestScore = s[t];
    }
  }
  if (bestScore >= 1) return best;
  // "Lucyna Kuziel-Zawalich", "Peter O'Toole": hyphens and apostrophes join capitalised parts.
  // "Cédric Van Styvendael", "Ursula von der Leyen": particles inside a name are no ordinary words.
  const inner = (w: string, i: number): boolean => i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w.toLowerCase());
  const personShaped = words.every((w, i) =>
    inner(w, i) || (/^(?=.*\p{Ll})\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(w) && !isCommonWord(w)));
  // "Métropole de Lyon": a particle before a place's name makes an "of", not a surname.
  const ofPlace = words.some(inner) && placeKind(words[words.length - 1] ?? '') !== undefined;
  // "Henri Honoré d'Estienne d'Orves": particles do not count towards a person's name length.
  const length = words.filter((w, i) => !inner(w, i)).length;
  if (length >= 2 && length <= 4 && personShaped && !ofPlace) return 'person';
  return 'other';
}
