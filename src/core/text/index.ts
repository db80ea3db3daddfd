/**
 * The text layer every stage shares: scripts written without spaces, word counts, language and stopwords, word
 * tokens, stems and term statistics, singulars, abbreviations and titles, word vectors.
 */
export { isUnspaced, unspacedLength } from './scripts.js';
export { countRunWords, countTokenWords, countWords, countWordsOfTexts, countWordsUpTo } from './wordCount.js';
export { detectLanguage, normalizeLangTag, stopwordsFor } from './lang.js';
export {
  bm25Index,
  contentTerms,
  cosine,
  inverseDocumentFrequencies,
  stemmerFor,
  termCounts,
  tfidfVector,
  wordTokens,
  type Bm25Index,
  type Bm25Options,
  type Stemmer,
  type TermVector,
} from './stats.js';
export { singularForms } from './inflection.js';
export {
  ABBREVIATIONS_BEFORE_NAME,
  ABBREVIATIONS_BEFORE_NUMBER,
  ABBREVIATIONS_END_OF_NAME,
  DOTTED_ABBREVIATIONS,
  STREET_ABBREVIATIONS,
} from './abbreviations.js';
export { HONORIFICS, TITLES } from './titles.js';
export { parseWordVectors, rowSimilarity, wordVectorsFor, type WordVectors } from './wordVectors.js';
export { withoutNoteMarks } from './noteMarks.js';
export { endMatterStart } from './endMatter.js';
