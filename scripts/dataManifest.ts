/**
 * data-manifest.json: every data file Skim ships, with where it comes from, under what licence, and its
 * SHA-256. `npm run build:data` writes it; a test checks the shipped files against it, so a data file that
 * changes without a rebuild, or appears without an entry, fails CI.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The manifest's path from the project's root. */
export const MANIFEST_FILE = 'data-manifest.json';

/** Folders whose files are data (every file in them, but their notices, is listed). */
export const DATA_DIRS = ['src/core/answer/data', 'src/core/analyse/entities/data', 'src/core/text/data'];

const NOTICES = new Set(['NOTICE.md', 'README.md']);

/** One shipped data file. */
export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
  /** What the data is. */
  source: string;
  /** The pinned packages it was built from (name@version), empty for files written by hand. */
  from: string[];
  licence: string;
  /** The command that rebuilds it, or "hand-written". */
  madeBy: string;
}

/** Every data file under {@link DATA_DIRS}, as paths from the root, sorted. */
export function dataFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!NOTICES.has(entry.name)) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  for (const dir of DATA_DIRS) walk(join(root, dir));
  return files.sort();
}

/** The SHA-256 of a file, in hex. */
export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Source and licence of a hand-written list, from its own header: a comment line
 * "# Source: …; licence: …" within its first lines.
 */
export function declaredOrigin(file: string): { source: string; licence: string } | undefined {
  const head = readFileSync(file, 'utf8').slice(0, 2_000).split('\n').slice(0, 10);
  for (const line of head) {
    const found = /^#\s*Source:\s*(.+?);\s*licen[cs]e:\s*(.+?)\.?\s*$/i.exec(line);
    if (found) return { source: found[1]!, licence: found[2]! };
  }
  return undefined;
}

/** Reads the committed manifest. */
export function readManifest(root: string): ManifestEntry[] {
  return JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8')) as ManifestEntry[];
}

/**
 * Writes the manifest for the files as they are now. Built files take their origin from `built`; other
 * files must declare theirs in a header line. @throws for a data file whose origin is unknown.
 */
export function writeManifest(root: string, built: Map<string, Omit<ManifestEntry, 'path' | 'bytes' | 'sha256'>>): ManifestEntry[] {
  const entries = dataFiles(root).map((path): ManifestEntry => {
    const file = join(root, path);
    const origin = built.get(path) ?? handWritten(file, path);
    return { path, bytes: readFileSync(file).length, sha256: sha256Of(file), ...origin };
  });
  writeFileSync(join(root, MANIFEST_FILE), `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}

function handWritten(file: string, path: string): Omit<ManifestEntry, 'path' | 'bytes' | 'sha256'> {
  const origin = declaredOrigin(file);
  if (!origin) throw new Error(`${path}: no build step makes it and it declares no "# Source: …; licence: …" line`);
  return { ...origin, from: [], madeBy: 'hand-written' };
}
