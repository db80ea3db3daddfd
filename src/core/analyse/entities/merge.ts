import type { EntityType } from '../../types.js';
import type { Mention } from './mention.js';
import { countryCode, placeKind } from './gazetteer.js';
import { isAcronym } from './tokens.js';
import { MATCH_RESULTS, MATCH_VERBS } from './cues.js';
import { addScores, contextScores, decideType, groupScores, totalScores, vectorScores, type TypeScores } from './typing.js';

/** All mentions of one entity, its spellings and the evidence for its type. */
export interface Cluster {
  /** Normalised words of the fullest name. */
  words: string[];
  mentions: Mention[];
  /** Spelling as written -> how often. */
  variants: Map<string, number>;
  /** The cues' evidence for each type. */
  scores: TypeScores;
  /** The word vectors' evidence (typing.ts vectorScores), added to the cues' where the type is decided. */
  vector: TypeScores;
  type: EntityType;
}

const CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'da', 'di', 'du', 'del', 'van', 'von', 'der']);

/** Lower case, no full stops, no leading "the": "The U.S." and "U.S." share a key. */
function keyWords(m: Mention): string[] {
  const w = m.words.map((x) => x.toLowerCase().replace(/\./g, '')).filter((x) => x !== '');
  return w.length > 1 && w[0] === 'the' ? w.slice(1) : w;
}

function groupExact(mentions: Mention[], english: boolean): Cluster[] {
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = keyWords(m).join(' ');
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(m);
    else byKey.set(key, [m]);
  }
  return [...byKey.values()].map((ms) => {
    const variants = new Map<string, number>();
    for (const m of ms) variants.set(m.text, (variants.get(m.text) ?? 0) + 1);
    const scores = groupScores(ms, english);
    const vector = vectorScores(ms, english);
    const first = ms[0] as Mention;
    return { words: keyWords(first), mentions: ms, variants, scores, vector, type: decideType(totalScores(scores, vector), first.words) };
  });
}

function absorb(into: Cluster, from: Cluster, adoptType: boolean): void {
  into.mentions.push(...from.mentions);
  for (const [v, n] of from.variants) into.variants.set(v, (into.variants.get(v) ?? 0) + n);
  if (adoptType) return;
  addScores(into.scores, from.scores);
  addScores(into.vector, from.vector);
}

function isPart(part: string[], whole: string[]): 'first' | 'last' | 'inside' | undefined {
  if (part.length >= whole.length) return undefined;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((t, j) => whole[i + j] === t)) {
      if (i === 0) return 'first';
      return i + part.length === whole.length ? 'last' : 'inside';
    }
  }
  return undefined;
}

/** Initials of a name's capitalised words: "Air Defense Direction Centers" -> "addc". */
function initials(words: string[]): string {
  return words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0] ?? '').join('');
}

function acronymTarget(a: Cluster, clusters: Cluster[]): Cluster | undefined {
  const text = [...a.variants.keys()][0] ?? '';
  if (a.words.length !== 1 || !isAcronym(text)) return undefined;
  const expands = a.mentions.find((m) => m.expands)?.expands?.toLowerCase();
  if (expands) {
    const hit = clusters.find((c) => c !== a && [...c.variants.keys()].some((v) => v.toLowerCase() === expands));
    if (hit) return hit;
  }
  const letters = (a.words[0] ?? '').replace(/[^\p{L}]/gu, '');
  const core = /[a-z]s$/.test(text) ? letters.slice(0, -1) : letters;
  const hits = clusters.filter((c) => c !== a && c.words.length > 1 && initials(c.words) === core);
  return hits.length === 1 ? hits[0] : undefined;
}



/** "Dortmund beat Bayern", "a 2–1 win over Leeds", "lost to Everton", "drew with Hull": a town as a side in a match. */
export function isMatchSide(m: Mention): boolean {
  const [b1 = '', b0 = ''] = ['', '', ...m.before].slice(-2);
  const [a0 = '', a1 = ''] = m.after;
  if (MATCH_VERBS.has(b0) || MATCH_VERBS.has(a0) || b0 === 'vs' || b0 === 'v') return true;
  if ((b0 === 'over' || b0 === 'against') && MATCH_RESULTS.has(b1)) return true;
  if ((b0 === 'to' && (b1 === 'lost' || b1 === 'losing')) || (b0 === 'with' && (b1 === 'drew' || b1 === 'draw'))) return true;
  // "Leeds won 2-0", "Hull lost 1-0": a result with a score.
  return (a0 === 'won' || a0 === 'lost') && /^\d+[-–]\d+$/.test(a1);
}

