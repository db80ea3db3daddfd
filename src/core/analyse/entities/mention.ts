import type { Token } from './tokens.js';

/** One occurrence of a name in the text, with the context that types it. */
export interface Mention {
  /** The name as written (titles removed). */
  text: string;
  words: string[];
  sentence: number;
  /** Up to three tokens before the name, lower case, nearest last (titles included). */
  before: string[];
  /** Up to five tokens after the name, lower case. */
  after: string[];
  /** Title or rank written before the name ("president", "mr"). */
  title?: string;
  /** The name this acronym stands for, when the text says so: "Long Name (LN)". */
  expands?: string;
  /** The sentence is a heading or title, where capitals say little. */
  heading: boolean;
  /** The next name in a list with this one ("Bridgeton and Salem", "Perth, Adelaide"). */
  coordinated?: Mention;
  /** A capitalised role follows: "Apple CEO Tim Cook", "Shadow Health Secretary Andy Burnham". */
  roleOwner?: boolean;
  /** Token span in the sentence. */
  span: [number, number];
  /** Begins where capitals are expected anyway (sentence start, heading). */
  weakStart: boolean;
}

/** How a language treats capitals and which words it knows. */
export interface LanguageModel {
  english: boolean;
  stopwords: ReadonlySet<string>;
  /** Nouns are capitalised (German): a single capitalised word is weak evidence. */
  capitalisedNouns: boolean;
}


/** One sentence as the candidate stages see it. */
export interface SentenceInfo {
  tokens: Token[];
  words: string[];
  tags: string[] | undefined;
  heading: boolean;
  /** Index of the first word token, where capitals are expected anyway. */
  weak: Set<number>;
}

/** What the whole document says about its capitalised words. */
export interface DocEvidence {
  /** Lower-case word -> times written capitalised where capitals are not expected. */
  capitalised: Map<string, number>;
  /**
   * The same, counting only uses as a name of one word (no capitalised neighbour) or as a surname after
   * a given name: "Cook" in "Tim Cook", not "City" in "Harbor City".
   */
  alone: Map<string, number>;
  /** Lower-case word -> times written in lower case. */
  lower: Map<string, number>;
}

/** A run of tokens [start, end) that may be a name. */
export interface Run {
  start: number;
  end: number; // exclusive
}

/** Lower case without full stops: how cue lists are looked up. */
export const norm = (w: string): string => w.toLowerCase().replace(/\./g, '');
