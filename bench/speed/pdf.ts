import { createDigestPool } from '../../src/core/pool/digestPool.js';
import { digestSource, type PipelineDeps } from '../../src/core/pipeline.js';
import { buildPdf, flowPages, isWinAnsi } from '../../scripts/make-pdf-lib.js';
import { loadAeb } from '../lib/aeb.js';
import { dataDir } from '../lib/data.js';
import { mb, median, ms } from '../lib/stats.js';
import { runsOf } from './pages.js';
import { MAX_INPUT_BYTES, MAX_PDF_PAGES, PDF_READ_MS } from '../../src/core/limits.js';

const PAGES = 30;
/** PDFs read after the warm-up to see whether the pool's memory keeps growing. */
const MEMORY_RUNS = 30;

const NO_FETCH: PipelineDeps['fetchPage'] = () => Promise.reject(new Error('the bench never fetches'));

/**
 * A 30-page report in two columns with hyphenated words, running headers, footers and page numbers: the
 * aeb articles' bodies one after another, as dense as a printed report.
 */
function thirtyPages(args: string[]): { pdf: Buffer; text: string } {
  const pages = reportPages(args).slice(0, PAGES);
  const text = pages.flatMap((p) => p.runs.map((r) => r.text)).join('\n');
  return { pdf: buildPdf(pages, { title: 'Collected Articles' }), text };
}

function reportPages(args: string[]): ReturnType<typeof flowPages> {
  const paragraphs = loadAeb(dataDir(args))
    .filter((p) => isWinAnsi(p.truth.replace(/[^\p{L}\p{P}]/gu, '')))
    .flatMap((p) => p.truth.split(/\n+/).map((t) => t.trim()).filter(Boolean));
  return flowPages(paragraphs, { title: 'Collected Articles', columns: 2, hyphenate: true, fontSize: 10, header: 'Collected Articles · Bench Edition', footer: 'Page {page}' });
}

/**
 * The largest PDF Skim takes (MAX_INPUT_BYTES, as an attachment or a file): the report's pages over and over, about
 * 1,400 pages under the cap, of which the first MAX_PDF_PAGES are read.
 */
function largestPdf(args: string[]): Buffer {
  const pages = reportPages(args);
  for (let n = 1400; ; n -= 50) {
    const pdf = buildPdf(Array.from({ length: n }, (_, i) => pages[i % pages.length]!), { title: 'Collected Articles' });
    if (pdf.length <= MAX_INPUT_BYTES) return pdf;
  }
}

function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Time to digest a 30-page PDF (median of `--runs`, at least 5): in the worker pool as the bot does, and on the
 * main thread as the CLI does; baseline: the same words pasted as text. Then the pool's RSS over 30 more PDFs.
 */
export async function run(args: string[]): Promise<void> {
  const runs = Math.max(5, runsOf(args));
  const { pdf, text } = thirtyPages(args);
  console.log(`a ${PAGES}-page PDF, two columns: ${mb(pdf.length)} (${pdf.length} bytes), ${text.split(/\s+/).length} words`);
  const pool = createDigestPool({ size: 1, queueSize: 4 });
  const pooled: PipelineDeps = { fetchPage: NO_FETCH, run: pool.run };
  const inline: PipelineDeps = { fetchPage: NO_FETCH };
  // Each run is its own document to the cache key, so nothing is shared between runs but loaded modules.
  const time = async (deps: PipelineDeps, source: () => Parameters<typeof digestSource>[0]) => {
    await digestSource(source(), deps, { key: 'warm-up' });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await digestSource(source(), deps, { key: `run-${i}` });
      times.push(performance.now() - started);
    }
    return times;
  };
  const pooledTimes = await time(pooled, () => ({ pdf, url: 'file:///bench.pdf' }));
  const largest = largestPdf(args);
  const largestTimes = await time(pooled, () => ({ pdf: largest, url: 'file:///largest.pdf' }));
  // The pool's memory first, before this thread loads the pipeline for the inline runs.
  settle();
  const warm = process.memoryUsage().rss;
  const samples: number[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    await digestSource({ pdf, url: 'file:///bench.pdf' }, pooled, { key: `memory-${i}` });
    if ((i + 1) % 10 === 0) {
      settle();
      samples.push(process.memoryUsage().rss);
    }
  }
  await pool.close();
  const rows: Array<[string, number[]]> = [
    ['PDF in the worker pool (bot)', pooledTimes],
    [`largest PDF (${mb(largest.length)}), in the pool`, largestTimes],
    ['PDF on the main thread (CLI)', await time(inline, () => ({ pdf, url: 'file:///bench.pdf' }))],
    ['baseline: the same words as text', await time(inline, () => ({ text }))],
  ];
  for (const [name, times] of rows) console.log(`${name.padEnd(36)} median ${ms(median(times)).padStart(8)}  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`target: at most 2 s in the pool: ${median(pooledTimes) <= 2000 ? 'met' : 'MISSED'}`);
  console.log(`the largest PDF: its first ${MAX_PDF_PAGES} pages are read, within the ${PDF_READ_MS / 1000} s a PDF may take: ${median(largestTimes) <= PDF_READ_MS ? 'met' : 'MISSED'}`);
  console.log(`RSS of the process (main thread idle, one worker with its heap capped at 256 MB): after ${runs + 1} PDFs ${mb(warm)}`);
  console.log(`after each 10 of ${MEMORY_RUNS} more PDFs: ${samples.map(mb).join(', ')}; growth ${mb(samples[samples.length - 1]! - warm)}`);
}