/** Context alone says organization (a team: "Leicester fans", "played for Everton") more than place. */
function usedAsTeam(c: Cluster): boolean {
  const ctx = c.mentions.map(contextScores);
  const matches = c.mentions.filter(isMatchSide).length;
  const sum = (t: 'organization' | 'place'): number => ctx.reduce((a, x) => a + x[t], 0);
  const org = sum('organization') + 2 * matches;
  return org >= 2 && org > 2 * sum('place');
}

/** Context alone (not the name) says person more than place, and never organization. */
function usedAsPerson(c: Cluster): boolean {
  const ctx = c.mentions.map(contextScores);
  const sum = (t: 'person' | 'place'): number => ctx.reduce((a, x) => a + x[t], 0);
  return sum('person') > sum('place') && ctx.every((x) => x.organization === 0);
}

/** Where a short name ("Wilder", "Brookings") belongs: the one longer name it is part of, by type. */
function shortFormTarget(a: Cluster, clusters: Cluster[]): Cluster | undefined {
  if (a.words.length > 2) return undefined;
  // A place's name is a short form only of a person whose surname it is, and only where the text
  // uses it as a person's ("Jordan said", never "in Jordan").
  const place = placeKind(a.words.join(' ')) !== undefined;
  const asPerson = place && usedAsPerson(a);
  const asTeam = place && usedAsTeam(a);
  if (place && !asPerson && !asTeam) return undefined;
  const hits = clusters.filter((b) => {
    if (b === a || b.words.length <= a.words.length) return false;
    const where = isPart(a.words, b.words);
    // "Leicester" for "Leicester City" where the text speaks of the team ("Leicester fans").
    if (asTeam) return b.type === 'organization' && where === 'first';
    if (place) return b.type === 'person' && where === 'last';
    // A short form with its own evidence for another type ("the town of Zandvoort") stays apart
    // from a weakly typed longer name ("Circuit Zandvoort").
    const own = Math.max(a.scores.organization, a.scores.place, a.scores.other);
    if (own >= 2 && own > a.scores.person && b.scores[b.type] < own) return false;
    if (b.type === 'person') return where === 'first' || where === 'last';
    if (b.type === 'organization' && a.type !== 'place') {
      // "Red Sox" for "Boston Red Sox": a team or firm named after its home drops the place.
      const home = b.words.slice(0, b.words.length - a.words.length).join(' ');
      return where === 'first' || (where === 'last' && placeKind(home) !== undefined);
    }
    return false;
  });
  const best = hits.sort((x, y) => y.mentions.length - x.mentions.length)[0];
  if (!best) return undefined;
  // Several people share the surname: only the type is certain, so the short form stays apart here and
  // splitSharedSurnames gives each of its mentions to one of them.
  if (hits.length > 1 && hits.some((h) => h.type !== best.type || h.words.length === best.words.length)) {
    a.type = best.type;
    return undefined;
  }
  return best;
}

function mergeWhere(
  clusters: Cluster[],
  target: (c: Cluster, all: Cluster[]) => Cluster | undefined,
  retype = false,
): Cluster[] {
  const ordered = [...clusters].sort((x, y) => x.words.length - y.words.length);
  let live = clusters;
  for (const c of ordered) {
    const t = target(c, live);
    if (t && t !== c) {
      absorb(t, c, true);
      if (retype) retypeFromMentions(t);
      live = live.filter((x) => x !== c);
    }
  }
  return live;
}

/**
 * "the public company OASA (Organismos Astikon ...)", "titles with Steaua": what the text says around an
 * acronym or a short form types the name it stands for, so the merged entity is typed again from the
 * long name and every mention.
 */
