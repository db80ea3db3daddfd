import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { NotAnArticleError, SkimError } from '../../errors.js';
import { blocksFrom } from './blocks.js';
import { pruneBoilerplate } from './prune.js';
import { countWordsUpTo, detectLanguage, normalizeLangTag } from '../../text/index.js';
import type { Article, Block } from '../../types.js';

/** Options for {@link cleanHtml}. */
export interface HtmlCleanOptions {
  /** The page's URL, for resolving relative links and metadata. */
  url?: string;
  /** Fewer words than this in the article text means there is no article. */
  minWords?: number;
}

const DEFAULT_MIN_WORDS = 30;

/** Elements a page may have: past this, jsdom and Readability would take seconds and hundreds of MB. */
export const MAX_ELEMENTS = 60_000;

/** Script bodies are dead weight for Readability (which never runs them); JSON-LD is kept for metadata. */
const SCRIPT_OR_STYLE = /<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi;

/**
 * Drops script and style bodies before parsing: Readability reads neither, and CSS parsing is where jsdom
 * spends time (and where hostile style sheets have crashed it). JSON-LD stays for its metadata.
 */
export function stripInert(html: string): string {
  return html.replace(SCRIPT_OR_STYLE, (whole, tag: string, attrs: string) =>
    tag.toLowerCase() === 'script' && /ld\+json/i.test(attrs) ? whole : '',
  );
}

/**
 * Extracts the article from an HTML page: jsdom (scripts never run, no subresource loaded) + Readability,
 * then a pruning pass for boilerplate Readability keeps. The window is closed before returning.
 * @throws NotAnArticleError when the page holds no readable article; SkimError('PARSE_FAILED') when it cannot be parsed.
 */
export function cleanHtml(html: string, options: HtmlCleanOptions = {}): Article {
  try {
    return extractArticle(html, options);
  } catch (error) {
    // Tens of thousands of nested elements overflow the stack of the DOM walkers (jsdom's, Readability's, ours).
    if (error instanceof RangeError) throw new SkimError('PARSE_FAILED', 'That page is nested too deeply to read.', { cause: error });
    throw error;
  }
}

/**
 * Shortest stretch of plain text that is lifted out of the markup before parsing (see {@link liftLongText}):
 * longer than most paragraphs, so ordinary pages parse as they always did.
 */
export const LONG_TEXT = 2_000;

/** Markup with its long stretches of plain text replaced by markers, and those stretches. */
export interface LiftedMarkup {
  markup: string;
  stretches: string[];
}

/** Opens and closes a marker: private-use characters, which the tokenizer passes through as plain text. */
const MARK_OPEN = '\ue000';
const MARK_CLOSE = '\ue001';
const MARKER = /\ue000(\d+)\ue001/g;

/** Script bodies (JSON-LD) and comments: their text is not the document's text, so it stays in place. */
const RAW_TEXT = /<script\b[\s\S]*?<\/script\s*>|<!--[\s\S]*?-->/gi;

/**
 * Replaces each long stretch of plain text in the markup with a short marker, to be put back into the parsed
 * document by {@link restoreLongText}. The HTML tokenizer builds text one character at a time and jsdom
 * appends every word to the text node (a concatenation and a mutation record each): a 10 MB paragraph took
 * seconds and hundreds of MB of string fragments to parse. A stretch holds no `<`, `>`, `&` or NUL, so its
 * text is exactly what the parser would have produced (line ends aside, normalised here as the parser does);
 * it starts and ends with a non-space character and its surrounding whitespace stays in the markup, so the
 * tree builder sees the same kinds of tokens and builds the same tree. Markup that already holds the marker
 * characters is left alone.
 */
export function liftLongText(markup: string): LiftedMarkup {
  const stretches: string[] = [];
  if (markup.length < LONG_TEXT || markup.includes(MARK_OPEN)) return { markup, stretches };
  const parts: string[] = [];
  let last = 0;
  for (const raw of markup.matchAll(RAW_TEXT)) {
    liftRuns(markup.slice(last, raw.index), stretches, parts);
    parts.push(raw[0]);
    last = raw.index + raw[0].length;
  }
  liftRuns(markup.slice(last), stretches, parts);
  return stretches.length === 0 ? { markup, stretches } : { markup: parts.join(''), stretches };
}

