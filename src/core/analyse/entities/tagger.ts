import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface BrillTagger {
  tag(words: string[]): { taggedWords: Array<{ token: string; tag: string }> };
}

interface LexiconInstance {
  lexicon: Record<string, string[]>;
}

let tagger: BrillTagger | undefined;
let lexicon: Record<string, string[]> | undefined;

/** Loads natural's Brill tagger and its English lexicon once, on first use (the lexicon is 4 MB). */
function load(): BrillTagger {
  if (tagger) return tagger;
  const Lexicon = require('natural/lib/natural/brill_pos_tagger/lib/Lexicon.js') as new (
    lang: string,
    defaultCategory: string,
    defaultCapitalised: string,
  ) => LexiconInstance;
  const RuleSet = require('natural/lib/natural/brill_pos_tagger/lib/RuleSet.js') as new (lang: string) => unknown;
  const Tagger = require('natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger.js') as new (
    lexicon: LexiconInstance,
    rules: unknown,
  ) => BrillTagger;
  const lex = new Lexicon('EN', 'NN', 'NNP');
  internTags(lex.lexicon);
  lexicon = lex.lexicon;
  tagger = new Tagger(lex, new RuleSet('EN'));
  return tagger;
}

/**
 * Makes words with the same tags share one array: 92,000 words have about 1,000 distinct tag lists, and one
 * array each held 5 MB of heap in every process and worker. The tagger only reads them.
 */
export function internTags(words: Record<string, string[]>): void {
  const shared = new Map<string, string[]>();
  for (const word of Object.keys(words)) {
    const tags = words[word]!;
    const key = tags.join(' ');
    const known = shared.get(key);
    if (known) words[word] = known;
    else shared.set(key, tags);
  }
}

/** Penn Treebank tags for a sentence's tokens (unknown capitalised words default to NNP). */
export function posTags(words: string[]): string[] {
  if (words.length === 0) return [];
  return load().tag(words).taggedWords.map((w) => w.tag);
}

/** The lexicon's tags for this exact spelling, most frequent first; undefined when unknown. */
export function lexiconTags(word: string): readonly string[] | undefined {
  load();
  const lex = lexicon as Record<string, string[]>;
  return Object.hasOwn(lex, word) ? lex[word] : undefined;
}

/** True when the lower-case form is an ordinary English word (not only a proper noun). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word.toLowerCase());
  return tags !== undefined && tags.some((t) => !t.startsWith('NNP'));
}
