import { answerQuestion } from '../core/answer/index.js';
import { isSkimError, SkimError } from '../core/errors.js';
import type { Source } from '../core/pipeline.js';
import { selectSummary } from '../core/selectSummary.js';
import type { Digest } from '../core/types.js';
import type { BotContext } from './context.js';
import { digestFor } from './digests.js';
import { renderAnswer } from './render/answer.js';
import { CONTENT_LIMIT, renderBullets, renderEntitiesText, renderSourceText, titleLine } from './render/text.js';
import type { ArticleRef, ThreadLink } from './threadLinks.js';

/** Sentences "more" adds each time. */
export const MORE_STEP = 3;

/**
 * The digest behind a summary: from the cache, else made again from its source (a URL is fetched again).
 * @throws SkimError when it can be neither (pasted text too long to keep) or when making it fails.
 */
export async function loadDigest(ref: ArticleRef, ctx: BotContext): Promise<Digest> {
  const recentDigests = recentOf(ctx);
  const recent = recentDigests.get(ref.key);
  if (recent && recent.until > Date.now()) return recent.digest;
  const cached = await ctx.cache.peek(ref.key);
  let digest = cached;
  if (!digest) {
    const source = ref.source;
    if (!source) throw new SkimError('BAD_INPUT', 'That article is no longer cached; summarize it again to ask about it.');
    digest = await digestAgain(source, ctx);
  }
  remember(recentDigests, ref.key, digest);
  return digest;
}

/**
 * Makes a digest again from its kept source. A failure says it was the fetch again that failed, so a user
 * asking "more" is not left wondering why the site matters now; waiting (busy, rate limit) is said as is.
 */
async function digestAgain(source: Source, ctx: BotContext): Promise<Digest> {
  try {
    return (await digestFor(source, ctx)).digest;
  } catch (error) {
    if (!isSkimError(error) || error.code === 'BUSY' || error.code === 'RATE_LIMITED') throw error;
    const reason = `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
    throw new SkimError(error.code, `Skim no longer has that article, and getting it again failed: ${reason}`, { cause: error, details: error.details });
  }
}

/**
 * The digests of threads asked about lately, kept as the same objects: the question index is built once per
 * digest object, so a conversation in a thread does not rebuild it for every question on the main thread.
 */
type Recent = Map<string, { digest: Digest; until: number }>;
const recentByBot = new WeakMap<BotContext, Recent>();
const RECENT_DIGESTS = 32;
const RECENT_DIGEST_MS = 10 * 60_000;

function recentOf(ctx: BotContext): Recent {
  let recent = recentByBot.get(ctx);
  if (!recent) recentByBot.set(ctx, (recent = new Map()));
  return recent;
}

function remember(recentDigests: Recent, key: string, digest: Digest): void {
  recentDigests.delete(key);
  recentDigests.set(key, { digest, until: Date.now() + RECENT_DIGEST_MS });
  while (recentDigests.size > RECENT_DIGESTS) recentDigests.delete(recentDigests.keys().next().value!);
}

/** Answers a question from the articles of a summary: quotes and where they stand, or "The article doesn't say." */
export async function answerText(link: ThreadLink, question: string, ctx: BotContext): Promise<string> {
  const digests = await Promise.all(link.articles.map((ref) => loadDigest(ref, ctx)));
  const answers = digests.map((digest) => ({ digest, answer: answerQuestion(digest, question) }));
  if (answers.length === 1) return renderAnswer(answers[0]!.answer);
  const found = answers.filter((a) => a.answer.found);
  if (found.length === 0) return renderAnswer(answers[0]!.answer);
  return joinSections(found.map(({ digest, answer }) => (max) => renderAnswer(answer, { title: digest.article.title, max })));
}

/** The next sentences of a longer summary of each article; records how far each has gone. */
export async function moreText(link: ThreadLink, ctx: BotContext): Promise<{ text: string; link: ThreadLink }> {
  const sections: Array<(max: number) => string> = [];
  const articles: ArticleRef[] = [];
  for (const ref of link.articles) {
    const digest = await loadDigest(ref, ctx);
    const shown = new Set(selectSummary(digest, ref.shown, Number.POSITIVE_INFINITY));
    const next = selectSummary(digest, ref.shown + MORE_STEP, Number.POSITIVE_INFINITY).filter((s) => !shown.has(s));
    articles.push({ ...ref, shown: ref.shown + MORE_STEP });
    if (next.length > 0) sections.push(titled(link, digest, (max) => renderBullets(next, max)));
  }
  const text = sections.length > 0 ? joinSections(sections) : "That's all: the summary already covers every main point of the article.";
  return { text, link: { ...link, articles } };
}

/** The key entities of each article, grouped by type. */
export async function entitiesText(link: ThreadLink, ctx: BotContext): Promise<string> {
  const digests = await Promise.all(link.articles.map((ref) => loadDigest(ref, ctx)));
  return joinSections(digests.map((digest) => titled(link, digest, (max) => renderEntitiesText(digest.entities, max))));
}

/** Where each article came from. */
export async function sourceText(link: ThreadLink, ctx: BotContext): Promise<string> {
  const digests = await Promise.all(link.articles.map((ref) => loadDigest(ref, ctx)));
  return joinSections(digests.map((digest) => (max: number) => renderSourceText(digest, max)));
}

/** A section headed by its article's title when the summary covered several. */
function titled(link: ThreadLink, digest: Digest, body: (max: number) => string): (max: number) => string {
  if (link.articles.length === 1) return body;
  const heading = `${titleLine(digest.article.title)}\n`;
  return (max) => `${heading}${body(max - heading.length)}`;
}

/** Sections separated by a blank line, each given an equal share of a message. */
function joinSections(sections: ReadonlyArray<(max: number) => string>): string {
  const share = Math.floor(CONTENT_LIMIT / Math.max(1, sections.length)) - 2;
  return sections.map((render) => render(share)).join('\n\n');
}
