/**
 * The plain-text cleaner: finds the article in text pasted from a web page (menus, share bars,
 * teasers, comments and footers around it) and passes text that is already clean through whole.
 */
import { NotAnArticleError, textInputMessage } from '../errors.js';
import type { Article, Block, BlockType } from '../types.js';
import { analyseText, type TextAnalysis } from './analyse.js';
import type { RawBlock } from './blocks.js';
import { scoreBlocks, type BlockScores } from './classify.js';
import { LOCAL_FEATURES, type BlockStats } from './features.js';
import { selectArticle } from './region.js';
import { findTitle, isHeadingLike } from './title.js';
import { MODEL, type TextCleanModel } from './weights.js';

export { looksLikeHtml } from './html.js';

/** Options for {@link cleanText}. */
export interface TextCleanOptions {
  /** Where the text came from, when known; copied to the article. */
  url?: string;
  /** A title known from elsewhere; used instead of looking for one. */
  title?: string;
}

/** Below this probability a block counts as evidence that the text is not already clean. */
const BOILERPLATE = 0.25;

/**
 * Cleans pasted text into an Article (source 'text'): blocks typed paragraph, heading or list item,
 * the detected language, and the title when the paste has one (else '').
 * @throws NotAnArticleError when nothing article-like remains (empty, punctuation, only menu items), worded
 * for pasted text unless `options.url` says the text is a page.
 */
export function cleanText(text: string, options: TextCleanOptions = {}, model: TextCleanModel = MODEL): Article {
  const analysis = analyseText(text);
  const scores = scoreText(analysis, model);
  const kept = keptBlocks(analysis, scores, model);
  const { blocks, features } = analysis;
  const stats = features.stats;
  if (!isArticleLike(kept.map((i) => stats[i]!))) throw notAnArticle(options);

  let titleIndex = -1;
  let first = kept[0]!;
  if (blocks[first]!.marker === 'heading' || (kept.length > 1 && first === 0 && isLeadTitle(analysis, kept))) {
    titleIndex = first;
  } else {
    titleIndex = findTitle(blocks, stats, first, openingWords(stats, kept));
  }
  const body = kept.filter((i) => i !== titleIndex);
  if (body.length === 0) throw notAnArticle(options);
  first = body[0]!;
  const title = options.title ?? (titleIndex >= 0 ? blocks[titleIndex]!.text : '');

  const article: Article = {
    title,
    blocks: typeBlocks(blocks, stats, body),
    source: 'text',
  };
  if (analysis.lang) article.lang = analysis.lang;
  if (options.url) article.url = options.url;
  return article;
}

/**
 * The error for text with no article in it: worded for a paste or a file, or for a page when the text
 * came from a URL (a text/plain page).
 */
function notAnArticle(options: TextCleanOptions): NotAnArticleError {
  return options.url ? new NotAnArticleError() : new NotAnArticleError(textInputMessage('NOT_AN_ARTICLE'));
}

/** Block probabilities with the model for the text's language (or the language-independent one). */
export function scoreText(analysis: TextAnalysis, model: TextCleanModel = MODEL): BlockScores {
  return scoreBlocks(analysis.features, analysis.hasStopwords ? model.withStopwords : model.withoutStopwords);
}

/**
 * Indices of the blocks kept: all of them when the text shows no boilerplate (already clean),
 * else the article region.
 */
export function keptBlocks(
  analysis: TextAnalysis,
  { local, final: p }: BlockScores,
  model: TextCleanModel = MODEL,
): number[] {
  const { blocks, features } = analysis;
  const words = features.stats.map((s) => s.words);
  const marked = (i: number) => blocks[i]!.marker !== 'none';
  if (looksClean(blocks, features.stats, p)) {
    return blocks.map((_, i) => i).filter((i) => features.stats[i]!.tokens.length > 0);
  }
  const barrier = (i: number) => {
    const x = features.vectors[i]!;
    return x[COMMENT_META]! > 0 && x[TEMPLATE]! > 0;
  };
  return selectArticle({ final: p, local, words, params: model.region, alwaysKeep: marked, barrier }).filter(
    (i) => features.stats[i]!.tokens.length > 0,
  );
}