function retypeFromMentions(c: Cluster): void {
  if (countryCode(c.words.join(' '))) return;
  const first = c.mentions[0] as Mention;
  c.scores = groupScores(c.mentions, true);
  c.vector = vectorScores(c.mentions, true);
  c.type = decideType(totalScores(c.scores, c.vector), first.words);
}

function mergeCountries(clusters: Cluster[]): Cluster[] {
  const byCode = new Map<string, Cluster>();
  const out: Cluster[] = [];
  for (const c of clusters) {
    const code = countryCode(c.words.join(' '));
    const head = code ? byCode.get(code) : undefined;
    if (head) {
      const keepNew = c.words.length > head.words.length;
      const [into, from] = keepNew ? [c, head] : [head, c];
      absorb(into, from, false);
      into.type = 'place';
      if (code) byCode.set(code, into);
      if (keepNew) out[out.indexOf(head)] = c;
    } else {
      if (code) {
        byCode.set(code, c);
        c.type = 'place';
      }
      out.push(c);
    }
  }
  return out;
}

/**
 * Groups mentions into entities: same spelling, country aliases ("U.S.", "United States"),
 * acronyms and their expansions, and short forms of longer names ("Wilder" -> "Dennis Wilder").
 */
export function clusterMentions(mentions: Mention[], english: boolean): Cluster[] {
  let clusters = groupExact(mentions, english);
  clusters = mergeCountries(clusters);
  clusters = mergeWhere(clusters, acronymTarget, english);
  clusters = mergeWhere(clusters, shortFormTarget, english);
  clusters = splitSharedSurnames(clusters);
  for (const c of clusters) if (isTownUsedAsTeam(c)) c.type = 'organization';
  typeFamilies(clusters);
  typeFromLists(clusters);
  reviseWeakFromLists(clusters);
  return clusters;
}

/** Text order of two mentions: sentence first (the title is -1), then place in the sentence. */
const textOrder = (x: Mention, y: Mention): number => x.sentence - y.sentence || x.span[0] - y.span[0];

/**
 * "Duane Bobick ... his brother Rodney Bobick ... Bobick won": a surname that several people of the text
 * share refers, each time it stands alone, to the one of them named last before it, or to the first named
 * when none is yet, as a reader takes it. Each mention joins that person, so the entity shown is the full
 * name rather than a surname of no one in particular.
 */
function splitSharedSurnames(clusters: Cluster[]): Cluster[] {
  const gone = new Set<Cluster>();
  // People of two words or more by their last word, so each lone surname looks only at its own people.
  const bySurname = new Map<string, Cluster[]>();
  for (const b of clusters) {
    if (b.type !== 'person' || b.words.length < 2) continue;
    const last = b.words[b.words.length - 1] ?? '';
    const list = bySurname.get(last);
    if (list) list.push(b);
    else bySurname.set(last, [b]);
  }
  for (const c of clusters) {
    if (c.type !== 'person' || c.words.length !== 1) continue;
    const people = bySurname.get(c.words[0] ?? '') ?? [];
    if (people.length < 2) continue;
    const named = people.flatMap((p) => p.mentions.map((m) => ({ m, p }))).sort((x, y) => textOrder(x.m, y.m));
    const first = named[0]?.p;
    if (!first) continue;
    // Both lists in text order: one walk finds, for each lone surname, the person named last before it.
    let next = 0;
    for (const m of [...c.mentions].sort(textOrder)) {
      while (next < named.length && textOrder((named[next] as { m: Mention }).m, m) < 0) next++;
      const owner = named[next - 1]?.p ?? first;
      owner.mentions.push(m);
      owner.variants.set(m.text, (owner.variants.get(m.text) ?? 0) + 1);
    }
    gone.add(c);
  }
  return clusters.filter((c) => !gone.has(c));
}

/**
 * "Tottenham beat Everton", "Everton fans": a town (not a country or region) that the text treats as a team,
 * or a place no list holds and no cue typed ("Chelsea", a place only to the word vectors).
 */
function isTownUsedAsTeam(c: Cluster): boolean {
  const kind = placeKind(c.words.join(' '));
  const town = kind === 'city' || kind === 'capital' || (kind === undefined && untyped(c));
  return town && c.type === 'place' && usedAsTeam(c);
}

