import { isCommonWord, lexiconTags } from './tagger.js';
import { isFirstName, placeKind } from './gazetteer.js';
import { COMPASS, NON_NAMES, ORG_FIRST, PLACE_FIRST, TITLES, isOrgHead } from './cues.js';
import type { Token } from './tokens.js';
import { norm, type Mention, type SentenceInfo } from './mention.js';

const keyOf = (words: string[]): string => words.map(norm).join(' ');

/**
 * "Unpopular Bubba Watson", "Iconic Arsenal striker", "Queenslander Mitchell Rawlins": an ordinary word
 * that starts a sentence (or a caption glued to it) is dropped from a name the text also writes without
 * it; so is an inhabitant's name ("-er", "-an") before a given name and a surname.
 */
export function dropLeadingModifiers(mentions: Mention[], infos: SentenceInfo[], offset: number, texts: string[]): void {
  const elsewhere = new Set(mentions.filter((m) => !m.weakStart).map((m) => keyOf(m.words)));
  for (const m of mentions) {
    if (m.words.length < 2) continue;
    const lead = m.words[0] ?? '';
    const rest = m.words.slice(1);
    const known = isOrgHead(norm(lead)) || [TITLES, ORG_FIRST, PLACE_FIRST, NON_NAMES, COMPASS].some((l) => l.has(norm(lead)));
    // Mid-sentence, a capitalised ordinary word before a name is usually part of it ("Royal Mail"), unless
    // the text writes that name alone and it is more than one ordinary word ("shelter Veterinarian Jane Roe").
    const restIsName = elsewhere.has(keyOf(rest)) && (m.weakStart || m.title !== undefined || rest.length > 1 || !isCommonWord(rest[0] ?? ''));
    const byDocument = ordinaryWord(lead) && !known && restIsName;
    const inhabitant = /\p{Ll}(?:er|an|ian|ite)$/u.test(lead) && rest.length >= 2 && isFirstName(rest[0] ?? '') &&
      !isFirstName(lead) && !placeKind(lead) && !isCommonWord(lead);
    if (byDocument || inhabitant) trimMention(m, 1, 0, infos[m.sentence - offset] as SentenceInfo, texts[m.sentence - offset] ?? '');
  }
  // "Hillary Clinton Obsessed with her style": a caption glued to the next sentence leaves a verb after a name.
  const names = new Set(mentions.map((m) => keyOf(m.words)));
  for (const m of mentions) {
    if (m.words.length < 2) continue;
    const tail = m.words[m.words.length - 1] ?? '';
    const verb = (lexiconTags(tail.toLowerCase())?.[0] ?? '').startsWith('VB') && !isFirstName(tail);
    if (verb && m.words.slice(0, -1).some((w) => names.has(norm(w)))) {
      trimMention(m, 0, 1, infos[m.sentence - offset] as SentenceInfo, texts[m.sentence - offset] ?? '');
    }
  }
}

/** A word the lexicon knows in lower case as something other than a proper noun ("Unpopular", "Iconic"). */
function ordinaryWord(word: string): boolean {
  const tag = lexiconTags(word.toLowerCase())?.[0] ?? '';
  const content = /^(?:JJ|RB|NN|VB)/.test(tag) && !tag.startsWith('NNP');
  return content && !(lexiconTags(word)?.[0] ?? '').startsWith('NNP') && !isFirstName(word);
}

/** Drops `head` words from the start and `tail` words from the end of a mention. */
function trimMention(m: Mention, head: number, tail: number, info: SentenceInfo, text: string): void {
  const span: [number, number] = [m.span[0] + head, m.span[1] - tail];
  const from = info.tokens[span[0]] as Token;
  const to = info.tokens[span[1] - 1] as Token;
  m.before = [...m.before, ...m.words.slice(0, head).map((w) => w.toLowerCase())].slice(-3);
  if (tail) m.after = [...m.words.slice(-tail).map((w) => w.toLowerCase()), ...m.after].slice(0, 5);
  m.words = m.words.slice(head, m.words.length - tail);
  m.text = text.slice(from.start, to.end);
  m.span = span;
  if (head) m.weakStart = false;
}
