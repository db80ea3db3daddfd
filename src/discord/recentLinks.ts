import { type KeyValue, urlKey } from '../core/cache/index.js';

/** How long a link summarized in a channel is not summarized again there. */
export const RECENT_LINK_MS = 5 * 60_000;

/**
 * Remembers, per channel, the links Skim has just summarized, in the cache store (so shards share it):
 * pasting the same link again within a few minutes gets no second reply.
 */
export class RecentLinks {
  /** Claims run one after another: two messages with the same link handled at once must not both get it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kv: KeyValue<number>,
    private readonly windowMs = RECENT_LINK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The links not seen in `channelId` within the window; each of them is marked as seen from now. A channel
   * belongs to one guild, so to one shard: serialising claims in this process is enough.
   */
  claim(channelId: string, links: readonly string[]): Promise<string[]> {
    const claimed = this.turn.then(async () => {
      const fresh: string[] = [];
      for (const link of links) {
        const key = `${channelId}:${keyOf(link)}`;
        if ((await this.kv.get(key)) !== undefined) continue;
        await this.kv.set(key, this.now(), this.windowMs);
        fresh.push(link);
      }
      return fresh;
    });
    this.turn = claimed.catch(() => undefined);
    return claimed;
  }

  /** Forgets links claimed in `channelId` that were not handled after all (rate limit, full queue): posting them again works. */
  async release(channelId: string, links: readonly string[]): Promise<void> {
    for (const link of links) await this.kv.delete(`${channelId}:${keyOf(link)}`);
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
