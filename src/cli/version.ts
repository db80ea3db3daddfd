import { readFileSync } from 'node:fs';

/**
 * Skim's version, from its package.json: two levels up from this file whether it runs from src/cli/ (tsx)
 * or dist/src/cli/ (built), so the first package.json named skim on the way up is the one.
 */
export function skimVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'skim' && pkg.version) return pkg.version;
    } catch {
      // Not there: try one level further up.
    }
  }
  return 'unknown';
}
