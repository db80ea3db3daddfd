import { urlKey } from '../core/cache/index.js';
import type { KeyValue } from '../core/cache/index.js';

/** How long a link summarized in a channel is not summarized again there. */
export const RECENT_LINK_MS = 5 * 60_000;

/**
 * Remembers, per channel, the links Skim has just summarized, in the cache store (so shards share it):
 * pasting the same link again within a few minutes gets no second reply.
 */
export class RecentLinks {
  constructor(
    private readonly kv: KeyValue<number>,
    private readonly windowMs = RECENT_LINK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The links not seen in `channelId` within the window; each of them is marked as seen from now. */
  async claim(channelId: string, links: readonly string[]): Promise<string[]> {
    const fresh: string[] = [];
    for (const link of links) {
      const key = `${channelId}:${keyOf(link)}`;
      if ((await this.kv.get(key)) !== undefined) continue;
      await this.kv.set(key, this.now(), this.windowMs);
      fresh.push(link);
    }
    return fresh;
  }
}

/** Two spellings of one page (tracking parameters, fragments) count as the same link. */
function keyOf(link: string): string {
  try {
    return urlKey(link);
  } catch {
    return link;
  }
}
