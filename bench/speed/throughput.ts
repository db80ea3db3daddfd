import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { digestRaw } from '../../src/core/digest.js';
import { median, ms, quantile } from '../lib/stats.js';
import { benchPages, runsOf } from './pages.js';

function readabilityAlone(html: string, url: string): void {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    new Readability(dom.window.document).parse();
  } finally {
    dom.window.close();
  }
}

function skimPipeline(html: string, url: string): void {
  try {
    digestRaw({ kind: 'html', html, url }, 'bench');
  } catch {
    // A page without an article costs its time all the same.
  }
}

/** Times each page once through `fn`; returns per-page milliseconds. */
function timePages(pages: Array<{ html: string; url: string }>, fn: (html: string, url: string) => void): number[] {
  return pages.map((p) => {
    const start = performance.now();
    fn(p.html, p.url);
    return performance.now() - start;
  });
}

/** Pipeline (clean + summary + entities) against plain jsdom + Readability, same pages, same process, alternating runs. */
export async function run(args: string[]): Promise<void> {
  const pages = benchPages(args);
  const runs = runsOf(args);
  // Warm-up: JIT, the tagger's lexicon, gazetteers.
  timePages(pages.slice(0, 10), skimPipeline);
  timePages(pages.slice(0, 10), readabilityAlone);
  const totals = { skim: [] as number[], readability: [] as number[] };
  const perPage = { skim: [] as number[], readability: [] as number[] };
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of [['readability', readabilityAlone], ['skim', skimPipeline]] as const) {
      const times = timePages(pages, fn);
      totals[name].push(times.reduce((a, b) => a + b, 0));
      perPage[name].push(...times);
    }
  }
  const line = (name: 'skim' | 'readability', label: string) => {
    const total = median(totals[name]);
    console.log(
      `${label.padEnd(30)} ${(pages.length / (total / 1000)).toFixed(2).padStart(6)} pages/s   p50 ${ms(quantile(perPage[name], 0.5)).padStart(8)}   p95 ${ms(quantile(perPage[name], 0.95)).padStart(8)}`,
    );
  };
  console.log(`${pages.length} aeb pages, ${runs} runs, medians, one thread`);
  line('readability', 'readability + jsdom (baseline)');
  line('skim', 'skim pipeline (clean+summary+entities)');
  console.log(`ratio skim / baseline (total time, median of runs): ${(median(totals.skim) / median(totals.readability)).toFixed(2)}`);
}
