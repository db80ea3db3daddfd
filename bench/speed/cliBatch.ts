import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mb, median, ms } from '../lib/stats.js';
import { benchPages, runsOf } from './pages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Pages in the batch, as the issue that set the targets measured it. */
const BATCH_PAGES = 70;

/** Reports the process's peak RSS (kilobytes) on fd 3 as it exits. */
const PEAK_RSS_PRELOAD =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(3,String(process.resourceUsage().maxRSS)))';

/** The baseline: Readability on jsdom alone over the same lines, one page after another, in one process. */
const READABILITY_ALONE = `
import { createInterface } from 'node:readline';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { html, id } = JSON.parse(line);
  const dom = new JSDOM(html, { url: 'https://example.com/' + id, virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  process.stdout.write(JSON.stringify({ id, title: article?.title ?? null }) + '\\n');
  dom.window.close();
}`;

interface Run {
  wallMs: number;
  peakRss: number;
}

function timed(argv: string[], file: string): Run {
  const input = openSync(file, 'r');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', PEAK_RSS_PRELOAD, ...argv], {
      cwd: root,
      stdio: [input, 'pipe', 'inherit', 'pipe'],
      env: { ...process.env, CACHE_URL: 'memory', LOG_LEVEL: 'silent' },
      maxBuffer: 1024 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}`);
    return { wallMs, peakRss: Number(String(result.output[3])) * 1024 };
  } finally {
    closeSync(input);
  }
}

/**
 * A batch of pages through the built CLI (`skim summarize --jsonl --no-cache -`: clean, summary, entities)
 * against Readability on jsdom alone over the same pages, each in a fresh process, several runs, medians:
 * the targets are at most 1.0x the time and no more peak RSS than Readability alone.
 */
export async function run(args: string[]): Promise<void> {
  const runs = runsOf(args);
  const pages = benchPages(args).slice(0, BATCH_PAGES);
  const dir = mkdtempSync(join(tmpdir(), 'skim-bench-cli-'));
  try {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, `${pages.map((p) => JSON.stringify({ id: p.id, html: p.html })).join('\n')}\n`);
    const baseline = Array.from({ length: runs }, () => timed(['--input-type=module', '-e', READABILITY_ALONE], file));
    const skim = Array.from({ length: runs }, () => timed(['bin/skim.js', 'summarize', '--jsonl', '--no-cache', '-'], file));
    const row = (label: string, r: Run[]) =>
      console.log(`${label.padEnd(44)} wall ${ms(median(r.map((x) => x.wallMs))).padStart(9)}   peak RSS ${mb(median(r.map((x) => x.peakRss))).padStart(7)}`);
    console.log(`${pages.length} aeb pages as --jsonl lines, ${runs} runs each, medians (fresh process per run)`);
    row('readability + jsdom alone (baseline)', baseline);
    row('skim summarize --jsonl --no-cache (built)', skim);
    const ratio = median(skim.map((x) => x.wallMs)) / median(baseline.map((x) => x.wallMs));
    const rss = median(skim.map((x) => x.peakRss)) / median(baseline.map((x) => x.peakRss));
    console.log(`ratio skim / baseline: time ${ratio.toFixed(2)} (target at most 1.0), peak RSS ${rss.toFixed(2)} (target at most 1.0)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
