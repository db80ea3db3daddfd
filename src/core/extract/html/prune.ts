import type { SourcedBlock } from './blocks.js';
import type { Block } from '../../types.js';
import { countWords, countWordsUpTo } from '../../text/index.js';

/** What the page says about itself, to spot it repeated in the body. */
export interface PruneContext {
  title?: string;
  byline?: string;
  url?: string;
}

/** Class and id words that mark page furniture rather than article text. */
const FURNITURE_ATTR =
  /(?:^|[-_\s])(?:captions?|credits?|bylines?|datelines?|timestamp|share|sharing|social|newsletters?|subscribe|subscription|signup|related|promos?|advert\w*|sponsor\w*|breadcrumbs?|comments?|tags|toolbar|recirc\w*|trending|popular|most-read|more-stories|read-more|disclaimer|copyright|outbrain|taboola|author-bio|bio)(?:$|[-_\s])/i;

/** Class words that name the article itself ("entry-content-read-more" is the body, not a link). */
const CONTENT_ATTR = /content|body|entry|article|story|main|post-text/i;

/** Calls to action and page chrome that appear as short lines inside articles, in any of a few forms. */
const CHROME_TEXT = new RegExp(
  [
    String.raw`^(?:advert(?:isement)?|ad|sponsored|skip to (?:main )?content|continue reading(?: below)?|loading(?: content)?\W*|comments?|share(?: this(?: article| story)?)?|print|email|tweet|close|caption|highlights|trending|latest|popular)\W*$`,
    String.raw`^(?:you (?:may|might) also like|more (?:from|on|in|stories|news|great)|related(?: (?:news|stories|articles|posts?|content|coverage|reading))?|read (?:more|next|also)|see (?:more|also)|also (?:on|read|see)|don'?t miss|recommended|recent (?:articles|posts)|popular this week|what to read next|latest news|most (?:read|popular)|tell us what you think|want more stories like this)\b`,
    String.raw`\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|inbox|email|updates|alerts|today|here)\b`,
    String.raw`^(?:get|join|follow|like)\b.{0,60}\b(?:newsletter|inbox|facebook|twitter|instagram|youtube|app|forums?|on the go)\b`,
    String.raw`\bclick here\b`,
    String.raw`\b(?:this (?:post|article|page) (?:may )?contains? affiliate|we use cookies|this (?:web)?site uses cookies|all rights reserved|no part of this)\b`,
    String.raw`^(?:image|photo|picture|video) (?:copyright|caption|credit)\b`,
    String.raw`\b(?:share (?:it|this) with a friend|like this story|have a tip\??)\b`,
  ].join('|'),
  'i',
);

/** Photo credits: "Photo: X", "(Image: X)", agency names standing alone, "Credit...". */
const CREDIT_TEXT =
  /^(?:photos?|images?|pictures?|credits?|source|file photo|illustration|graphic)\s*(?::|\.\.\.|\|)|\((?:photos?|images?|pictures?|credits?)\s*:?[^)]*\)\s*$|credit:\s*[^.]{0,60}$|^©|(?:getty images|reuters|associated press|\bap\b|afp|epa|shutterstock|istock)\s*\)?\s*$/i;

const MONTHS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/i;
const DATE_WORDS = /\b(?:updated|published|posted|first published|modified|last updated|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|ago|today|yesterday)\b/i;

/**
 * Drops the boilerplate Readability keeps inside the article: captions and credits, repeated titles and
 * bylines, dates, share and subscribe prompts, related-link lists and the like.
 */
export function pruneBoilerplate(blocks: SourcedBlock[], context: PruneContext): Block[] {
  const drop = blocks.map((block) => isBoilerplate(block, context));
  markLinkLists(blocks, drop);
  const kept = blocks.filter((_, i) => !drop[i]);
  return dropTrailingHeadings(kept).map(({ type, text }) => ({ type, text }));
}

/**
 * Every word-count rule below looks at blocks of at most this many words; counting stops past it (a block may be
 * a 10 MB paragraph). Words are counted as everywhere else, so Chinese, Japanese and Thai text, which has few
 * or no spaces, is not taken for a short line.
 */
