/**
 * The end matter after an article's text: references, notes, external links, further reading. Wikipedia pages,
 * papers and many blog posts end with it, however they reach Skim (a link, a paste, a PDF); the benchmark's
 * article bodies never hold it, and its names ("Smith, John (1990)") would become entities.
 */

/** Headings of end matter, as a line of their own (a wiki's "[edit]" link after one goes first). */
const END_MATTER =
  /^(?:references|notes|footnotes|citations|sources|bibliography|works cited|external links|see also|further reading)(?:\s*\[edit\])?$/i;

/** Index of the first block that heads end matter after some text, or the number of blocks when none does. */
export function endMatterStart(texts: readonly string[]): number {
  for (let i = 1; i < texts.length; i++) if (END_MATTER.test(texts[i]!.trim())) return i;
  return texts.length;
}
