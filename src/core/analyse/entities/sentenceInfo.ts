import { isCapitalized, isWord, tokenize, type Token } from './tokens.js';
import { isFirstName } from './gazetteer.js';
import { posTags } from './tagger.js';
import type { DocEvidence, LanguageModel, SentenceInfo } from './mention.js';

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '•', '*', '…']);

/** A heading: no closing punctuation and most content words capitalised. */
function looksLikeHeading(words: string[], stopwords: ReadonlySet<string>): boolean {
  const last = words[words.length - 1] ?? '';
  if (/^[.!?…]$/.test(last)) return false;
  const content = words.filter((w) => /\p{L}/u.test(w) && !stopwords.has(w.toLowerCase()));
  if (content.length < 3) return false;
  const caps = content.filter((w) => isCapitalized(w)).length;
  const upper = content.filter((w) => w === w.toUpperCase()).length;
  return caps / content.length >= 0.8 || upper / content.length >= 0.8;
}

function weakPositions(tokens: Token[], heading: boolean): Set<number> {
  const weak = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isWord(t.text)) continue;
    if (heading) {
      weak.add(i);
      continue;
    }
    const prev = tokens[i - 1];
    if (!prev || OPENERS.has(prev.text) || /^[.!?]$/.test(prev.text)) weak.add(i);
  }
  return weak;
}

/** Tokens, tags, heading flag and weak positions of the title and each sentence. */
export function analyseSentences(title: string, sentences: string[], lang: LanguageModel): SentenceInfo[] {
  const all = title ? [title, ...sentences] : sentences;
  return all.map((text, i) => {
    const tokens = tokenize(text);
    const words = tokens.map((t) => t.text);
    const heading = (title !== '' && i === 0) || looksLikeHeading(words, lang.stopwords);
    return { tokens, words, tags: lang.english ? posTags(words) : undefined, heading, weak: weakPositions(tokens, heading) };
  });
}

/** Counts, over the document, how each word is written: capitalised where it need not be, alone, in lower case. */
export function gatherEvidence(infos: SentenceInfo[]): DocEvidence {
  const capitalised = new Map<string, number>();
  const alone = new Map<string, number>();
  const lower = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  for (const s of infos) {
    const capital = s.words.map((w) => isWord(w) && isCapitalized(w));
    s.words.forEach((w, i) => {
      if (!isWord(w)) return;
      const key = w.toLowerCase();
      if (/^\p{Ll}/u.test(w)) bump(lower, key);
      else if (capital[i] && !s.weak.has(i)) {
        bump(capitalised, key);
        const neighbour = capital[i - 1] === true || capital[i + 1] === true;
        const afterGiven = capital[i - 1] === true && capital[i + 1] !== true && isFirstName(s.words[i - 1] ?? '');
        if (!neighbour || afterGiven) bump(alone, key);
      }
    });
  }
  return { capitalised, alone, lower };
}