const SHORT_BLOCK_WORDS = 30;

function isBoilerplate(block: SourcedBlock, context: PruneContext): boolean {
  const words = countWordsUpTo(block.text, SHORT_BLOCK_WORDS + 1);
  if (inFurniture(block.element)) return true;
  if (sameText(block.text, context.title) || (words <= 12 && sameText(block.text, context.byline))) return true;
  if (words <= 30 && CHROME_TEXT.test(block.text)) return true;
  if (words <= 25 && CREDIT_TEXT.test(block.text)) return true;
  if (words <= 14 && isDateline(block.text)) return true;
  if (words <= 12 && /^by\s+\p{Lu}/iu.test(block.text) && !/[.!?]["”’]?$/.test(block.text)) return true;
  if (isBareLinkOrNumber(block.text, context.url)) return true;
  if (block.linkDensity >= 0.6 && words <= 20 && block.type === 'paragraph') return true;
  return false;
}

/** True when an ancestor is a figure or caption, or is marked as page furniture by its class or id. */
function inFurniture(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    const tag = el.tagName;
    if (tag === 'FIGURE' || tag === 'FIGCAPTION' || tag === 'CAPTION' || tag === 'ASIDE' || tag === 'NAV') return true;
    if (tag === 'BODY' || tag === 'ARTICLE' || el.id === 'readability-page-1') return false;
    const tokens = `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/);
    if (tokens.some((t) => FURNITURE_ATTR.test(t) && !CONTENT_ATTR.test(t))) return true;
  }
  return false;
}

function isDateline(text: string): boolean {
  if (!MONTHS.test(text) && !/\b\d{1,2}:\d{2}\b/.test(text)) return false;
  // Little else than a date, a time and their labels.
  const rest = text
    .replace(MONTHS, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[\d:|/,.;()-]+/g, ' ')
    .trim();
  const words = countWords(rest);
  return words <= 2 || (DATE_WORDS.test(text) && words <= 5);
}

function isBareLinkOrNumber(text: string, url: string | undefined): boolean {
  if (url && text === url) return true;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text) || /^\S+@\S+\.\w+$/.test(text)) return true;
  return !/\p{L}{2}/u.test(text) || /^\d+\s+of\s+\/?\s*\d+$/i.test(text);
}

/** Headings with nothing after them but other headings are leftovers of removed sections. */
function dropTrailingHeadings(blocks: SourcedBlock[]): SourcedBlock[] {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.type === 'heading') end--;
  return blocks.slice(0, end);
}

/**
 * Runs of three or more list items that are mostly links are menus or related-story lists when they stand
 * before the article's prose, after it, or under a heading that was dropped as page chrome.
 */
function markLinkLists(blocks: SourcedBlock[], drop: boolean[]): void {
  const prose = blocks.map((b, i) => !drop[i] && b.type === 'paragraph' && countWordsUpTo(b.text, 25) >= 25);
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  let start = 0;
  while (start < blocks.length) {
    const parent = blocks[start]!.element.parentElement;
    let end = start;
    while (end < blocks.length && blocks[end]!.type === 'list-item' && blocks[end]!.element.parentElement === parent) end++;
    if (end - start >= 3 && linkShare(blocks.slice(start, end)) >= 0.5) {
      const outside = firstProse < 0 || end <= firstProse || start > lastProse;
      const underChrome = start > 0 && drop[start - 1] === true;
      if (outside || underChrome) for (let i = start; i < end; i++) drop[i] = true;
    }
    start = Math.max(end, start + 1);
  }
}

function linkShare(run: SourcedBlock[]): number {
  const chars = run.reduce((n, b) => n + b.text.length, 0);
  return run.reduce((n, b) => n + b.linkDensity * b.text.length, 0) / Math.max(1, chars);
}

function sameText(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const target = norm(b);
  // A block with more letters and digits than the normalised title has can't match it (lowercasing keeps a
  // letter a letter): counted up to that point, so a 10 MB block is not normalised in full.
  let letters = 0;
  for (const _ of a.matchAll(/[\p{L}\p{N}]/gu)) if (++letters > target.length) return false;
  return norm(a) === target;
}
