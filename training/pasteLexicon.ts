/**
 * The text cleaner's furniture lexicon (src/core/extract/plain/lexicon.ts), learned from labelled pages: each
 * word's smoothed log-odds of standing in furniture blocks rather than in article blocks, kept only where it
 * favours furniture.
 */

/** A labelled page as the lexicon reads it: its blocks' word tokens and labels (1 article, 0 furniture). */
export interface LexiconPage {
  tokens: string[][];
  labels: number[];
}

/** Pages a word must be found on to be listed: fewer is one site's vocabulary or one article's topic. */
const MIN_PAGES = 3;
/** Times a page counts a word per class at most, so that one site's menu repeated down its page weighs one site. */
const CAP = 3;
/** Pseudo-counts that pull a word seen a few times towards no evidence. */
const PRIOR = 2;
/** Largest log-odds listed. */
const CLIP = 4;

/**
 * Log-odds of furniture against the furniture/article mix of all words, for the words found on at least
 * MIN_PAGES pages. Only words that lean towards furniture are listed: those of an article are its topic's
 * and do not carry over to other sites (listing them too helped one half of aeb-paste and hurt the other).
 */
export function buildLexicon(pages: LexiconPage[]): Record<string, number> {
  const counts = new Map<string, { furniture: number; article: number; pages: number }>();
  let furniture = 0;
  let article = 0;
  for (const page of pages) {
    const seen = new Map<string, [number, number]>();
    page.tokens.forEach((tokens, i) => {
      const y = page.labels[i] === 1 ? 1 : 0;
      for (const t of tokens) {
        const c = seen.get(t) ?? [0, 0];
        c[y]++;
        seen.set(t, c);
      }
    });
    for (const [t, [f, a]] of seen) {
      const c = counts.get(t) ?? { furniture: 0, article: 0, pages: 0 };
      c.furniture += Math.min(CAP, f);
      c.article += Math.min(CAP, a);
      c.pages++;
      furniture += Math.min(CAP, f);
      article += Math.min(CAP, a);
      counts.set(t, c);
    }
  }
  const pf = furniture / Math.max(1, furniture + article);
  const base = Math.log(pf / (1 - pf));
  const out: Record<string, number> = {};
  for (const [t, c] of [...counts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (c.pages < MIN_PAGES) continue;
    const odds = Math.log((c.furniture + PRIOR * pf) / (c.article + PRIOR * (1 - pf))) - base;
    if (odds >= 0.05) out[t] = +Math.min(CLIP, odds).toPrecision(3);
  }
  return out;
}