const COMMENT_META = LOCAL_FEATURES.indexOf('commentMeta');
const TEMPLATE = LOCAL_FEATURES.indexOf('template');

/**
 * Already-clean text: at most one block looks like boilerplate (a short line that is no sentence,
 * scored low) and it carries a tiny share of the words. Markdown list items and headings are content
 * in clean text whatever they look like, and so is any sentence: the model's doubts about a lone
 * sentence come from its lack of neighbours, not from evidence of page furniture.
 */
function looksClean(blocks: RawBlock[], stats: BlockStats[], p: number[]): boolean {
  let total = 0;
  let bad = 0;
  let badBlocks = 0;
  for (let i = 0; i < blocks.length; i++) {
    const s = stats[i]!;
    total += s.words;
    const sentence = s.endsSentence && s.words >= 5;
    if (p[i]! < BOILERPLATE && blocks[i]!.marker === 'none' && s.tokens.length > 0 && !sentence) {
      bad += s.words;
      badBlocks++;
    }
  }
  return total > 0 && badBlocks <= 1 && bad <= 0.03 * total;
}

/** Words of three letters or more in the article's first blocks, which a title usually shares. */
function openingWords(stats: BlockStats[], kept: number[]): Set<string> {
  const words = new Set<string>();
  for (const i of kept.slice(0, 6)) for (const t of stats[i]!.tokens) if (t.length >= 3) words.add(t);
  return words;
}

/** A short first line standing over prose in clean text is its title. */
function isLeadTitle(analysis: TextAnalysis, kept: number[]): boolean {
  const { blocks, features } = analysis;
  const i = kept[0]!;
  const next = kept[1]!;
  return (
    isHeadingLike(blocks[i]!, features.stats[i]!) &&
    !/[.!?]$/.test(blocks[i]!.text) &&
    features.stats[next]!.words >= 12
  );
}

/** Something worth summarising: a sentence of five words or more, or ten words in all. */
function isArticleLike(stats: BlockStats[]): boolean {
  let total = 0;
  for (const s of stats) {
    if (s.endsSentence && s.words >= 5) return true;
    total += s.words;
  }
  return total >= 10 && stats.some((s) => s.words >= 6);
}

/**
 * Types the kept blocks: Markdown markers decide where present; otherwise a short unpunctuated line
 * before a paragraph is a heading, and a run of short lines without blank lines between is a list.
 */
function typeBlocks(blocks: RawBlock[], stats: BlockStats[], kept: number[]): Block[] {
  return kept.map((i, k) => {
    const block = blocks[i]!;
    return { type: typeOf(block, blocks, stats, kept, k), text: block.text };
  });
}

function typeOf(block: RawBlock, blocks: RawBlock[], stats: BlockStats[], kept: number[], k: number): BlockType {
  switch (block.marker) {
    case 'heading':
      return 'heading';
    case 'list':
      return 'list-item';
    case 'quote':
      return 'quote';
    case 'code':
      return 'preformatted';
    default:
      break;
  }
  const i = kept[k]!;
  const s = stats[i]!;
  const next = kept[k + 1];
  if (
    s.words <= 15 &&
    !/[.!?,;:…"”]$/.test(block.text) &&
    next !== undefined &&
    stats[next]!.words >= 15 &&
    /^[\p{Lu}\p{Lo}\d]/u.test(block.text)
  ) {
    return 'heading';
  }
  if (s.words <= 25 && inShortRun(blocks, stats, kept, k)) return 'list-item';
  return 'paragraph';
}

/**
 * True when the block and a directly adjacent kept block are both short and no blank line parts
 * them: browsers paste list items line after line, paragraphs with blank lines between.
 */
function inShortRun(blocks: RawBlock[], stats: BlockStats[], kept: number[], k: number): boolean {
  const i = kept[k]!;
  const short = (j: number | undefined) => j !== undefined && stats[j]!.words <= 25;
  const prev = kept[k - 1];
  const next = kept[k + 1];
  return (
    (prev === i - 1 && short(prev) && !blocks[i]!.blankBefore) ||
    (next === i + 1 && short(next) && !blocks[next]!.blankBefore)
  );
}
