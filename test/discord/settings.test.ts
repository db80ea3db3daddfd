import { describe, expect, it } from 'vitest';
import { SettingsStore, type GuildSettings } from '../../src/discord/settings.js';
import { memoryCache } from './fakes.js';

describe('SettingsStore', () => {
  it('has auto-summary off by default', async () => {
    const settings = new SettingsStore((await memoryCache()).kv<GuildSettings>('guild'));
    expect(await settings.get('g1')).toEqual({ autoSummaryChannels: [] });
    expect(await settings.autoSummaryOn('g1', 'c1')).toBe(false);
  });

  it('turns auto-summary on and off per channel', async () => {
    const settings = new SettingsStore((await memoryCache()).kv<GuildSettings>('guild'));
    await settings.setAutoSummary('g1', 'c1', true);
    await settings.setAutoSummary('g1', 'c2', true);
    await settings.setAutoSummary('g1', 'c1', true);
    expect((await settings.get('g1')).autoSummaryChannels).toEqual(['c2', 'c1']);
    await settings.setAutoSummary('g1', 'c2', false);
    expect(await settings.autoSummaryOn('g1', 'c2')).toBe(false);
    expect(await settings.autoSummaryOn('g1', 'c1')).toBe(true);
    expect(await settings.autoSummaryOn('g2', 'c1')).toBe(false);
  });

  it('persists in the cache store: another store over it (a restart, another shard) reads the same', async () => {
    const cache = await memoryCache();
    await new SettingsStore(cache.kv<GuildSettings>('guild')).setAutoSummary('g1', 'c1', true);
    expect(await new SettingsStore(cache.kv<GuildSettings>('guild')).autoSummaryOn('g1', 'c1')).toBe(true);
  });

  it('reads the store again once its memo expires', async () => {
    const cache = await memoryCache();
    let now = 0;
    const reader = new SettingsStore(cache.kv<GuildSettings>('guild'), () => now);
    expect(await reader.autoSummaryOn('g1', 'c1')).toBe(false);
    await new SettingsStore(cache.kv<GuildSettings>('guild')).setAutoSummary('g1', 'c1', true);
    expect(await reader.autoSummaryOn('g1', 'c1')).toBe(false);
    now += 11_000;
    expect(await reader.autoSummaryOn('g1', 'c1')).toBe(true);
  });

  it('keeps both of two changes made at the same time', async () => {
    const settings = new SettingsStore((await memoryCache()).kv<GuildSettings>('guild'));
    await Promise.all([settings.setAutoSummary('g1', 'c1', true), settings.setAutoSummary('g1', 'c2', true)]);
    expect((await settings.get('g1')).autoSummaryChannels.sort()).toEqual(['c1', 'c2']);
  });
});
