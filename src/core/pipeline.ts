import type { RawInput } from './extract/index.js';
import { bytesKey, contentKey, sameSiteCanonical, urlKey, type SkimCache } from './cache/index.js';
import type { FetchedPage } from './fetch/index.js';
import { selectSummary } from './selectSummary.js';
import type { Article, Digest, SummaryJson } from './types.js';

/**
 * What a user asks to summarize. A PDF given as bytes (a file, stdin, an attachment) carries the URL it can be
 * found at again (an attachment's, or a file: URL), which is what the bot keeps to make its digest again.
 */
export type Source = { url: string } | { html: string; url?: string } | { text: string; url?: string } | { pdf: Uint8Array; url: string };

/** Everything the pipeline needs from outside, passed in so tests and the bot choose their own. */
export interface PipelineDeps {
  /** Fetches a URL (the safe fetcher, with its limits bound). */
  fetchPage: (url: string) => Promise<FetchedPage>;
  /** The cache; without one every call computes. */
  cache?: SkimCache;
  /** Runs the CPU-bound step (a worker pool in the bot); inline by default. */
  run?: (raw: RawInput, key: string) => Promise<Digest>;
}

/** A digest and whether the cache supplied it. */
export interface DigestResult {
  digest: Digest;
  cached: boolean;
}

/**
 * Runs the CPU-bound step on this thread, PDFs included. Loaded on first use: with a worker pool, the main
 * thread never loads jsdom or pdf.js.
 */
const inline = async (raw: RawInput, key: string): Promise<Digest> => (await import('./digest.js')).digestInput(raw, key);

/** The cache key of a source: the canonical URL, or a hash of pasted content or of a PDF's bytes. @throws SkimError('BAD_URL') */
export function keyOf(source: Source): string {
  if ('pdf' in source) return bytesKey('pdf', source.pdf);
  if ('html' in source) return contentKey('html', source.html);
  if ('text' in source) return contentKey('text', source.text);
  return urlKey(source.url);
}

/** Options of {@link digestSource}. */
export interface DigestOptions {
  /** Replace the cached entry (and a remembered failure). */
  refresh?: boolean;
  /** The source's {@link keyOf}, when the caller has it already: a 10 MB paste is not hashed twice. */
  key?: string;
}

/**
 * Fetches (for URLs), cleans and analyses a source, through the cache when there is one: a repeat costs a
 * cache read; concurrent requests for one key do the work once. `refresh` replaces the cached entry.
 * @throws SkimError for every expected failure (bad URL, blocked address, not an article...).
 */
export async function digestSource(source: Source, deps: PipelineDeps, options: DigestOptions = {}): Promise<DigestResult> {
  const key = options.key ?? keyOf(source);
  const compute = () => computeDigest(source, key, deps);
  if (!deps.cache) return { digest: (await compute()).digest, cached: false };
  return deps.cache.getOrCompute(key, compute, options.refresh ? { refresh: true } : {});
}

async function computeDigest(source: Source, key: string, deps: PipelineDeps): Promise<{ digest: Digest; aliases: string[] }> {
  const run = deps.run ?? inline;
  if ('html' in source) return { digest: await run({ kind: 'html', html: source.html, ...urlOf(source) }, key), aliases: [] };
  if ('text' in source) return { digest: await run({ kind: 'text', text: source.text, ...urlOf(source) }, key), aliases: [] };
  if ('pdf' in source) {
    // A file's or an attachment's address is not the document's: only a web link is shown as its URL.
    const raw: RawInput = { kind: 'bytes', bytes: source.pdf, contentType: 'application/pdf' };
    return { digest: await run(raw, key), aliases: [] };
  }
  const page = await deps.fetchPage(source.url);
  const aliases = new Set<string>();
  if (page.url !== source.url) aliases.add(urlKey(page.url));
  // Another URL of the same page may already be cached under the page's canonical URL: skip the parse then.
  const canonical = sameSiteCanonical(page.url, canonicalLink(page));
  if (canonical) {
    aliases.add(urlKey(canonical));
    const hit = await deps.cache?.peek(urlKey(canonical));
    if (hit) return { digest: { ...hit, key }, aliases: [...aliases].filter((k) => k !== key) };
  }
  const raw: RawInput = {
    kind: 'bytes',
    bytes: page.body,
    contentType: page.contentType,
    url: page.url,
    ...(page.charset ? { charset: page.charset } : {}),
  };
  const digest = await run(raw, key);
  const declared = sameSiteCanonical(page.url, digest.article.canonicalUrl);
  if (declared) aliases.add(urlKey(declared));
  aliases.delete(key);
  return { digest, aliases: [...aliases] };
}

function urlOf(source: { url?: string }): { url?: string } {
  return source.url ? { url: source.url } : {};
}

/** Finds `<link rel=canonical href=...>` in the page's head without parsing it. */
function canonicalLink(page: FetchedPage): string | undefined {
  if (page.contentType !== 'text/html' && page.contentType !== 'application/xhtml+xml') return undefined;
  const head = Buffer.from(page.body.subarray(0, 65536)).toString('latin1');
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = tag.match(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (!value) return undefined;
    try {
      return new URL(value.replace(/&amp;/g, '&'), page.url).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The summary of a digest at a length (the digest's own default when none is given), in article order. */
export function summaryOf(digest: Digest, sentences?: number): string[] {
  return selectSummary(digest, sentences ?? digest.defaultLength);
}

/** The article's text as Skim shows it (`text` of `skim summarize --json`): its blocks, a blank line apart. */
export function articleText(article: Article): string {
  return article.blocks.map((b) => b.text).join('\n\n');
}

/** The stable JSON shape of `skim summarize --json`. */
export function toSummaryJson(digest: Digest, sentences?: number): SummaryJson {
  const a = digest.article;
  return {
    title: a.title,
    byline: a.byline ?? null,
    siteName: a.siteName ?? null,
    url: a.url ?? null,
    lang: a.lang ?? null,
    publishedTime: a.publishedTime ?? null,
    wordCount: digest.wordCount,
    text: articleText(a),
    summary: summaryOf(digest, sentences),
    entities: digest.entities.map(({ name, type, mentions }) => ({ name, type, mentions })),
  };
}
