/**
 * Wikigold documents prepared for the entity fit: each document's mentions found once through the user's
 * path (digestSource on the pasted text, then the entity step's first half), so that weights can be tried
 * by typing and ranking again without finding names anew.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../bench/lib/data.js';
import { documentMentions, entitiesFromMentions, type EntityOptions } from '../src/core/analyse/entities/index.js';
import type { Mention } from '../src/core/analyse/entities/mention.js';
import { useWeights } from '../src/core/analyse/entities/typing.js';
import type { FeatureName } from '../src/core/analyse/entities/features.js';
import { useVectorModel, type VectorModel } from '../src/core/analyse/entities/vectors.js';
import type { Entity } from '../src/core/types.js';
import { digestText } from '../bench/lib/userPath.js';
import { shownCounts } from '../bench/lib/subject.js';
import { documentSets, scoreNer, type TypedName } from '../bench/lib/nerMetric.js';

export interface NerDoc {
  id: string;
  text: string;
  entities: TypedName[];
}

/** One document ready to be typed: its gold names and its mentions. */
export interface PreparedDoc {
  id: string;
  gold: TypedName[];
  mentions: Mention[];
  title: string;
  sentences: string[];
  options: EntityOptions;
}

/** The Wikigold file under the evaluation data folder (`--data DIR`, else ../shared/data beside the project). */
export function wikigoldFile(args: string[]): string {
  return join(dataDir(args), 'ner', 'wikigold_docs.jsonl');
}

export function loadDocs(file: string): NerDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NerDoc);
}

/** Runs each document through digestSource and keeps what the entity step was given. */
export async function prepare(docs: NerDoc[]): Promise<PreparedDoc[]> {
  const out: PreparedDoc[] = [];
  for (const doc of docs) {
    const result = await digestText(doc.text);
    const d = result.digest;
    const sentences = d ? d.sentences.map((s) => s.text) : [];
    const options: EntityOptions = {};
    if (d?.article.lang) options.lang = d.article.lang;
    const mentions = d ? documentMentions(d.article.title, sentences, options) : [];
    out.push({ id: doc.id, gold: doc.entities, mentions, title: d?.article.title ?? '', sentences, options });
  }
  return out;
}

/** The figures a weight setting gets on some documents. */
export interface Figures {
  f1: number;
  orgF1: number;
  /** Typed precision of the first six entities listed ("other" left out), what the embed shows first. */
  firstSix: number;
}

const names = (entities: Entity[]): TypedName[] =>
  entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].map((text) => ({ text, type: e.type })));

/** Which vector model types a document's names (the fit gives half A's documents models that did not see them). */
export type VectorModelOf = (d: PreparedDoc) => VectorModel | undefined;

/** The entities of a document typed with the vector model `vectorModelOf` gives it (else the shipped one). */
export function entitiesOf(d: PreparedDoc, vectorModelOf?: VectorModelOf): Entity[] {
  const model = vectorModelOf?.(d);
  const restore = model ? useVectorModel(model) : undefined;
  try {
    return entitiesFromMentions(d.mentions, d.options);
  } finally {
    restore?.();
  }
}

/** Types and ranks the documents with `weights` and scores them against their gold names. */
export function evaluate(docs: PreparedDoc[], weights: Readonly<Record<FeatureName, number>>, vectorModelOf?: VectorModelOf): Figures {
  const restore = useWeights(weights);
  try {
    let right = 0;
    let shown = 0;
    const scored = docs.map((d) => {
      const entities = entitiesOf(d, vectorModelOf);
      const c = shownCounts(entities, documentSets(d.gold).typed, 6);
      right += c.right;
      shown += c.shown;
      return { gold: d.gold, predicted: names(entities) };
    });
    const s = scoreNer(scored);
    return { f1: s.typed.f1, orgF1: s.perType.organization.f1, firstSix: right / Math.max(1, shown) };
  } finally {
    restore();
  }
}

/** The documents with their mentions found again (after a cue list changed), from the same sentences. */
export function remention(docs: PreparedDoc[]): PreparedDoc[] {
  return docs.map((d) => ({ ...d, mentions: documentMentions(d.title, d.sentences, d.options) }));
}
