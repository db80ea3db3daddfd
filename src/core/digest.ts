import { cleanHtml } from './extract/html/clean.js';
import { decodeHtml, decodeText } from './extract/decode.js';
import { extractEntities } from './analyse/entities/index.js';
import { splitSentences } from './analyse/sentences.js';
import { MAX_ANALYSED_WORDS, rankSentences } from './analyse/summary/summarize.js';
import { cleanText, looksLikeHtml } from './extract/plain/index.js';
import { DIGEST_SCHEMA, type Article, type Digest } from './types.js';
import { countWordsUpTo } from './text/wordCount.js';

/** Raw material for the CPU-bound part of the pipeline: plain data, so it can cross to a worker thread. */
export type RawInput =
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string; charset?: string; url?: string }
  | { kind: 'html'; html: string; url?: string }
  | { kind: 'text'; text: string; url?: string };

/**
 * Turns raw input into a cleaned article: bytes are decoded by their charset; HTML goes through the HTML
 * cleaner; plain text through the text cleaner (or the HTML cleaner when it is pasted HTML source). Lone
 * UTF-16 surrogates (a paste or a JSON body may hold them; some decoders make them) become U+FFFD first: the
 * HTML tokenizer throws on them, and they would reach summaries and entities.
 * @throws NotAnArticleError, SkimError('PARSE_FAILED')
 */
export function toArticle(raw: RawInput): Article {
  const url = raw.url === undefined ? {} : { url: raw.url };
  switch (raw.kind) {
    case 'bytes': {
      // A PDF needs the asynchronous reader (digestInput in pdf/digest.ts); as HTML it would be mojibake.
      if (raw.contentType === 'application/pdf') throw new Error('PDF bytes reached the HTML and text reader; use digestInput');
      if (raw.contentType === 'text/plain') return toArticle({ kind: 'text', text: decodeText(raw.bytes, raw.charset), ...url });
      return cleanHtml(decodeHtml(raw.bytes, raw.charset).toWellFormed(), url);
    }
    case 'html':
      return cleanHtml(raw.html.toWellFormed(), url);
    case 'text': {
      const text = raw.text.toWellFormed();
      return looksLikeHtml(text) ? cleanHtml(text, url) : cleanText(text, url);
    }
  }
}

/** Analyses a cleaned article: sentences, their summary ranking and the key entities. */
export function analyseArticle(article: Article, key: string): Digest {
  const ranked = rankSentences(boundedBlocks(article));
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
    wordCount: article.blocks.reduce((n, b) => n + countWordsUpTo(b.text), 0),
    sentences: ranked.sentences,
    ranking: ranked.ranking,
    defaultLength: ranked.defaultLength,
    entities,
  };
}

/** Longest stretch of text the sentence analysis sees at once; real paragraphs stay far below it. */
const MAX_BLOCK_CHARS = 4000;

/**
 * The article with its long blocks (a story pasted as one line, a paragraph of tens of thousands of words)
 * cut into pieces of at most {@link MAX_BLOCK_CHARS}, so that splitting, ranking and tagging stay linear on
 * hostile input. Within the words that are analysed, a cut falls between sentences, so no sentence is broken
 * into fragments that could stand in a summary; past them, or in a piece with no sentence end, at a space.
 */
function boundedBlocks(article: Article): Article {
  if (article.blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS)) return article;
  let words = 0;
  const blocks = article.blocks.flatMap((block) => {
    if (block.text.length <= MAX_BLOCK_CHARS) {
      words += countWordsUpTo(block.text);
      return [block];
    }
    const pieces: string[] = [];
    for (let rest = block.text; rest.length > 0; ) {
      const analysed = words <= MAX_ANALYSED_WORDS;
      const cut = rest.length <= MAX_BLOCK_CHARS ? rest.length : cutPoint(rest.slice(0, MAX_BLOCK_CHARS), analysed ? article.lang : null);
      const piece = rest.slice(0, cut).trim();
      if (analysed) words += countWordsUpTo(piece);
      pieces.push(piece);
      rest = rest.slice(cut);
    }
    return pieces.filter(Boolean).map((text) => ({ ...block, text }));
  });
  return { ...article, blocks };
}

/**
 * Where to cut a window of a long block: before the last sentence that starts in it (the window's edge may
 * have cut that one short), else at its last space. `lang` null: only at a space (text that is not analysed).
 */
function cutPoint(window: string, lang: string | undefined | null): number {
  if (lang !== null) {
    const sentences = splitSentences(window, lang);
    const last = sentences[sentences.length - 1];
    if (sentences.length > 1 && last) {
      const start = window.lastIndexOf(last.slice(0, 40));
      if (start > 0) return start;
    }
  }
  const space = window.lastIndexOf(' ');
  return space > 0 ? space : window.length;
}

/** The whole CPU-bound step: raw input to a digest. This is what worker threads run. */
export function digestRaw(raw: RawInput, key: string): Digest {
  return analyseArticle(toArticle(raw), key);
}
