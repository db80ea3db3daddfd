import { isAcronym, isCapitalized, isWord } from './tokens.js';
import { isCommonWord, lexiconTags } from './tagger.js';
import { isFirstName, orgKind, placeKind } from './gazetteer.js';
import { NAME_PARTICLES, isOrgHead } from './cues.js';
import { norm, type DocEvidence, type LanguageModel, type SentenceInfo } from './mention.js';

/** Whether a capitalised word where capitals are expected anyway (sentence start, heading) is a name. */
function weakWordIsName(
  word: string,
  prev: string | undefined,
  next: string | undefined,
  heading: boolean,
  ev: DocEvidence,
  lang: LanguageModel,
): boolean {
  const key = word.toLowerCase();
  if (lang.stopwords.has(key)) return false;
  // A word that begins a one-word name needs one-word capitalised uses elsewhere: "City officials"
  // is no name because the text writes "Harbor City".
  const single = !(next && isCapitalized(next)) && !(prev && isCapitalized(prev));
  const capsElsewhere = (single ? ev.alone : ev.capitalised).get(key) ?? 0;
  if (capsElsewhere > 0 && capsElsewhere >= (ev.lower.get(key) ?? 0)) return true;
  // "Leonardo da Vinci resta": a given name that opens a sentence, then a particle or another name.
  if (!lang.english) return isFirstName(word) && next !== undefined && (isCapitalized(next) || NAME_PARTICLES.has(next));
  if (placeKind(word) && !isCommonWord(word)) return true;
  if (!heading && next && placeKind(`${word} ${next}`)) return true;
  // Unknown sentence-initial verbs and adverbs ("Redesignated", "Reportedly") are not names.
  if (/(?:ed|ing|ly)$/.test(key) && !isFirstName(word) && !(next && isCapitalized(next))) return false;
  if (!isCommonWord(word) && /\p{L}/u.test(word) && (lexiconTags(word)?.[0] ?? 'NNP').startsWith('NNP')) return true;
  // "New York", "Bank of England": a word the lexicon knows as a proper noun, followed by a name
  // (in a heading every word is capitalised, so the next word says nothing).
  const nextIsName = !heading && next !== undefined && isCapitalized(next);
  return nextIsName && (lexiconTags(word)?.[0] ?? '').startsWith('NNP');
}

/**
 * Where every noun is capitalised (German), a capitalised word is a name only when the gazetteers
 * know it or it follows a given name ("Angela Merkel").
 */
function germanStyleName(word: string, prev: string | undefined, next: string | undefined, lang: LanguageModel): boolean {
  if (lang.stopwords.has(word.toLowerCase())) return false;
  if (placeKind(word) !== undefined || isFirstName(word)) return true;
  if (prev !== undefined && !lang.stopwords.has(prev.toLowerCase()) && isFirstName(prev) && isCapitalized(prev)) return true;
  // "Siemens AG", "Deutsche Bank": a word before an organization word, and that word after it.
  const head = (w: string | undefined): boolean => w !== undefined && isCapitalized(w) && isOrgHead(norm(w));
  return head(next) || (head(word) && prev !== undefined && isCapitalized(prev) && !lang.stopwords.has(prev.toLowerCase()));
}

/**
 * "Ursula von der Leyen": where every noun is capitalised, a word after name particles that follow a given
 * name is the surname.
 */
function afterParticles(words: string[], i: number): boolean {
  let k = i - 1;
  while (k > 0 && NAME_PARTICLES.has(words[k] ?? '')) k--;
  return k < i - 1 && isFirstName(words[k] ?? '') && isCapitalized(words[k] ?? '');
}

/** Which tokens of a sentence may be part of a name. */
export function nameFlags(s: SentenceInfo, ev: DocEvidence, lang: LanguageModel): boolean[] {
  const flags = s.words.map((w, i) => {
    if (!isWord(w) || !isCapitalized(w)) return false;
    // "VERDICT:", "CLAIMS": an ordinary word set in capitals for emphasis or as a label.
    if (lang.english && w.length > 3 && w === w.toUpperCase() && isCommonWord(w) && !orgKind(w)) return false;
    if (lang.capitalisedNouns && !isAcronym(w)) return germanStyleName(w, s.words[i - 1], s.words[i + 1], lang) || afterParticles(s.words, i);
    if (s.weak.has(i)) {
      return weakWordIsName(w, s.words[i - 1], s.words[i + 1], s.heading, ev, lang);
    }
    return true;
  });
  // A lone capitalised ordinary word mid-sentence ("the club He has", "spread As for") is most often
  // a missed sentence start; keep it only when the text capitalises it again.
  return flags.map((f, i) => {
    const possessiveOf = /^['’]s?$/.test(s.words[i + 1] ?? '') && flags[i + 2];
    if (!f || s.weak.has(i) || flags[i - 1] || flags[i + 1] || possessiveOf) return f;
    const w = s.words[i] ?? '';
    const key = w.toLowerCase();
    if (isAcronym(w)) return true;
    if (lang.stopwords.has(key)) return false;
    if (!lang.english || !isCommonWord(w) || (lexiconTags(w)?.[0] ?? '').startsWith('NNP')) return true;
    return (ev.capitalised.get(key) ?? 0) >= 2;
  });
}
