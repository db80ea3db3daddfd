/**
 * Abbreviations: words written with a full stop that need not end a sentence (data/abbreviations.txt), by where
 * they stand. The one list the sentence splitter and the entity tokenizer read; lower case, without full stops.
 */
import { kindOf, readKindedList } from './wordLists.js';

const kinds = readKindedList('abbreviations.txt');

/** Stand before a name or a word and so never end a sentence ("Mr. Smith", "Gov. Brown", "cf."). */
export const ABBREVIATIONS_BEFORE_NAME: ReadonlySet<string> = kindOf(kinds, 'before-name');
/** Stand before a number ("No. 5", "Jan. 12", "p. 34") and otherwise may end a sentence. */
export const ABBREVIATIONS_BEFORE_NUMBER: ReadonlySet<string> = kindOf(kinds, 'before-number');
/** End a name ("Inc.", "Jr.", "et al."), so end a sentence only before a typical sentence opener. */
export const ABBREVIATIONS_END_OF_NAME: ReadonlySet<string> = kindOf(kinds, 'end-of-name');
/** Titles that are also street suffixes ("St. Louis", but "on Kiowa St. He ..."). */
export const STREET_ABBREVIATIONS: ReadonlySet<string> = kindOf(kinds, 'street');
/** Dotted abbreviations that never end a sentence ("e.g", "i.e"), written without their last full stop. */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = kindOf(kinds, 'dotted');

