/**
 * Candidate names, stage by stage: sentences are tokenized and tagged (sentenceInfo), each token is judged a
 * possible name part (nameFlags), runs of them are joined across connectors (spans), split at roles and
 * places and stripped of titles (splits, mentionsOf), then filtered against the whole document (filters).
 */
import { gatherEvidence, analyseSentences } from './sentenceInfo.js';
import { nameFlags } from './nameFlags.js';
import { mentionsOf } from './mentionsOf.js';
import { dropLeadingModifiers } from './filters.js';
import type { LanguageModel, Mention } from './mention.js';

export type { LanguageModel, Mention } from './mention.js';

/**
 * Finds the name mentions of a document: capitalised runs (tagger and document-wide capitals),
 * joined across "of"/"de"/"and" where those belong to a name, titles stripped.
 */
export function findMentions(title: string, sentences: string[], lang: LanguageModel): Mention[] {
  const infos = analyseSentences(title, sentences, lang);
  const ev = gatherEvidence(infos);
  const all = title ? [title, ...sentences] : sentences;
  const offset = title ? -1 : 0;
  const mentions: Mention[] = [];
  infos.forEach((s, i) => {
    const flags = nameFlags(s, ev, lang);
    mentions.push(...mentionsOf(s, i + offset, all[i] ?? '', flags));
  });
  if (lang.english) dropLeadingModifiers(mentions, infos, offset, all);
  return mentions;
}