/** Puts the lifted stretches back into the document's text nodes. */
export function restoreLongText(document: Document, stretches: string[]): void {
  if (stretches.length === 0) return;
  const walker = document.createTreeWalker(document, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes(MARK_OPEN)) text.data = text.data.replace(MARKER, (whole, k: string) => stretches[Number(k)] ?? whole);
  }
}

const SHOW_TEXT = 4;
const NUL = 0;
const BANG = 33;
const QUOTE = 34;
const AMP = 38;
const APOSTROPHE = 39;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;

/** Where the tokenizer stands, as far as finding text runs goes. */
const enum Scan {
  Text,
  Tag,
  Quoted,
  /** `<!...>` and `<?...>`: up to the first '>', quotes or not. */
  Bogus,
}

/**
 * Lifts the long stretches of text of markup that starts outside a tag. Tags are followed as the tokenizer
 * reads them, quoted attribute values included (`alt="a > b"`, JSON with markup in a `data-` attribute), so
 * no marker lands inside a tag; a bracket in text also ends a run. A character loop, not a regex: a bounded
 * repeat over megabytes overflows the regex engine's stack.
 */
function liftRuns(markup: string, stretches: string[], parts: string[]): void {
  let done = 0;
  let runStart = 0;
  let scan = Scan.Text;
  let quote = 0;
  let previous = 0;
  const endRun = (end: number): void => {
    if (end - runStart < LONG_TEXT) return;
    parts.push(markup.slice(done, runStart));
    liftRun(markup.slice(runStart, end), stretches, parts);
    done = end;
  };
  for (let i = 0; i < markup.length; i++) {
    const c = markup.charCodeAt(i);
    if (scan === Scan.Text) {
      if (c !== LT && c !== GT) continue;
      endRun(i);
      runStart = i + 1;
      if (c === GT) continue;
      const next = markup.charCodeAt(i + 1);
      if (isAsciiLetter(next) || (next === SLASH && isAsciiLetter(markup.charCodeAt(i + 2)))) scan = Scan.Tag;
      else if (next === BANG || next === QUESTION || next === SLASH) scan = Scan.Bogus;
      previous = 0;
    } else if (scan === Scan.Quoted) {
      if (c === quote) scan = Scan.Tag;
    } else if (c === GT) {
      scan = Scan.Text;
      runStart = i + 1;
    } else if (scan === Scan.Tag && (c === QUOTE || c === APOSTROPHE) && previous === EQUALS) {
      scan = Scan.Quoted;
      quote = c;
    }
    if (!isHtmlSpace(c)) previous = c;
  }
  if (scan === Scan.Text) endRun(markup.length);
  parts.push(markup.slice(done));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Splits a text run at character references (kept, up to the next space, for the parser to decode) and NULs. */
function liftRun(run: string, stretches: string[], parts: string[]): void {
  let start = 0;
  for (let i = 0; i <= run.length; i++) {
    const c = i < run.length ? run.charCodeAt(i) : AMP;
    if (c !== AMP && c !== NUL) continue;
    parts.push(liftStretch(run.slice(start, i), stretches));
    let end = i + 1;
    while (c === AMP && end < run.length && !isHtmlSpace(run.charCodeAt(end)) && run.charCodeAt(end) !== AMP) end++;
    parts.push(run.slice(i, Math.min(end, run.length)));
    start = end;
    i = end - 1;
  }
}

/** A piece of plain text, its core replaced by a marker when it is long. */
function liftStretch(piece: string, stretches: string[]): string {
  let start = 0;
  while (start < piece.length && isHtmlSpace(piece.charCodeAt(start))) start++;
  let end = piece.length;
  while (end > start && isHtmlSpace(piece.charCodeAt(end - 1))) end--;
  if (end - start < LONG_TEXT) return piece;
  stretches.push(piece.slice(start, end).replace(/\r\n?/g, '\n'));
  return `${piece.slice(0, start)}${MARK_OPEN}${stretches.length - 1}${MARK_CLOSE}${piece.slice(end)}`;
}

/** HTML's own whitespace (not JavaScript's wider `\s`): what the tokenizer tells apart from other text. */
function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function extractArticle(html: string, options: HtmlCleanOptions): Article {
  const markup = liftLongText(stripInert(html));
  // Counted on the string, before jsdom builds a DOM that would cost seconds and hundreds of MB.
  if (countTags(markup.markup) > MAX_ELEMENTS) throw new SkimError('TOO_LARGE', 'That page is too large to summarize.');
  // jsdom's tree building turns quadratic on thousands of open elements (seconds, then minutes): refuse first.
  if (maxDepth(markup.markup) > MAX_DEPTH) throw new SkimError('PARSE_FAILED', 'That page is nested too deeply to read.');
  const dom = parse(markup, options.url);
  try {
    const document = dom.window.document;
    const meta = pageMetadata(document);
    const parsed = readability(document);
    const minWords = options.minWords ?? DEFAULT_MIN_WORDS;
    let blocks: Block[] = parsed?.content
      ? pruneBoilerplate(blocksFrom(parsed.content as Element), {
          title: parsed.title ?? meta.title,
          byline: parsed.byline ?? undefined,
          url: options.url,
        })
      : [];
    let fallback = false;
    if (!hasWords(blocks, minWords)) {
      // Readability found nothing, or a scrap (content hidden until scripts run, table layouts): take the
      // page's prose instead, flagged so callers know the extraction was simpler. The parse mutated the
      // document, so the fallback reads a fresh one.
      const fresh = parse(markup, options.url);
      try {
        blocks = fallbackBlocks(fresh.window.document);
      } finally {
        fresh.window.close();
      }
      fallback = true;
    }
    if (!hasWords(blocks, minWords)) throw new NotAnArticleError();
    const text = blocks.map((b) => b.text).join(' ');
    const article: Article = {
      title: withoutSiteName(clean(parsed?.title) ?? meta.title ?? '', meta.heading),
      blocks,
      source: 'html',
      ...defined({
        url: options.url,
        canonicalUrl: meta.canonicalUrl,
        byline: clean(parsed?.byline) ?? meta.byline,
        siteName: clean(parsed?.siteName) ?? meta.siteName,
        lang: normalizeLangTag(parsed?.lang) ?? meta.lang ?? detectLanguage(text),
        publishedTime: clean(parsed?.publishedTime) ?? meta.publishedTime,
        imageUrl: meta.imageUrl,
        excerpt: excerptOf(parsed?.excerpt),
      }),
    };
    if (fallback) article.fallback = true;
    return article;
  } finally {
    dom.window.close();
  }
}

function parse(html: LiftedMarkup, url: string | undefined): JSDOM {
  let dom: JSDOM;
  try {
    // A silent virtual console: jsdom reports CSS and markup errors there instead of on stderr.
    dom = new JSDOM(html.markup, { ...(url ? { url } : {}), virtualConsole: new VirtualConsole() });
  } catch (error) {
    throw new SkimError('PARSE_FAILED', undefined, { cause: error });
  }
  restoreLongText(dom.window.document, html.stretches);
  return dom;
}

function readability(document: Document): ReturnType<Readability<Element>['parse']> {
  try {
    // The live document is mutated by Readability; metadata was read before this call.
    return new Readability<Element>(document, {
      serializer: (node) => node as Element,
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Aborting parsing document')) {
      throw new SkimError('TOO_LARGE', 'That page is too large to summarize.', { cause: error });
    }
    throw new SkimError('PARSE_FAILED', undefined, { cause: error });
  }
}

interface PageMetadata {
  title?: string;
  /** The text of the page's only `<h1>`, when it has one. */
  heading?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  canonicalUrl?: string;
  imageUrl?: string;
}

function pageMetadata(document: Document): PageMetadata {
  const metas = metaIndex(document);
  // The first tag naming each key wins, as `querySelector('meta[name="…" i]')` would pick it.
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const value = clean(metas.get(key)?.getAttribute('content'));
      if (value) return value;
    }
    return undefined;
  };
  return defined({
    title: clean(document.title),
    heading: onlyHeading(document),
    byline: metaContent('name=author', 'property=article:author'),
    siteName: metaContent('property=og:site_name', 'name=application-name'),
    lang:
      normalizeLangTag(document.documentElement.getAttribute('lang')) ??
      normalizeLangTag(metaContent('http-equiv=content-language', 'property=og:locale')),
    publishedTime: metaContent('property=article:published_time', 'name=date', 'itemprop=datepublished', 'name=pubdate'),
    canonicalUrl: absolute(canonicalLink(document)?.href),
    imageUrl: absolute(metaContent('property=og:image', 'name=twitter:image')),
  });
}

