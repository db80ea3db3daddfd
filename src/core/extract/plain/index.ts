/**
 * The plain-text cleaner: finds the article in text pasted from a web page (menus, share bars,
 * teasers, comments and footers around it) and passes text that is already clean through whole.
 */
import { NotAnArticleError, textInputMessage } from '../../errors.js';
import type { Article, Block, BlockType } from '../../types.js';
import { analyseText, type TextAnalysis } from './analyse.js';
import type { RawBlock } from './blocks.js';
import { scoreBlocks, type BlockScores } from './classify.js';
import type { BlockStats } from './features.js';
import { regionBlocks } from './keptRegion.js';
import { lexiconOf } from './lexicon.js';
import { findTitle, isHeadingLike } from './title.js';
import type { TextCleanModel } from './model.js';
import { MODEL } from './weights.js';

export { normalizeText } from './blocks.js';

/** Options for {@link cleanText}. */
export interface TextCleanOptions {
  /** Where the text came from, when known; copied to the article. */
  url?: string;
  /** A title known from elsewhere; used instead of looking for one. */
  title?: string;
}

/**
 * Cleans pasted text into an Article (source 'text'): blocks typed paragraph, heading or list item,
 * the detected language, and the title when the paste has one (else '').
 * @throws NotAnArticleError when nothing article-like remains (empty, punctuation, only menu items), worded
 * for pasted text unless `options.url` says the text is a page.
 */
export function cleanText(text: string, options: TextCleanOptions = {}, model: TextCleanModel = MODEL): Article {
  const analysis = analyseText(text, true, lexiconOf(model));
  const scores = scoreText(analysis, model);
  const { blocks, features } = analysis;
  const stats = features.stats;
  const clean = looksClean(blocks, stats);
  let kept = keptBlocks(analysis, scores, model, clean);
  // The page model knows browser pastes; prose in another shape (one line, no blank lines) is still prose.
  if (!isArticleLike(kept.map((i) => stats[i]!))) kept = proseBlocks(analysis, scores.local);
  if (kept.length > 1 && isRemark(blocks[kept[0]!]!, stats[kept[0]!]!)) kept = kept.slice(1);
  if (!isArticleLike(kept.map((i) => stats[i]!))) throw notAnArticle(options);

  // In clean text, short unmarked lines above the first paragraph are its title, byline, date or kicker,
  // not body (in a page paste the region choice has already judged them).
  const opening = kept.findIndex((i) => isProse(stats[i]!) || blocks[i]!.marker !== 'none');
  if (opening > 0 && clean) kept = kept.slice(opening);
  const first = kept[0]!;
  const titleIndex =
    blocks[first]!.marker === 'heading' || (kept.length > 1 && first === 0 && isLeadTitle(analysis, kept))
      ? first
      : findTitle(blocks, stats, first, openingWords(stats, kept), analysis.contents);
  const body = kept.filter((i) => i !== titleIndex);
  if (body.length === 0) throw notAnArticle(options);
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
 * Indices of the blocks kept: all of them when the text shows no page furniture (already clean; `clean`
 * when the caller has judged it), else the article region found with the model's region parameters.
 */
export function keptBlocks(
  analysis: TextAnalysis,
  scores: BlockScores,
  model: TextCleanModel = MODEL,
  clean = looksClean(analysis.blocks, analysis.features.stats),
): number[] {
  if (clean) {
    return analysis.blocks.map((_, i) => i).filter((i) => analysis.features.stats[i]!.tokens.length > 0);
  }
  return regionBlocks(analysis, scores, model.region);
}

/** A block long enough to be prose by its length alone, with or without a final full stop. */
const PROSE_WORDS = 30;

/** True for a block of prose: a sentence of five words or more, or a run of words too long for page furniture. */
function isProse(s: BlockStats): boolean {
  return (s.endsSentence && s.words >= 5) || s.words >= PROSE_WORDS;
}

/**
 * Most unmarked lines that are not prose (a title, a dateline, a byline, a remark before the paste) that
 * clean text may hold, in number and in share of its words. A page pasted from a browser brings its menus,
 * share bars and footers: of the 109 pages in aeb-paste, one has four such lines or fewer making up a tenth
 * of its words or less; most have dozens.
 */
const CLEAN_MAX_LINES = 4;
const CLEAN_MAX_SHARE = 0.1;

/**
 * Already-clean text: almost every line is prose. Markdown list items and headings are content in clean
 * text whatever they look like. Judged on the lines themselves, not on the page model, which learnt from
 * browser pastes that paragraphs come with blank lines between them.
 */
function looksClean(blocks: RawBlock[], stats: BlockStats[]): boolean {
  let total = 0;
  let other = 0;
  let otherLines = 0;
  for (let i = 0; i < blocks.length; i++) {
    const s = stats[i]!;
    total += s.words;
    if (blocks[i]!.marker === 'none' && s.tokens.length > 0 && !isProse(s)) {
      other += s.words;
      otherLines++;
    }
  }
  return total > 0 && otherLines <= CLEAN_MAX_LINES && other <= CLEAN_MAX_SHARE * total;
}

/** jusText's bounds for a paragraph of running prose (Pomikálek 2011: length_low, stopwords_low). */
const JUSTEXT_MIN_CHARS = 70;
const JUSTEXT_MIN_STOPWORDS = 0.3;

/**
 * Blocks that read as running prose by their own wording, whatever surrounds them: long enough and dense
 * in function words (jusText's test), or, for a language without a stopword list, long and called article
 * text by the first stage of the model; failing those, any sentence of five words or more. The fallback
 * when the page model finds no article: text that holds prose is never refused.
 */
function proseBlocks(analysis: TextAnalysis, local: number[]): number[] {
  const { blocks, features, hasStopwords } = analysis;
  const indices = blocks.map((_, i) => i);
  const running = indices.filter((i) => {
    const s = features.stats[i]!;
    if (blocks[i]!.text.length < JUSTEXT_MIN_CHARS) return false;
    return hasStopwords ? s.stopwordDensity >= JUSTEXT_MIN_STOPWORDS : local[i]! >= 0.5 && s.words >= PROSE_WORDS;
  });
  return running.length > 0 ? running : indices.filter((i) => isProse(features.stats[i]!));
}

/** Longest chat remark before a paste ("check this out:", "from today's paper:"). */
const REMARK_WORDS = 8;

/** True for a short line ending in a colon that opens the text: a remark about the paste, not part of it. */
function isRemark(block: RawBlock, s: BlockStats): boolean {
  return block.marker === 'none' && s.words <= REMARK_WORDS && /\s?:$/.test(block.text);
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
