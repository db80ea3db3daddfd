import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Source } from '../../src/core/pipeline.js';
import { dataDir, flag } from '../lib/data.js';
import { median, ms } from '../lib/stats.js';
import { runsOf } from './pages.js';

/** What a user may hand over in one piece: a 10 MB paragraph, pasted or as one text node of a page. */
const HUGE_CHARS = 10_000_000;

/** The issue's budget for one such block. */
const TARGET = { ms: 5000, rssMb: 400 };

type Kind = 'text' | 'html';

/** One child's figures: the baseline (a normal news article) and the huge block, in that order, in one process. */
interface CaseResult {
  baselineMs: number;
  baselineRssMb: number;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  outcome: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** News prose from the CNN/DailyMail sample, articles joined with spaces until `chars` long. */
function prose(args: string[], chars: number): { normal: string; huge: string } {
  const rows = readFileSync(join(dataDir(args), 'cnndm', 'cnndm_test_250.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { article: string }).article);
  const parts: string[] = [];
  for (let n = 0, i = 0; n < chars; i++) {
    const article = rows[i % rows.length]!;
    parts.push(article);
    n += article.length + 1;
  }
  return { normal: rows[0]!, huge: parts.join(' ').slice(0, chars) };
}

function sourceOf(kind: Kind, text: string): Source {
  return kind === 'text' ? { text } : { html: `<html><body><article><p>${text}</p></article></body></html>` };
}

/** Runs in a fresh process: a normal article first (the baseline, on warm modules), then the huge block. */
async function runCase(kind: Kind, args: string[]): Promise<CaseResult> {
  const { digestSource } = await import('../../src/core/pipeline.js');
  const { normal, huge } = prose(args, Number(flag(args, 'chars') ?? HUGE_CHARS));
  const deps = { fetchPage: () => Promise.reject(new Error('no fetching in this bench')) };
  const outcomeOf = async (source: Source): Promise<string> => {
    try {
      const { digest } = await digestSource(source, deps);
      return `${digest.wordCount} words, ${digest.sentences.length} sentences analysed`;
    } catch (error) {
      return `refused: ${(error as { code?: string }).code ?? String(error)}`;
    }
  };
  // The first run loads the lexicons and jsdom; the baseline is the second, as in a worker that has served.
  await outcomeOf(sourceOf(kind, normal));
  let start = performance.now();
  await outcomeOf(sourceOf(kind, normal));
  const baselineMs = performance.now() - start;
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const source = sourceOf(kind, huge);
  const cpu = process.cpuUsage();
  start = performance.now();
  const outcome = await outcomeOf(source);
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  return { baselineMs, baselineRssMb, ms: elapsed, cpuMs: (used.user + used.system) / 1000, maxRssMb, outcome };
}

function spawnCase(kind: Kind, args: string[]): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--case', kind, ...args], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

/**
 * Time and peak RSS of one 10 MB block through `digestSource`, pasted as text and as a page's single text
 * node, each run in a fresh process so that the peak RSS is that case's; the baseline is a normal news
 * article (the same kind of source) through the same pipeline in the same process, just before, once warm.
 */
export async function run(args: string[]): Promise<void> {
  const runs = runsOf(args);
  console.log(`one block of ${(Number(flag(args, 'chars') ?? HUGE_CHARS) / 1e6).toFixed(0)} MB of news prose through digestSource, ${runs} fresh processes per case, medians`);
  console.log(`target per block: at most ${ms(TARGET.ms)} and ${TARGET.rssMb} MB peak RSS; cpu is the process's CPU time (GC threads included)`);
  console.log(`load average at start: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`);
  console.log(`${'case'.padEnd(22)} ${'baseline'.padStart(9)} ${'RSS'.padStart(7)} | ${'huge'.padStart(9)} ${'cpu'.padStart(9)} ${'peak RSS'.padStart(9)} | outcome`);
  for (const kind of ['text', 'html'] as const) {
    const results = Array.from({ length: runs }, () => spawnCase(kind, args));
    const med = (f: (r: CaseResult) => number) => median(results.map(f));
    console.log(
      `${(kind === 'text' ? '{text} one paragraph' : '{html} one text node').padEnd(22)} ${ms(med((r) => r.baselineMs)).padStart(9)} ${`${med((r) => r.baselineRssMb).toFixed(0)} MB`.padStart(7)} | ` +
        `${ms(med((r) => r.ms)).padStart(9)} ${ms(med((r) => r.cpuMs)).padStart(9)} ${`${med((r) => r.maxRssMb).toFixed(0)} MB`.padStart(9)} | ${results[0]!.outcome}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const kind = flag(args, 'case');
  if (kind === 'text' || kind === 'html') console.log(JSON.stringify(await runCase(kind, args)));
}