function onlyHeading(document: Document): string | undefined {
  const headings = document.getElementsByTagName('h1');
  return headings.length === 1 ? clean(headings[0]?.textContent) : undefined;
}

/**
 * The page's heading when the title is that heading and then the site's name ("Harbor Bridge (Riverton) -
 * Wikipedia", "... | TheHill"): Readability's title often keeps the site's name, short titles always.
 */
function withoutSiteName(title: string, heading: string | undefined): string {
  if (!heading || !title.startsWith(heading)) return title;
  return /^\s+[-|–—·:»]\s+\S/u.test(title.slice(heading.length)) ? heading : title;
}

const META_KEYS = ['name', 'property', 'http-equiv', 'itemprop'] as const;

/**
 * The page's `<meta>` tags by `attribute=value` (value lower-cased), first in document order. One walk over
 * the tags: a selector query per field scanned the whole document each time, about 5% of a batch's time.
 */
function metaIndex(document: Document): Map<string, Element> {
  const index = new Map<string, Element>();
  for (const meta of document.getElementsByTagName('meta')) {
    for (const attribute of META_KEYS) {
      const value = meta.getAttribute(attribute);
      const key = value === null ? undefined : `${attribute}=${value.toLowerCase()}`;
      if (key !== undefined && !index.has(key)) index.set(key, meta);
    }
  }
  return index;
}

