import { loadAeb } from '../lib/aeb.js';
import { dataDir } from '../lib/data.js';

/** The aeb pages the speed benchmarks run over, largest last. */
export function benchPages(args: string[]): Array<{ id: string; html: string; url: string }> {
  return loadAeb(dataDir(args)).map(({ id, html, url }) => ({ id, html, url }));
}

/** `--runs N` (default 3). */
export function runsOf(args: string[]): number {
  const i = args.indexOf('--runs');
  const n = i >= 0 ? Number(args[i + 1]) : 3;
  return Number.isInteger(n) && n > 0 ? n : 3;
}
