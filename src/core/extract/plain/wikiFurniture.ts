/**
 * What reference works put around an article that the block classifier, fitted on news and blog pages, has not
 * seen: a table of contents listing the headings to come, and notes on where else to read ("This article is
 * about ... For other uses, see ..."). Wikipedia pages pasted from a browser carry both; their end matter
 * (References) goes later, for every kind of input (text/endMatter.ts).
 */
import type { RawBlock } from './blocks.js';

/** A wiki's navigation notes, each on a line of its own above the article or a section. */
const NAVIGATION_NOTE =
  /^(?:this (?:article|page) is about\b.*\bfor other (?:uses|meanings)\b|.{1,80} redirects here\b|not to be confused with\b|(?:main|further) (?:articles?|information):|see also:)/i;

/** A table of contents' entry: a section number and a heading ("2 Broadcasting", "3.1 Aftermath"). */
const CONTENTS_ENTRY = /^(\d{1,2}(?:\.\d{1,2})*)\s+(\S.{0,80})$/;
const CONTENTS_TITLE = /^(?:contents|table of contents|in this article)(?:\s*(?:hide|show))?$/i;

/** A heading as the text shows it, without a wiki's "[edit]" link. */
const headingText = (text: string): string => text.replace(/\s*\[edit\]$/i, '').trim().toLowerCase();

/**
 * The kept blocks without a table of contents (`contents`, from {@link contentsBlocks}) or navigation notes
 * (indices in order).
 */
export function withoutWikiFurniture(blocks: readonly RawBlock[], kept: readonly number[], contents: ReadonlySet<number>): number[] {
  return kept.filter((i) => !contents.has(i) && !NAVIGATION_NOTE.test(blocks[i]!.text.trim()));
}

/**
 * Blocks of a table of contents: a run of three or more numbered entries whose headings mostly come again
 * later as blocks of their own, with the "Contents" line above it. A numbered list in an article (steps,
 * ingredients) names no later headings. Linear in the blocks: each text's last place is looked up, so that a
 * paste of many short numbered runs is not read again for each one.
 */
export function contentsBlocks(blocks: readonly RawBlock[]): Set<number> {
  const out = new Set<number>();
  const lastAt = new Map<string, number>();
  blocks.forEach((b, i) => lastAt.set(headingText(b.text), i));
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && CONTENTS_ENTRY.test(blocks[j]!.text.trim())) j++;
    if (j - i >= 3) {
      const titles = blocks.slice(i, j).map((b) => CONTENTS_ENTRY.exec(b.text.trim())?.[2]?.toLowerCase() ?? '');
      if (titles.filter((t) => (lastAt.get(t) ?? -1) >= j).length * 2 >= titles.length) {
        for (let k = i; k < j; k++) out.add(k);
        if (i > 0 && CONTENTS_TITLE.test(blocks[i - 1]!.text.trim())) out.add(i - 1);
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
