import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The evaluation data folder: `--data DIR` when given, else `../shared/data` beside the project's root.
 */
export function dataDir(args: string[]): string {
  const i = args.indexOf('--data');
  const dir = i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : join(projectRoot, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    console.error(`Evaluation data not found at ${dir} (pass --data DIR).`);
    process.exit(2);
  }
  return dir;
}

/** The value of `--name VALUE` in args, or undefined. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Formats a row of a fixed-width table. */
export function row(cells: Array<string | number>, widths: number[]): string {
  return cells
    .map((c, i) => {
      const s = typeof c === 'number' ? c.toFixed(3) : c;
      return i === 0 ? s.padEnd(widths[i] ?? 12) : s.padStart(widths[i] ?? 9);
    })
    .join(' ');
}
