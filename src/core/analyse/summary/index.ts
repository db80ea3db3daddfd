/** The extractive summarizer: sentences ranked by centrality, a lead prior and redundancy. */
export {
  defaultSummaryLength,
  leadPriorStrength,
  MAX_ANALYSED_WORDS,
  rankSentences,
  type Ranking,
  type RankOptions,
} from './summarize.js';
