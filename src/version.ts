import { readFileSync } from 'node:fs';

/**
 * Skim's version, from its package.json: one level up from this file in the sources (src/), two in the build
 * (dist/src/), so the first package.json named skim on the way up is the one.
 */
function readVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'skim' && pkg.version) return pkg.version;
    } catch {
      // Not there: try one level further up.
    }
  }
  return 'unknown';
}

/** The version `skim --version`, `/skim-status` and the logs report. */
export const VERSION = readVersion();
