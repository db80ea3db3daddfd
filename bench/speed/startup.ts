import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, ms } from '../lib/stats.js';
import { runsOf } from './pages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../test/fixtures/sample-article.html', import.meta.url));

function wall(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore', env: { ...process.env, CACHE_URL: 'memory' } });
  return performance.now() - start;
}

/** Wall time of cold starts: node alone (baseline), `skim --help`, importing the pipeline, and one CLI summary. */
export async function run(args: string[]): Promise<void> {
  const runs = Math.max(3, runsOf(args));
  const cases: Array<[string, string[]]> = [
    ['node -e 0 (baseline)', ['-e', '0']],
    ['skim --help', ['bin/skim.js', '--help']],
    ['import the pipeline (built)', ['--input-type=module', '-e', "await import('./dist/src/core/pipeline.js')"]],
    ['skim summarize sample page', ['bin/skim.js', 'summarize', sample]],
  ];
  console.log(`cold process starts of the built code (npm run build first), ${runs} runs, medians`);
  const medians = new Map<string, number>();
  for (const [label, argv] of cases) {
    const times = Array.from({ length: runs }, () => wall(argv));
    medians.set(label, median(times));
    console.log(`${label.padEnd(30)} ${ms(median(times)).padStart(9)}`);
  }
  const ratio = medians.get('skim --help')! / medians.get('node -e 0 (baseline)')!;
  console.log(`skim --help / node -e 0: ${ratio.toFixed(2)} (target at most 3)`);
  // The bot's own figure: from process start to the client's ready event, against a loopback Discord
  // (the fake's start is inside it, a few ms).
  const ready = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--import', 'tsx', 'bench/speed/botReady.ts'], { cwd: root, encoding: 'utf8' }).trim()),
  );
  console.log(`${'bot: process start to ready'.padEnd(30)} ${ms(median(ready)).padStart(9)}`);
}
