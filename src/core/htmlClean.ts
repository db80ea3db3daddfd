import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { NotAnArticleError, SkimError } from './errors.js';
import { blocksFrom } from './htmlBlocks.js';
import { pruneBoilerplate } from './htmlPrune.js';
import { detectLanguage, normalizeLangTag } from './lang.js';
import type { Article, Block } from './types.js';
import { countWords } from './wordCount.js';

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

function extractArticle(html: string, options: HtmlCleanOptions): Article {
  const markup = stripInert(html);
  // Counted on the string, before jsdom builds a DOM that would cost seconds and hundreds of MB.
  if (countTags(markup) > MAX_ELEMENTS) throw new SkimError('TOO_LARGE', 'That page is too large to summarize.');
  // jsdom's tree building turns quadratic on thousands of open elements (seconds, then minutes): refuse first.
  if (maxDepth(markup) > MAX_DEPTH) throw new SkimError('PARSE_FAILED', 'That page is nested too deeply to read.');
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
    if (wordsIn(blocks) < minWords) {
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
    if (wordsIn(blocks) < minWords) throw new NotAnArticleError();
    const text = blocks.map((b) => b.text).join(' ');
    const article: Article = {
      title: clean(parsed?.title) ?? meta.title ?? '',
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
        excerpt: clean(parsed?.excerpt),
      }),
    };
    if (fallback) article.fallback = true;
    return article;
  } finally {
    dom.window.close();
  }
}

function parse(html: string, url: string | undefined): JSDOM {
  try {
    // A silent virtual console: jsdom reports CSS and markup errors there instead of on stderr.
    return new JSDOM(html, { ...(url ? { url } : {}), virtualConsole: new VirtualConsole() });
  } catch (error) {
    throw new SkimError('PARSE_FAILED', undefined, { cause: error });
  }
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
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  canonicalUrl?: string;
  imageUrl?: string;
}

function pageMetadata(document: Document): PageMetadata {
  const metaContent = (...selectors: string[]) => {
    for (const s of selectors) {
      const value = clean(document.querySelector(s)?.getAttribute('content'));
      if (value) return value;
    }
    return undefined;
  };
  const link = (rel: string) => document.querySelector(`link[rel~="${rel}" i][href]`) as HTMLLinkElement | null;
  return defined({
    title: clean(document.title),
    byline: metaContent('meta[name="author" i]', 'meta[property="article:author" i]'),
    siteName: metaContent('meta[property="og:site_name" i]', 'meta[name="application-name" i]'),
    lang:
      normalizeLangTag(document.documentElement.getAttribute('lang')) ??
      normalizeLangTag(metaContent('meta[http-equiv="content-language" i]', 'meta[property="og:locale" i]')),
    publishedTime: metaContent(
      'meta[property="article:published_time" i]',
      'meta[name="date" i]',
      'meta[itemprop="datePublished" i]',
      'meta[name="pubdate" i]',
    ),
    canonicalUrl: absolute(link('canonical')?.href),
    imageUrl: absolute(metaContent('meta[property="og:image" i]', 'meta[name="twitter:image" i]')),
  });
}

/** A simpler extraction for pages Readability rejects: the page's paragraphs of prose. */
function fallbackBlocks(document: Document): Block[] {
  const body = document.body;
  if (!body) return [];
  for (const el of body.querySelectorAll('nav, header, footer, aside, form, noscript, [role="navigation"]')) el.remove();
  return blocksFrom(body)
    .filter((b) => b.type !== 'paragraph' || countWords(b.text) >= 8)
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

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
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

function wordsIn(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + countWords(b.text), 0);
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
