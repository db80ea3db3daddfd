import { countWordsOfTexts, countWordsUpTo, endMatterStart, withoutNoteMarks } from '../text/index.js';
import { DIGEST_SCHEMA, type Article, type Digest } from '../types.js';
import { extractEntities } from './entities/index.js';
import { splitSentences } from './sentences.js';
import { MAX_ANALYSED_WORDS, rankSentences } from './summary/index.js';

/**
 * Analyses a cleaned article: sentences, their summary ranking and the key entities. Its end matter
 * (References, External links) and wiki reference marks ("NATO.[3]") go first, whatever the article came from.
 */
export function analyseArticle(cleaned: Article, key: string): Digest {
  const article = withoutMarks(withoutEndMatter(cleaned));
  const ranked = rankSentences(boundedBlocks(article));
  const entities = extractEntities(
    article.title,
    ranked.sentences.map((s) => s.text),
    article.lang ? { lang: article.lang } : {},
  );
  return {
    schema: DIGEST_SCHEMA,
    key,
    article,
    wordCount: countWordsOfTexts(article.blocks.map((b) => b.text)),
    sentences: ranked.sentences,
    ranking: ranked.ranking,
    defaultLength: ranked.defaultLength,
    entities,
  };
}

function withoutEndMatter(article: Article): Article {
  const end = endMatterStart(article.blocks.map((b) => b.text));
  return end < article.blocks.length ? { ...article, blocks: article.blocks.slice(0, end) } : article;
}

function withoutMarks(article: Article): Article {
  if (!article.title.includes('[') && !article.blocks.some((b) => b.text.includes('['))) return article;
  return {
    ...article,
    title: withoutNoteMarks(article.title),
    blocks: article.blocks.map((b) => ({ ...b, text: withoutNoteMarks(b.text) })),
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
