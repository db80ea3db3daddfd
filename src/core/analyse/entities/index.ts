import type { Entity } from '../../types.js';
import { normalizeLangTag, stopwordsFor } from '../../text/index.js';
import { findMentions, type LanguageModel, type Mention } from './candidates.js';
import { clusterMentions, type Cluster } from './merge.js';
import { rankClusters } from './rank.js';

export interface EntityOptions {
  /** ISO 639-1 language of the article; English gets the tagger and the English cues. */
  lang?: string;
}

/** Languages that capitalise every noun, where a lone capitalised word says little. */
const CAPITALISED_NOUNS = new Set(['de', 'lb']);

function languageModel(lang: string | undefined): LanguageModel {
  const code = normalizeLangTag(lang) ?? 'en';
  return { english: code === 'en', stopwords: stopwordsFor(code), capitalisedNouns: CAPITALISED_NOUNS.has(code) };
}

/**
 * The first half of the entity step: the name mentions of a document. They do not depend on the typing
 * weights, so the fit script and the feature tests find them once and type them many times.
 */
export function documentMentions(title: string, sentences: string[], options: EntityOptions = {}): Mention[] {
  return findMentions(title.trim(), sentences, languageModel(options.lang));
}

/** The second half of the entity step: mentions grouped, typed and ranked. */
export function entitiesFromMentions(mentions: Mention[], options: EntityOptions = {}): Entity[] {
  const clusters: Cluster[] = clusterMentions(mentions, languageModel(options.lang).english);
  return rankClusters(clusters);
}

/**
 * The article's key entities (people, organizations, places, other names), variants merged,
 * each with its mention count, most important first.
 * `sentences` are the article's sentences in order; `title` may be ''.
 */
export function extractEntities(title: string, sentences: string[], options: EntityOptions = {}): Entity[] {
  return entitiesFromMentions(documentMentions(title, sentences, options), options);
}
