import type { Entity } from '../../types.js';
import type { Cluster } from './merge.js';
import { isCommonWord } from './tagger.js';
import { totalScores } from './typing.js';
import { softmax } from './vectors.js';
import { isDemonym } from './demonym.js';
import { BLEND, LEAD, RIGHT_WEIGHTS, SUBJECT_WEIGHTS } from './salienceWeights.js';

/** The named features of an entity that order the list. */
export const SALIENCE_FEATURES = [
  /** How many times the entity is mentioned. */
  'mentions',
  /** Mentioned in the title. */
  'inTitle',
  /** An untyped nationality, ordinary word or name of one or two letters ("Chinese", "Palace", "TV"). */
  'vague',
  /** The typing model's probability of the entity's type (0 when untyped). */
  'typeConfidence',
  /** The name is a part of another entity's longer name ("Bobick" beside "Duane Bobick"). */
  'shortForm',
] as const;

export type SalienceFeature = (typeof SALIENCE_FEATURES)[number];
export type SalienceWeights = Readonly<Record<SalienceFeature, number>>;

/**
 * What orders the list: the subject's weights, the weights of being right, how many subjects lead, and how much
 * being right counts against importance for the others.
 */
export interface SalienceModel {
  /** Weights of a linear score of how likely the entity is the article's subject. */
  subject: SalienceWeights;
  /** Weights of a linear score of how likely the entity's name and type are right. */
  right: SalienceWeights;
  /** The entities with the highest subject scores that open the list; the others follow by the right score. */
  lead: number;
  /**
   * The others follow by their subject score plus `blend` times their right score: importance (how much the
   * article speaks of them) and confidence (how likely their name and type are right) both.
   */
  blend: number;
}

let active: SalienceModel = { subject: SUBJECT_WEIGHTS, right: RIGHT_WEIGHTS, lead: LEAD, blend: BLEND };

/**
 * Ranks with another model until the returned function is called (the fit script tries weights; the
 * ablation test switches features off). Not for concurrent use: ranking is synchronous.
 */
export function useSalienceModel(model: SalienceModel): () => void {
  const before = active;
  active = model;
  return () => {
    active = before;
  };
}

/**
 * "Chinese", "Palace", "TV": a nationality, or one ordinary word left untyped, says little about the
 * article as a key entity.
 */
function vague(c: Cluster): boolean {
  if (c.type !== 'other' || c.words.length > 1) return false;
  const spelling = ([...c.variants.keys()][0] ?? '').replace(/^the\s+/i, '');
  // "the Frenchman", "Englishmen": a nationality as a noun.
  const national = /^(\p{Lu}\p{Ll}+?)(?:man|men|woman|women)$/u.exec(spelling);
  return isDemonym(spelling, true) || isCommonWord(spelling) || spelling.length <= 2 ||
    (national !== null && isDemonym(national[1] ?? '', true));
}

/** Words of a spelling, a leading "The" left out: "TSA" and "The TSA" are as full as each other. */
const nameWords = (v: string): number => v.replace(/^the\s+/i, '').split(/\s+/).length;

/** The spelling to show: the most frequent among the fullest (most words) spellings. */
function displayName(c: Cluster): string {
  const variants = [...c.variants.entries()];
  variants.sort((a, b) => nameWords(b[0]) - nameWords(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]));
  return (variants[0] as [string, number])[0];
}

/**
 * The names of the document that stand inside a longer name of it: "bobick" inside "duane bobick". Each word
 * indexes where it stands in the names, so a name is compared only where its first word stands, and a heading
 * of a thousand capitalised words costs no more than its words.
 */
function partsOfNames(clusters: readonly Cluster[]): Set<Cluster> {
  const where = new Map<string, Array<[string[], number]>>();
  for (const { words } of clusters) {
    words.forEach((w, i) => {
      const list = where.get(w);
      if (list) list.push([words, i]);
      else where.set(w, [[words, i]]);
    });
  }
  const inside = (part: string[], whole: string[], at: number): boolean =>
    whole.length > part.length && at + part.length <= whole.length && part.every((w, k) => whole[at + k] === w);
  return new Set(clusters.filter((c) => (where.get(c.words[0] ?? '') ?? []).some(([whole, at]) => inside(c.words, whole, at))));
}

/**
 * How sure the typing is of a typed entity's type: the typing model's probability of it, a softmax over the
 * cues' and vectors' scores with "other" given its constant 1 (as training/entityModel.ts fits them); 0 for
 * "other". A probability rather than a margin, so that being sure of a type, on a scale the vectors widened,
 * cannot outweigh how much the article speaks of a name.
 */
function typeConfidence(c: Cluster): number {
  if (c.type === 'other') return 0;
  const s = totalScores(c.scores, c.vector);
  const p = softmax([s.person, s.organization, s.place, s.other + 1]);
  return p[(['person', 'organization', 'place'] as const).indexOf(c.type)] ?? 0;
}

/** One entity to rank: its cluster, the name shown and its feature values. */
export interface SalienceRow {
  cluster: Cluster;
  name: string;
  features: Record<SalienceFeature, number>;
}

/** The features of every cluster of a document (a short form is judged against the document's other names). */
export function salienceRows(clusters: readonly Cluster[]): SalienceRow[] {
  const parts = partsOfNames(clusters);
  return clusters.map((c) => {
    const name = displayName(c);
    const features: Record<SalienceFeature, number> = {
      mentions: c.mentions.length,
      inTitle: c.mentions.some((m) => m.sentence < 0) ? 1 : 0,
      vague: vague(c) ? 1 : 0,
      typeConfidence: typeConfidence(c),
      shortForm: parts.has(c) ? 1 : 0,
    };
    return { cluster: c, name, features };
  });
}

/** The weighted sum of a row's features. */
export function linearScore(features: Readonly<Record<SalienceFeature, number>>, weights: SalienceWeights): number {
  let z = 0;
  for (const f of SALIENCE_FEATURES) z += weights[f] * features[f];
  return z;
}

/**
 * The order of the rows: the `lead` likeliest subjects of the article first (the likeliest first), then the
 * others by their subject score plus `blend` times their right score. Ties keep the document's order.
 */
export function orderRows<T extends { features: Record<SalienceFeature, number> }>(rows: readonly T[], model: SalienceModel = active): T[] {
  const scored = rows.map((row, i) => {
    const subject = linearScore(row.features, model.subject);
    return { row, i, subject, rest: subject + model.blend * linearScore(row.features, model.right) };
  });
  const bySubject = [...scored].sort((a, b) => b.subject - a.subject || a.i - b.i);
  const lead = bySubject.slice(0, Math.max(0, model.lead));
  const rest = bySubject.slice(lead.length).sort((a, b) => b.rest - a.rest || b.subject - a.subject || a.i - b.i);
  return [...lead, ...rest].map((s) => s.row);
}

/** Turns clusters into entities, most salient first. */
export function rankClusters(clusters: Cluster[]): Entity[] {
  return orderRows(salienceRows(clusters)).map(({ cluster: c, name }) => {
    const aliases = [...c.variants.keys()].filter((v) => v !== name);
    const entity: Entity = { name, type: c.type, mentions: c.mentions.length };
    if (aliases.length) entity.aliases = aliases;
    return entity;
  });
}
