import type { Entity } from '../../types.js';
import type { Cluster } from './merge.js';
import { isCommonWord } from './tagger.js';
import { isDemonym } from './demonym.js';

export interface RankContext {
  /** Sentence count, for the position bonus. */
  sentenceCount: number;
  /** Sentence indices in the summary. */
  summary: ReadonlySet<number>;
}

/** Salience: mentions, an early first mention, presence in the title and the summary. */
function salience(c: Cluster, ctx: RankContext): number {
  const sentences = c.mentions.map((m) => m.sentence);
  const first = Math.min(...sentences);
  const early = first < 0 ? 1 : 1 - first / Math.max(1, ctx.sentenceCount);
  const inTitle = sentences.some((s) => s < 0) ? 1.5 : 0;
  const inSummary = sentences.some((s) => ctx.summary.has(s)) ? 1.5 : 0;
  // Unresolved names are shown after typed ones of equal weight.
  const typed = c.type === 'other' ? 0 : 0.5;
  const score = c.mentions.length + early + inTitle + inSummary + typed;
  return vague(c) ? score / 3 : score;
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

/** The spelling to show: the most frequent among the fullest (most words) spellings. */
function displayName(c: Cluster): string {
  const variants = [...c.variants.entries()];
  // A leading "The" is no part of the name's length: "TSA" and "The TSA" are as full as each other.
  const words = (v: string): number => v.replace(/^the\s+/i, '').split(/\s+/).length;
  variants.sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]));
  return (variants[0] as [string, number])[0];
}

/** Turns clusters into entities, most salient first. */
export function rankClusters(clusters: Cluster[], ctx: RankContext): Entity[] {
  const scored = clusters.map((c) => ({ c, score: salience(c, ctx) }));
  scored.sort((a, b) => b.score - a.score);
  return scored.map(({ c }) => {
    const name = displayName(c);
    const aliases = [...c.variants.keys()].filter((v) => v !== name);
    const entity: Entity = { name, type: c.type, mentions: c.mentions.length };
    if (aliases.length) entity.aliases = aliases;
    return entity;
  });
}
