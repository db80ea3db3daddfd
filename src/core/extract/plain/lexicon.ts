/**
 * The furniture lexicon: each word's fitted log-odds of standing in page furniture rather than in article
 * text, learned from the words of the fitting pages (training/pasteLexicon.ts). Words of menus, share bars,
 * teasers and footers recur from site to site ("see it now", "jpg", "newsletter"); an article's words are its
 * topic's, so only words seen on many pages are listed.
 */
import type { TextCleanModel } from './model.js';

const lexicons = new WeakMap<TextCleanModel, ReadonlyMap<string, number>>();

/** The model's lexicon as a map (built once per model). */
export function lexiconOf(model: TextCleanModel): ReadonlyMap<string, number> {
  let lexicon = lexicons.get(model);
  if (!lexicon) {
    lexicon = new Map(Object.entries(model.lexicon));
    lexicons.set(model, lexicon);
  }
  return lexicon;
}
