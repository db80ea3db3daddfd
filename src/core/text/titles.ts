/**
 * Titles written before a person's name (data/titles.txt): lower case, without full stops. Mutable sets, like the
 * entity cue lists they are read beside, so that a test can empty one and see what it was holding up.
 */
import { kindOf, readKindedList } from './wordLists.js';

const kinds = readKindedList('titles.txt');

/** Forms of address ("mr", "dr", "señor"): whatever follows is a person's name. */
export const HONORIFICS: Set<string> = new Set(kindOf(kinds, 'address'));

/** Every title and rank, forms of address included ("president", "gen", "mr"). */
export const TITLES: Set<string> = new Set([...HONORIFICS, ...kindOf(kinds, 'rank')]);
