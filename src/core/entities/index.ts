import type { Entity } from '../types.js';
import { normalizeLangTag, stopwordsFor } from '../lang.js';
import { findMentions, type LanguageModel } from './candidates.js';
import { clusterMentions, type Cluster } from './merge.js';
import { rankClusters } from './rank.js';

export interface EntityOptions {
  /** Indices (into `sentences`) of the summary's sentences: entities there rank higher. */
  summaryIndices?: number[];
  /** ISO 639-1 language of the article; English gets the tagger and the English cues. */
  lang?: string;
}

/** Languages that capitalise every noun, where a lone capitalised word says little. */
const CAPITALISED_NOUNS = new Set(['de', 'lb']);

function languageModel(lang: string | undefined): LanguageModel {
  const code = normalizeLangTag(lang) ?? 'en';
  return { english: code === 'en', stopwords: stopwordsFor(code), capitalisedNouns: CAPITALISED_NOUNS.has(code) };
}

/** Mentions grouped into entities with their types. */
function entityClusters(title: string, sentences: string[], options: EntityOptions = {}): Cluster[] {
  const lang = languageModel(options.lang);
  const mentions = findMentions(title.trim(), sentences, lang);
  return clusterMentions(mentions, lang.english);
}

/**
 * The article's key entities (people, organizations, places, other names), variants merged,
 * each with its mention count, most important first.
 * `sentences` are the article's sentences in order; `title` may be ''.
 */
export function extractEntities(title: string, sentences: string[], options: EntityOptions = {}): Entity[] {
  return rankClusters(entityClusters(title, sentences, options), {
    sentenceCount: sentences.length,
    summary: new Set(options.summaryIndices ?? []),
  });
}
