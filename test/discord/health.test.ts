import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHealth, healthFileFor } from '../../src/discord/health.js';

const dir = () => mkdtempSync(join(tmpdir(), 'skim-health-test-'));

describe('checkHealth', () => {
  it('is healthy when the bot said connected lately, and says why not otherwise', () => {
    const file = join(dir(), 'status');
    expect(checkHealth(file)).toMatchObject({ healthy: false, line: expect.stringMatching(/^no status/) });
    writeFileSync(file, JSON.stringify({ connected: true, at: 1_000_000 }));
    expect(checkHealth(file, 1_010_000)).toEqual({ healthy: true, line: 'connected (1 process)' });
    expect(checkHealth(file, 1_000_000 + 61_000)).toMatchObject({ healthy: false, line: expect.stringMatching(/^stale status/) });
    writeFileSync(file, JSON.stringify({ connected: false, at: 1_000_000 }));
    expect(checkHealth(file, 1_010_000)).toMatchObject({ healthy: false, line: expect.stringMatching(/^not connected/) });
  });

  it("needs every shard's status under the ShardingManager", () => {
    const file = join(dir(), 'status');
    writeFileSync(healthFileFor(file, [0]), JSON.stringify({ connected: true, at: 1_000 }));
    writeFileSync(healthFileFor(file, [1]), JSON.stringify({ connected: false, at: 1_000 }));
    expect(checkHealth(file, 2_000).healthy).toBe(false);
    writeFileSync(healthFileFor(file, [1]), JSON.stringify({ connected: true, at: 1_000 }));
    expect(checkHealth(file, 2_000)).toEqual({ healthy: true, line: 'connected (2 shards)' });
  });
});