/** The first `<link rel="canonical" href>`, as `link[rel~="canonical" i][href]` finds it. */
function canonicalLink(document: Document): HTMLLinkElement | undefined {
  for (const link of document.getElementsByTagName('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
    if (rel.includes('canonical') && link.hasAttribute('href')) return link as HTMLLinkElement;
  }
  return undefined;
}

/** A simpler extraction for pages Readability rejects: the page's paragraphs of prose. */
function fallbackBlocks(document: Document): Block[] {
  const body = document.body;
  if (!body) return [];
  for (const el of body.querySelectorAll('nav, header, footer, aside, form, noscript, [role="navigation"]')) el.remove();
  return blocksFrom(body)
    .filter((b) => b.type !== 'paragraph' || countWordsUpTo(b.text, 8) >= 8)
    .map(({ type, text }) => ({ type, text }));
}

function absolute(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Longest excerpt kept, in characters (the development pages' longest is 1,767): without a description,
 * Readability's excerpt is the first paragraph, which may be a whole book.
 */
const MAX_EXCERPT = 2000;

function excerptOf(s: string | null | undefined): string | undefined {
  if (!s || s.length <= MAX_EXCERPT) return clean(s);
  let end = s.lastIndexOf(' ', MAX_EXCERPT);
  if (end <= 0) end = /[\ud800-\udbff]/.test(s[MAX_EXCERPT - 1]!) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
  const head = clean(s.slice(0, end));
  return head ? `${head} …` : undefined;
}

function clean(s: string | null | undefined): string | undefined {
  // Only what differs from a single space: a plain space matched too would cost a match per word.
  const t = s?.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return t ? t : undefined;
}

/** Nesting that real pages stay far below (the 111 dev pages reach 49); jsdom slows sharply past it. */
const MAX_DEPTH = 400;

/** Void elements and those whose end tag may be left out: they do not deepen the tree when left open. */
const NO_DEPTH = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body'.split(' '),
);

/** An upper bound on the element nesting of markup, from its start and end tags alone. */
function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

function countTags(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0 && n <= MAX_ELEMENTS; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) n++;
  }
  return n;
}

/** Whether the blocks hold at least `min` words; counting stops there (a block may be a 10 MB paragraph). */
function hasWords(blocks: Block[], min: number): boolean {
  let n = 0;
  for (const { text } of blocks) if ((n += countWordsUpTo(text, min - n)) >= min) return true;
  return false;
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
