import type { EntityType } from '../../types.js';
import type { Mention } from './mention.js';
import { ORG_DESCRIPTORS, PERSON_ROLES } from './cues.js';
import { singularForms } from '../../text/index.js';

/** The type a class noun names ("bands" -> organization, "singers" -> person; the word vectors read "towns"). */
export function classOf(noun: string): EntityType | undefined {
  const forms = singularForms(noun);
  if (forms.some((f) => ORG_DESCRIPTORS.has(f))) return 'organization';
  if (forms.some((f) => PERSON_ROLES.has(f))) return 'person';
  return undefined;
}

const CONJUNCTIONS = new Set(['and', 'or']);
const QUANTIFIERS = new Set(['several', 'many', 'some', 'various', 'numerous', 'a', 'few', 'the', 'two', 'three']);

/** "X, Y and several other bands": the class noun after "and other" that the list belongs to. */
function classAfter(after: string[]): EntityType | undefined {
  let i = after[0] === ',' ? 1 : 0;
  if (!CONJUNCTIONS.has(after[i] ?? '')) return undefined;
  i++;
  while (QUANTIFIERS.has(after[i] ?? '') && i < 3) i++;
  if (after[i] !== 'other') return undefined;
  // "and other rock bands": one modifier may stand before the noun.
  return classOf(after[i + 1] ?? '') ?? classOf(after[i + 2] ?? '');
}

/** "bands such as X", "labels including X", "such bands as X", "towns like X": the class named before a list. */
function classBefore(before: string[]): EntityType | undefined {
  const [b2, b1, b0] = ['', '', '', ...before].slice(-3) as [string, string, string];
  if (b0 === 'as' && b1 === 'such') return classOf(b2);
  if (b0 === 'as' && b2 === 'such') return classOf(b1);
  if (b0 === 'including' || b0 === 'like') return classOf(b1 === ',' ? b2 : b1);
  return undefined;
}

/**
 * The type a list's class noun gives a name in it (Hearst patterns): "bands such as Korn",
 * "Orgy, Korn and other bands". The rest of the list takes the type through list votes.
 */
export function listClassType(m: Mention): EntityType | undefined {
  return classBefore(m.before) ?? classAfter(m.after);
}
