/** The text layer every stage shares: word counts, language and stopwords, word tokens, stems and term statistics. */
export { countWords, countWordsUpTo } from './wordCount.js';
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
