/** The kind of a block of article text; headings and list items are kept as their own blocks. */
export type BlockType = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';

/** One block of article text, whitespace normalised, no markup. */
export interface Block {
  type: BlockType;
  text: string;
}

/** A cleaned article: what the cleaners produce and everything downstream reads. */
export interface Article {
  /** The URL the user gave (after redirects, when fetched). */
  url?: string;
  /** The page's own canonical URL, when it declares one. */
  canonicalUrl?: string;
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO 639-1 code, from the page's markup or detected from its text. */
  lang?: string;
  /** ISO 8601 when the page gives one. */
  publishedTime?: string;
  imageUrl?: string;
  excerpt?: string;
  blocks: Block[];
  /** Which cleaner produced it. */
  source: 'html' | 'text';
  /** True when Readability rejected the page and a simpler extraction was used. */
  fallback?: boolean;
}

/** Entity types shown to users. */
export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** A named entity found in an article, with its variants merged. */
export interface Entity {
  name: string;
  type: EntityType;
  /** How many times any variant is mentioned. */
  mentions: number;
  /** Other spellings merged into this entity (e.g. "Wilder" for "Dennis Wilder"). */
  aliases?: string[];
}

/** A sentence of the article and where it stands. */
export interface Sentence {
  text: string;
  /** Index of the block it comes from. */
  block: number;
  /** Index of the sentence in the article. */
  index: number;
}

/** Everything analysed about one article: enough to render any summary length and answer questions. */
export interface Digest {
  /** The pipeline schema this digest was made with. */
  schema: number;
  /** The cache key (canonical URL or content hash). */
  key: string;
  article: Article;
  wordCount: number;
  sentences: Sentence[];
  /** Sentence indices, best summary sentence first. */
  ranking: number[];
  /** The default summary length for this article. */
  defaultLength: number;
  entities: Entity[];
}

/** The stable JSON shape other tools read from `skim summarize --json`. */
export interface SummaryJson {
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  publishedTime: string | null;
  wordCount: number;
  text: string;
  summary: string[];
  entities: Array<{ name: string; type: EntityType; mentions: number }>;
}

/** The version of the Digest shape and of the analysis behind it; cached digests of another version are ignored. */
export const DIGEST_SCHEMA = 9;