/**
 * "the Gavers" where the text names David Gaver: a surname in the plural is the family, unless a cue typed it
 * (what the word vectors make of an unknown plural does not count against the text).
 */
function typeFamilies(clusters: Cluster[]): void {
  const surnames = new Set(clusters.filter((c) => c.type === 'person' && c.words.length > 1).map((c) => c.words[c.words.length - 1]));
  for (const c of clusters) {
    const w = c.words[0] ?? '';
    const open = c.type === 'other' || untyped(c);
    if (c.words.length === 1 && open && /s$/.test(w) && surnames.has(w.slice(0, -1))) c.type = 'person';
  }
}

/** The cluster each mention belongs to. */
function ownerOf(clusters: Cluster[]): Map<Mention, Cluster> {
  const owner = new Map<Mention, Cluster>();
  for (const c of clusters) for (const m of c.mentions) owner.set(m, c);
  return owner;
}

/** True when no cue typed the cluster. */
const untyped = (c: Cluster): boolean => Math.max(c.scores.person, c.scores.organization, c.scores.place) < 1;

/**
 * Names listed together share a type ("from Bridgeton and Salem, New Jersey"): an untyped name
 * takes the type of the typed names it is listed with, unless the word vectors typed it (a guitarist listed
 * with bands stays a person).
 */
function typeFromLists(clusters: Cluster[]): void {
  const owner = ownerOf(clusters);
  const votes = new Map<Cluster, Map<EntityType, number>>();
  const vote = (c: Cluster | undefined, t: EntityType): void => {
    if (!c || t === 'other') return;
    const v = votes.get(c) ?? new Map<EntityType, number>();
    v.set(t, (v.get(t) ?? 0) + 1);
    votes.set(c, v);
  };
  const typed = new Set(clusters.filter((c) => !untyped(c)));
  // A few rounds carry a type along a list: "Basque Provinces, Bearn, Gascony and Brittany".
  for (let round = 0; round < 3; round++) {
    votes.clear();
    for (const [m, c] of owner) {
      const other = m.coordinated ? owner.get(m.coordinated) : undefined;
      if (!other || other === c) continue;
      if (typed.has(other)) vote(c, other.type);
      if (typed.has(c)) vote(other, c.type);
    }
    let changed = false;
    for (const [c, v] of votes) {
      const best = [...v.entries()].sort((a, b) => b[1] - a[1])[0];
      if (best && c.scores.other < 1 && !typed.has(c) && !typedByVectors(c)) {
        c.type = best[0];
        typed.add(c);
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** The cues and the word vectors together reach the cluster's type, where no cue alone does ("Dewa Budjana" a person). */
const typedByVectors = (c: Cluster): boolean => {
  const s = totalScores(c.scores, c.vector);
  return c.type !== 'other' && s[c.type] >= 1;
};

/** Below this, a type rests on the name's shape alone. */
const WEAK = 2;

const strength = (c: Cluster): number => Math.max(c.scores.person, c.scores.organization, c.scores.place);

/**
 * "Orgy, Velvet Revolver, and Linkin Park": a name typed only by its shape takes the type that at
 * least two firmly typed names listed with it share.
 */
function reviseWeakFromLists(clusters: Cluster[]): void {
  const owner = ownerOf(clusters);
  const votes = new Map<Cluster, Map<EntityType, number>>();
  const vote = (c: Cluster, from: Cluster): void => {
    if (from.type === 'other' || strength(from) < WEAK || strength(c) >= WEAK) return;
    const v = votes.get(c) ?? new Map<EntityType, number>();
    v.set(from.type, (v.get(from.type) ?? 0) + 1);
    votes.set(c, v);
  };
  for (const [m, c] of owner) {
    const other = m.coordinated ? owner.get(m.coordinated) : undefined;
    if (!other || other === c) continue;
    vote(c, other);
    vote(other, c);
  }
  for (const [c, v] of votes) {
    const [type, n] = [...v.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['other', 0];
    if (n >= 2 && v.size === 1 && c.scores.other < 1) c.type = type;
  }
}
