import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What the build reads: a change in any of these makes dist/ stale. */
const SOURCES = ['src', 'commands', 'types', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds dist/ (`npm run build`) unless it is newer than every source file: tests run the CLI and the bot
 * as users do, from the built JavaScript, and must never run a stale build.
 */
export function ensureBuilt(): void {
  const marker = join(root, 'dist', 'src', 'cli.js');
  const sources = Math.max(...SOURCES.filter((p) => existsSync(join(root, p))).map((p) => newestMtime(join(root, p))));
  if (existsSync(marker) && statSync(marker).mtimeMs > sources) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
