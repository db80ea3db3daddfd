import type { KeyValue } from '../core/cache/index.js';
import type { Source } from '../core/pipeline.js';

/** One article behind a summary message. */
export interface ArticleRef {
  /** The digest's cache key. */
  key: string;
  title: string;
  /** How to make the digest again once the cache has let it go (absent for very long pasted text). */
  source?: Source;
  /** Summary sentences shown so far ("more" shows the next ones). */
  shown: number;
}

/** What a summary message (and the thread started from it) is about. */
export interface ThreadLink {
  articles: ArticleRef[];
  channelId: string;
  guildId?: string;
  /** Who asked for the summary with a command (absent for automatic link replies): Refresh is theirs. */
  requesterId?: string;
}

/** How long a summary keeps answering questions. Threads archive after a day but can be reopened. */
export const THREAD_LINK_TTL_MS = 30 * 24 * 3600_000;

/** Pasted text longer than this is not kept in the link; such a thread ends when the cache forgets it. */
const MAX_KEPT_SOURCE_CHARS = 100_000;

/**
 * Links from a summary message or thread id to its articles, in the cache store (namespace `thread`), so
 * threads and "Ask a question" buttons keep working after a restart and on every shard.
 */
export class ThreadLinks {
  constructor(
    private readonly kv: KeyValue<ThreadLink>,
    private readonly ttlMs = THREAD_LINK_TTL_MS,
  ) {}

  /** The link of a message or thread, if Skim made one. */
  get(id: string): Promise<ThreadLink | undefined> {
    return this.kv.get(id);
  }

  /** Stores the link of a message or thread. */
  set(id: string, link: ThreadLink): Promise<void> {
    return this.kv.set(id, link, this.ttlMs);
  }
}

/** The part of a source worth keeping to make its digest again. */
export function keptSource(source: Source): Source | undefined {
  if ('html' in source) return source.html.length <= MAX_KEPT_SOURCE_CHARS ? source : undefined;
  if ('text' in source) return source.text.length <= MAX_KEPT_SOURCE_CHARS ? source : undefined;
  return { url: source.url };
}
