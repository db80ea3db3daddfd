import { placeKind } from './gazetteer.js';
import { lexiconTags } from './tagger.js';

/** A nationality or language adjective ("Japanese", "British"): capitalised only, an adjective. */
export function isDemonym(word: string, english: boolean): boolean {
  if (!english) return false;
  const tags = lexiconTags(word);
  const lower = lexiconTags(word.toLowerCase());
  const adjective = tags?.[0] === 'JJ' || (tags?.includes('JJ') && /(?:an|ese|ish|ic|i|ch|ss|sh|ek|ab|ai|in)$/.test(word));
  // "Americans", "Christians": the plural of a nationality or faith.
  if (!adjective && /\p{Ll}ns$/u.test(word)) return isDemonym(word.slice(0, -1), english);
  if (adjective && (!lower || lower[0] === 'JJ')) return !placeKind(word);
  // Compounds such as "Anglo-American" or "Sino-Japanese".
  const tail = word.split('-').pop() ?? word;
  return tail !== word && isDemonym(tail[0]?.toUpperCase() + tail.slice(1), english);
}
