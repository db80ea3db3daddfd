import type { KeyValue } from '../core/cache/index.js';

/** What a guild has set with `/skim`. */
export interface GuildSettings {
  /** Channels where links get an automatic summary. */
  autoSummaryChannels: string[];
}

/** Kept in memory this long before the store is read again (another shard may have changed it). */
const MEMO_MS = 10_000;

/** Guilds memoised at most; past it the memo starts again (a cheap bound, reads are cheap too). */
const MEMO_ENTRIES = 10_000;

const EMPTY: GuildSettings = { autoSummaryChannels: [] };

/**
 * Guild settings in the cache store (namespace `guild`), so they survive restarts and shards share them.
 * Reads are memoised briefly: every message in every channel asks whether auto-summary is on.
 */
export class SettingsStore {
  private readonly memo = new Map<string, { settings: GuildSettings; until: number }>();
  /** Changes run one after another: two admins changing two channels at once must both be kept. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kv: KeyValue<GuildSettings>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The guild's settings (defaults when it has none). */
  async get(guildId: string): Promise<GuildSettings> {
    const memo = this.memo.get(guildId);
    if (memo && memo.until > this.now()) return memo.settings;
    const stored = await this.kv.get(guildId);
    const settings: GuildSettings = Array.isArray(stored?.autoSummaryChannels) ? stored : EMPTY;
    this.remember(guildId, settings);
    return settings;
  }

  /** Whether links posted in `channelId` get an automatic summary. */
  async autoSummaryOn(guildId: string, channelId: string): Promise<boolean> {
    return (await this.get(guildId)).autoSummaryChannels.includes(channelId);
  }

  /**
   * Turns auto-summary on or off in a channel and returns the new settings. A guild belongs to one shard, so
   * serialising the read-modify-write in this process is enough.
   */
  setAutoSummary(guildId: string, channelId: string, on: boolean): Promise<GuildSettings> {
    const changed = this.turn.then(async () => {
      this.memo.delete(guildId);
      const current = await this.get(guildId);
      const others = current.autoSummaryChannels.filter((id) => id !== channelId);
      const settings: GuildSettings = { ...current, autoSummaryChannels: on ? [...others, channelId] : others };
      await this.kv.set(guildId, settings);
      this.remember(guildId, settings);
      return settings;
    });
    this.turn = changed.catch(() => undefined);
    return changed;
  }

  private remember(guildId: string, settings: GuildSettings): void {
    if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
    this.memo.set(guildId, { settings, until: this.now() + MEMO_MS });
  }
}
