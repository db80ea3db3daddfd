/**
 * The measuring half of the text cleaner: blocks, language, stopwords and features, shared by
 * {@link cleanText} and the fitting code in training/paste.ts.
 */
import { detectLanguage, stopwordsFor } from '../../text/index.js';
import { splitBlocks, type RawBlock } from './blocks.js';
import { localFeatures, type LocalFeatures } from './features.js';
import { contentsBlocks } from './wikiFurniture.js';

/** A paste split into blocks and measured. */
export interface TextAnalysis {
  blocks: RawBlock[];
  features: LocalFeatures;
  lang: string | undefined;
  /** Whether a stopword list backs the stopword features (a known language written with spaces). */
  hasStopwords: boolean;
  /** The blocks of a table of contents (wikiFurniture.ts): never article text, never the title. */
  contents: ReadonlySet<number>;
}

/** Languages whose words are not separated by spaces, where a stopword share cannot be counted. */
const UNSPACED_LANGS = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
/** Enough text for the language detector to decide. */
const LANG_SAMPLE = 6000;

/**
 * Detects the language from the longest blocks, which are prose far more often than the menus and
 * footers that may be in another language (often English) than the article.
 */
function detectTextLanguage(blocks: RawBlock[]): string | undefined {
  const longest = blocks
    .filter((b) => b.text.length >= 40)
    .sort((a, b) => b.text.length - a.text.length);
  let sample = '';
  for (const b of longest) {
    if (sample.length >= LANG_SAMPLE) break;
    sample += `${b.text.slice(0, LANG_SAMPLE)}\n`;
  }
  if (sample.length < 40) sample = blocks.map((b) => b.text).join('\n').slice(0, LANG_SAMPLE);
  return detectLanguage(sample);
}

/**
 * Splits and measures a text. `useStopwords: false` measures it as if its language were unknown
 * (the language-independent fallback, also used to fit that fallback). `lexicon` is the furniture lexicon
 * (lexicon.ts), read only where stopwords are.
 */
export function analyseText(text: string, useStopwords = true, lexicon?: ReadonlyMap<string, number>): TextAnalysis {
  const blocks = splitBlocks(text);
  const lang = detectTextLanguage(blocks);
  const stopwords = useStopwords && lang && !UNSPACED_LANGS.has(lang) ? stopwordsFor(lang) : new Set<string>();
  // The lexicon's words, like the stopwords, are a language's: the language-independent model reads neither.
  const known = stopwords.size > 0;
  return {
    blocks,
    features: localFeatures(blocks, stopwords, known ? lexicon : undefined),
    lang,
    hasStopwords: known,
    contents: contentsBlocks(blocks),
  };
}
