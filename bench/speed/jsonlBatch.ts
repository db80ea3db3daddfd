import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mb, median, ms } from '../lib/stats.js';
import { benchPages, runsOf } from './pages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Pages per batch: enough for the CLI's steady state, few enough for several runs. */
const BATCH_PAGES = 20;

/** The oversized line: a 20 MB page, twice the cap, as a script might send by mistake. */
const OVERSIZED_BYTES = 20 * 1024 * 1024;

/**
 * A preload that reports the process's peak RSS (kilobytes) on fd 3 as it exits, whatever the exit path
 * (an EPIPE exit included). Inline, so the benchmark needs no file of its own beside this one.
 */
const PEAK_RSS_PRELOAD =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(3,String(process.resourceUsage().maxRSS)))';

interface BatchRun {
  peakRss: number;
  wallMs: number;
  lines: number;
}

/** Runs `skim summarize --jsonl -` on a batch file as a user would, in a fresh process. */
function runBatch(file: string): BatchRun {
  const input = openSync(file, 'r');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', PEAK_RSS_PRELOAD, 'bin/skim.js', 'summarize', '--jsonl', '-'], {
      cwd: root,
      stdio: [input, 'pipe', 'inherit', 'pipe'],
      env: { ...process.env, CACHE_URL: 'memory', LOG_LEVEL: 'silent' },
      maxBuffer: 1024 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`skim exited ${result.status}`);
    const lines = String(result.stdout).trim().split('\n').length;
    return { peakRss: Number(String(result.output[3])) * 1024, wallMs, lines };
  } finally {
    closeSync(input);
  }
}

/**
 * Peak RSS and wall time of a `--jsonl` batch of real pages (the baseline), and of the same batch with one
 * 20 MB line in its middle: the line is refused with TOO_LARGE, and the batch's peak should stay near the
 * baseline's instead of growing with what the line holds. Several runs, medians.
 */
export async function run(args: string[]): Promise<void> {
  const runs = runsOf(args);
  const pages = benchPages(args).slice(0, BATCH_PAGES);
  const lines = pages.map((p) => JSON.stringify({ id: p.id, html: p.html }));
  const oversized = JSON.stringify({ id: 'oversized', html: `<p>${'word '.repeat(Math.ceil(OVERSIZED_BYTES / 5))}</p>` });
  const dir = mkdtempSync(join(tmpdir(), 'skim-bench-jsonl-'));
  try {
    const normal = join(dir, 'normal.jsonl');
    const withOversized = join(dir, 'oversized.jsonl');
    writeFileSync(normal, `${lines.join('\n')}\n`);
    const half = Math.floor(lines.length / 2);
    writeFileSync(withOversized, `${[...lines.slice(0, half), oversized, ...lines.slice(half)].join('\n')}\n`);
    console.log(`skim summarize --jsonl -, ${pages.length} aeb pages, ${runs} runs each, medians (fresh process per run)`);
    const cases: Array<[string, string]> = [
      ['normal batch (baseline)', normal],
      [`same + one ${mb(Buffer.byteLength(oversized))} line`, withOversized],
    ];
    const medians: number[] = [];
    for (const [label, file] of cases) {
      const results = Array.from({ length: runs }, () => runBatch(file));
      const peak = median(results.map((r) => r.peakRss));
      medians.push(peak);
      console.log(`${label.padEnd(32)} peak RSS ${mb(peak).padStart(7)}   wall ${ms(median(results.map((r) => r.wallMs))).padStart(9)}   ${results[0]!.lines} lines out`);
    }
    console.log(`peak RSS added by the oversized line: ${mb(medians[1]! - medians[0]!)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
