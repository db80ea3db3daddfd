import { digestSource, keyOf, type DigestResult, type Source } from '../core/pipeline.js';
import type { BotContext } from './context.js';

/**
 * The digest of a source for the bot: a cached one at once, so a cached answer never waits behind slow
 * fetches in the work queue nor is told "busy"; otherwise made in the queue (which may refuse with BUSY).
 * `refresh` skips the cache and replaces its entry.
 * @throws SkimError as {@link digestSource} does, and BUSY when the queue is full.
 */
export async function digestFor(source: Source, ctx: BotContext, options: { refresh?: boolean } = {}): Promise<DigestResult> {
  const key = keyOf(source);
  if (options.refresh !== true) {
    const hit = await ctx.cache.peek(key);
    if (hit) return { digest: hit, cached: true };
  }
  return ctx.queue.run(() => digestSource(source, ctx.deps, { key, ...(options.refresh === true ? { refresh: true } : {}) }));
}
