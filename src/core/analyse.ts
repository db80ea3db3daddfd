import { cleanHtml } from './htmlClean.js';
import { decodeHtml, decodeText } from './decode.js';
import { extractEntities } from './entities/index.js';
import { rankSentences } from './summarize.js';
import { cleanText, looksLikeHtml } from './textClean/index.js';
import { DIGEST_SCHEMA, type Article, type Digest } from './types.js';
import { countWords } from './wordCount.js';

/** Raw material for the CPU-bound part of the pipeline: plain data, so it can cross to a worker thread. */
export type RawInput =
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string; charset?: string; url?: string }
  | { kind: 'html'; html: string; url?: string }
  | { kind: 'text'; text: string; url?: string };

/**
 * Turns raw input into a cleaned article: bytes are decoded by their charset; HTML goes through the HTML
 * cleaner; plain text through the text cleaner (or the HTML cleaner when it is pasted HTML source).
 * @throws NotAnArticleError, SkimError('PARSE_FAILED')
 */
export function toArticle(raw: RawInput): Article {
  const url = raw.url === undefined ? {} : { url: raw.url };
  switch (raw.kind) {
    case 'bytes': {
      if (raw.contentType === 'text/plain') return toArticle({ kind: 'text', text: decodeText(raw.bytes, raw.charset), ...url });
      return cleanHtml(decodeHtml(raw.bytes, raw.charset), url);
    }
    case 'html':
      return cleanHtml(raw.html, url);
    case 'text':
      return looksLikeHtml(raw.text) ? cleanHtml(raw.text, url) : cleanText(raw.text, url);
  }
}

/** Analyses a cleaned article: sentences, their summary ranking and the key entities. */
export function analyseArticle(article: Article, key: string): Digest {
  const ranked = rankSentences(article);
  const summaryIndices = ranked.ranking.slice(0, ranked.defaultLength);
  const entities = extractEntities(
    article.title,
    ranked.sentences.map((s) => s.text),
    { summaryIndices, ...(article.lang ? { lang: article.lang } : {}) },
  );
  return {
    schema: DIGEST_SCHEMA,
    key,
    article,
    wordCount: article.blocks.reduce((n, b) => n + countWords(b.text), 0),
    sentences: ranked.sentences,
    ranking: ranked.ranking,
    defaultLength: ranked.defaultLength,
    entities,
  };
}

/** The whole CPU-bound step: raw input to a digest. This is what worker threads run. */
export function digestRaw(raw: RawInput, key: string): Digest {
  return analyseArticle(toArticle(raw), key);
}
