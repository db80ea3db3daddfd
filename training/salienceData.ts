/**
 * Wikigold documents prepared for the salience fit (training/salience.ts): each document's entities as the
 * ranker sees them (the clusters of the entity step, typed with the current typing weights) with their salience
 * features and two labels: right (typed, and the name shown with its type is a gold name) and subject (the name
 * shown is the document's most-mentioned gold name or a fuller name holding it, bench/lib/subject.ts).
 */
import { clusterMentions } from '../src/core/analyse/entities/merge.js';
import { entitiesFromMentions } from '../src/core/analyse/entities/index.js';
import { orderRows, salienceRows, useSalienceModel, type SalienceFeature, type SalienceModel } from '../src/core/analyse/entities/rank.js';
import { documentSets, normalizeName } from '../bench/lib/nerMetric.js';
import { keyNames, keysShown, showsSubject, shownCounts, subjectName, subjectShown } from '../bench/lib/subject.js';
import type { PreparedDoc } from './entityData.js';

/** One entity of a document: its features and labels. */
export interface SalienceItem {
  features: Record<SalienceFeature, number>;
  typed: boolean;
  right: boolean;
  subject: boolean;
  /** Which of the document's key names (bench/lib/subject.ts) the name shown shows, by index. */
  keys: number[];
}

export interface SalienceDoc {
  id: string;
  items: SalienceItem[];
  /** How many key names the document has. */
  keyCount: number;
}

/** The first entities listed, as the eval scores them. */
export const SHOWN = 6;

/** Each document's entities with their features and labels. */
export function salienceDocs(docs: readonly PreparedDoc[]): SalienceDoc[] {
  return docs.map((d) => {
    const clusters = clusterMentions(d.mentions, (d.options.lang ?? 'en') === 'en');
    const rows = salienceRows(clusters);
    const gold = documentSets(d.gold).typed;
    const subject = subjectName(d.gold);
    const keys = keyNames(d.gold);
    const items = rows.map(({ cluster, name, features }) => {
      const typed = cluster.type !== 'other';
      const key = normalizeName(name);
      const shows = keys.flatMap((k, i) => (showsSubject(name, k) ? [i] : []));
      return { features, typed, right: typed && gold.has(`${cluster.type}\t${key}`), subject: showsSubject(name, subject), keys: shows };
    });
    return { id: d.id, items, keyCount: keys.length };
  });
}

/** What an ordering gets on some documents. */
export interface SalienceFigures {
  /** Typed precision of the first six listed, "other" left out as the eval does. */
  firstSix: number;
  right: number;
  shown: number;
  /** Entities typed "other" among the first six. */
  other: number;
  /** Documents whose most-mentioned gold name is the name of one of the first six. */
  subject: number;
  docs: number;
  /** Key names (up to three a document) shown among the first six, and how many there are. */
  keysShown: number;
  keys: number;
}

/**
 * The objective of the fit: first-six precision, plus the share of documents that keep their subject in the first
 * six, plus the share of key names shown there: right names, and the ones the article is about.
 */
export const objective = (f: SalienceFigures): number => f.firstSix + f.subject / Math.max(1, f.docs) + f.keysShown / Math.max(1, f.keys);

export const fmtFigures = (f: SalienceFigures): string =>
  `first six ${f.firstSix.toFixed(3)} (${f.right}/${f.shown}, +${f.other} other), subject in first six ${f.subject}/${f.docs}, ` +
  `key names in first six ${f.keysShown}/${f.keys}`;

/** The figures of `model` on the documents, from their cached features. */
export function figures(docs: readonly SalienceDoc[], model: SalienceModel): SalienceFigures {
  const f: SalienceFigures = { firstSix: 0, right: 0, shown: 0, other: 0, subject: 0, docs: docs.length, keysShown: 0, keys: 0 };
  for (const d of docs) {
    const first = orderRows(d.items, model).slice(0, SHOWN);
    f.keys += d.keyCount;
    f.keysShown += new Set(first.flatMap((it) => it.keys)).size;
    for (const it of first) {
      if (!it.typed) f.other++;
      else {
        f.shown++;
        if (it.right) f.right++;
      }
    }
    if (first.some((it) => it.subject)) f.subject++;
  }
  f.firstSix = f.right / Math.max(1, f.shown);
  return f;
}

/** The same figures through the entity step itself (entitiesFromMentions), to check the cached features against it. */
export function pipelineFigures(docs: readonly PreparedDoc[], model: SalienceModel): SalienceFigures {
  const restore = useSalienceModel(model);
  try {
    const f: SalienceFigures = { firstSix: 0, right: 0, shown: 0, other: 0, subject: 0, docs: docs.length, keysShown: 0, keys: 0 };
    for (const d of docs) {
      const first = entitiesFromMentions(d.mentions, d.options).slice(0, SHOWN);
      const keys = keyNames(d.gold);
      f.keys += keys.length;
      f.keysShown += keysShown(first, keys, SHOWN);
      const c = shownCounts(first, documentSets(d.gold).typed, SHOWN);
      f.right += c.right;
      f.shown += c.shown;
      f.other += c.other;
      if (subjectShown(first, subjectName(d.gold), SHOWN)) f.subject++;
    }
    f.firstSix = f.right / Math.max(1, f.shown);
    return f;
  } finally {
    restore();
  }
}
