import { countRunWords } from '../../text/index.js';

/** Whether a sentence can stand alone as a line of a summary. */

const SPEECH = /\b(?:said|says|told|added|according to|asked|explained|insisted|claimed|stated)\b/iu;
const BOILERPLATE =
  /\b(?:click here|read more|sign up|subscribe|newsletter|follow (?:us|him|her)|share this|all rights reserved|cookies?|scroll down|for more (?:news|information)|related articles?)\b/iu;
const BYLINE = /^(?:by\s+\p{Lu}|published:|updated:|last (?:updated|modified)|posted:|photo(?:graph)?s?:|image:|credit:|source:)/iu;
const CAPTION = /\((?:pictured|above|below|left|right|centre|center|inset|file photo)[^)]*\)|^(?:pictured|above|below|left|right|inset)\b[:,]/iu;

/**
 * How fit a sentence is to stand alone as a summary line, in (0, 1]. Language-independent signals
 * (length, question marks, leading quotes) apply everywhere; the word lists are English.
 */
export function summaryLineQuality(text: string, words: number = countRunWords(text)): number {
  let q = 1;
  if (words < 5) q *= 0.1;
  else if (words < 9) q *= 0.5;
  // Run-ons are often several sentences glued together (captions, lost full stops).
  if (words > 60) q *= 0.5;
  if (/[?？]["'”’)]*$/u.test(text)) q *= 0.3;
  if (BOILERPLATE.test(text)) q *= 0.1;
  if (BYLINE.test(text)) q *= 0.1;
  if (CAPTION.test(text)) q *= 0.3;
  if (/^["'“‘«„]/u.test(text)) q *= SPEECH.test(text) ? 0.6 : 0.3;
  if (!/[.!?…。！？"'”’)]$/u.test(text)) q *= 0.5;
  return q;
}
