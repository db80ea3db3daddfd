import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataFiles, declaredOrigin, readManifest, sha256Of } from '../../scripts/dataManifest.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('data-manifest.json', () => {
  const manifest = readManifest(root);

  it('lists every shipped data file, and no file that is gone', () => {
    expect(manifest.map((e) => e.path)).toEqual(dataFiles(root));
  });

  it.each(manifest.map((e) => [e.path, e] as const))('matches the shipped bytes of %s', (path, entry) => {
    expect(sha256Of(join(root, path))).toBe(entry.sha256);
  });

  it('names a source, a licence and the command that makes each file', () => {
    for (const entry of manifest) {
      expect(entry.source.length, entry.path).toBeGreaterThan(0);
      expect(entry.licence.length, entry.path).toBeGreaterThan(0);
      expect(entry.madeBy, entry.path).toMatch(/^(npm run build:data -- --only [a-z-]+|hand-written)$/);
      // A built file names the exact package versions it came from.
      if (entry.madeBy !== 'hand-written') for (const from of entry.from) expect(from, entry.path).toMatch(/@\d+\.\d+\.\d+/);
    }
  });
});

describe('declaredOrigin', () => {
  it('reads the source and licence a hand-written list declares in its header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skim-manifest-'));
    try {
      const declared = join(dir, 'titles.txt');
      writeFileSync(declared, '# Titles before a name.\n# Source: written for Skim by its authors; licence: the project\'s own.\nmr mrs\n');
      expect(declaredOrigin(declared)).toEqual({ source: 'written for Skim by its authors', licence: "the project's own" });
      const silent = join(dir, 'silent.txt');
      writeFileSync(silent, 'mr mrs\n');
      expect(declaredOrigin(silent)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
