/**
 * `npm run eval -- pdf [--data DIR] [--pdfs DIR] [--show ID] [--pages first|second|all]`: the PDF reader on the aeb dev pages printed to
 * PDF by headless Chromium (scripts/make-pdf-devset.ts writes them; they stay out of the repository), scored
 * against the article body with the clean eval's metric. Each PDF goes the user's way: `digestSource({ pdf })`,
 * as a file given to the CLI. Baseline: all the text of the PDF, as read before the text cleaner. `--pages`
 * prints Skim's precision and recall page by page for one half (error analysis belongs on the first).
 *
 * Then PDFs made here from the ground truth itself, in two and three columns with words hyphenated at line
 * ends and running headers, footers and page numbers: what they score is what the layout reading loses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSkimError, type SkimErrorCode } from '../../src/core/errors.js';
import { readPdfText } from '../../src/core/extract/pdf/index.js';
import { buildPdf, flowPages, isWinAnsi } from '../../scripts/make-pdf-lib.js';
import { loadAeb, type Page } from '../lib/aeb.js';
import { dataDir, flag, row } from '../lib/data.js';
import { firstHalf, halvesLine, type Halves } from '../lib/report.js';
import { aggregate, scorePage, type PageScore } from '../lib/shingles.js';
import { articleText, digestText, digestUserSource } from '../lib/userPath.js';

/** Where scripts/make-pdf-devset.ts writes the PDFs by default. */
const DEFAULT_PDF_DIR = join(tmpdir(), 'skim-pdf-cache', 'aeb');

type Result = { text: string; refusal?: SkimErrorCode };

/** The article text Skim gives for a PDF file, as `skim summarize --json FILE.pdf` shows it. */
async function skimText(bytes: Uint8Array, file: string): Promise<Result> {
  const result = await digestUserSource({ pdf: bytes, url: pathToFileURL(file).href });
  return { text: articleText(result), ...(result.refusal ? { refusal: result.refusal } : {}) };
}

async function allText(bytes: Uint8Array): Promise<Result> {
  try {
    return { text: (await readPdfText(bytes)).paragraphs.join('\n\n') };
  } catch (error) {
    if (isSkimError(error)) return { text: '', refusal: error.code };
    throw error;
  }
}

const WIDTHS = [34, 7, 7, 7, 9, 9];

function report(name: string, scores: PageScore[], halves: Halves, refusals: number): void {
  const lines: Array<[string, PageScore[]]> = [
    [`${name}: ${halves.names[0]}`, scores.filter((_, i) => halves.tuned(i))],
    [`${name}: ${halves.names[1]}`, scores.filter((_, i) => !halves.tuned(i))],
    [`${name}: all`, scores],
  ];
  for (const [label, s] of lines) {
    const a = aggregate(s);
    console.log(row([label, a.precision, a.recall, a.f1, a.accuracy, String(a.pages)], WIDTHS));
  }
  if (refusals) console.log(`  ${name}: ${refusals} refused (scored as empty output)`);
}

/** Which pages `--pages` lists: those of one half, or all. */
function pageFilter(which: string | undefined, halves: Halves): ((i: number) => boolean) | undefined {
  if (which === 'first') return halves.tuned;
  if (which === 'second') return (i) => !halves.tuned(i);
  return which === 'all' ? () => true : undefined;
}

/** One page's precision and recall, as a row under the table. */
function pageRow(id: string, score: PageScore): string {
  const p = score.tp + score.fp === 0 ? 0 : score.tp / (score.tp + score.fp);
  const r = score.tp + score.fn === 0 ? 0 : score.tp / (score.tp + score.fn);
  return row([`  ${id.slice(0, 12)}`, p, r], WIDTHS.slice(0, 3));
}

async function printedPages(pages: Page[], dir: string, data: string, show: string | undefined, which: string | undefined): Promise<void> {
  const present = pages.filter((p) => existsSync(join(dir, `${p.id}.pdf`)));
  console.log(`printed PDFs: ${dir} (${present.length} of ${pages.length} dev pages; the rest did not print within the script's time limit)`);
  const halves = firstHalf(present.length);
  console.log(halvesLine(halves, 'the PDF reader was'));
  console.log(row(['extractor', 'P', 'R', 'F1', 'accuracy', 'pages'], WIDTHS));
  for (const [name, extract] of [
    ['all PDF text (baseline)', (bytes: Uint8Array) => allText(bytes)],
    ['skim', (bytes: Uint8Array, file: string) => skimText(bytes, file)],
  ] as const) {
    const scores: PageScore[] = [];
    let refusals = 0;
    const started = performance.now();
    for (const page of present) {
      const file = join(dir, `${page.id}.pdf`);
      const result = await extract(new Uint8Array(readFileSync(file)), file);
      if (result.refusal) refusals += 1;
      const score = scorePage(result.text, page.truth);
      scores.push(score);
      if (name === 'skim' && show === page.id) console.log(`--- ${page.id}\n${result.text}\n---`);
    }
    report(name, scores, halves, refusals);
    console.log(`  ${name}: ${((performance.now() - started) / Math.max(1, present.length)).toFixed(0)} ms/page`);
    const listed = pageFilter(which, halves);
    if (name === 'skim' && listed) present.forEach((page, i) => listed(i) && console.log(pageRow(page.id, scores[i]!)));
  }
  await pastedReference(present, data);
}

/**
 * Reference: the same pages as a browser's select-all + copy gives them (aeb-paste), through the same text
 * cleaner. The gap to the PDF's figure is what the printed layout costs the cleaner.
 */
async function pastedReference(printed: Page[], data: string): Promise<void> {
  const file = (id: string) => join(data, 'aeb-paste', `${id}.txt`);
  const pages = printed.filter((p) => existsSync(file(p.id)));
  const halves = firstHalf(pages.length);
  const scores: PageScore[] = [];
  let refusals = 0;
  for (const page of pages) {
    const result = await digestText(readFileSync(file(page.id), 'utf8'));
    if (result.refusal) refusals += 1;
    scores.push(scorePage(articleText(result), page.truth));
  }
  report(`reference: pasted (${pages.length} pages)`, scores, halves, refusals);
}

/** PDFs laid out here from each page's ground truth: what reading columns, hyphens and furniture loses. */
async function madePdfs(all: Page[]): Promise<void> {
  // The standard fonts show Latin text only: pages in other scripts are left out here.
  const pages = all.filter((p) => isWinAnsi(p.truth.replace(/[^\p{L}\p{P}]/gu, '')));
  const halves = firstHalf(pages.length);
  console.log(`\nPDFs made from the ground truth (${pages.length} of ${all.length} pages: those in Latin script; header, footer and page number on each page):`);
  console.log(row(['layout', 'P', 'R', 'F1', 'accuracy', 'pages'], WIDTHS));
  for (const [name, columns, hyphenate] of [
    ['1 column', 1, false],
    ['2 columns, hyphenated', 2, true],
    ['3 columns, hyphenated', 3, true],
  ] as const) {
    const scores: PageScore[] = [];
    let refusals = 0;
    for (const page of pages) {
      const paragraphs = page.truth.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      const pdf = buildPdf(flowPages(paragraphs, { columns, hyphenate, fontSize: 9, header: 'The Harbour Review · Issue {page}', footer: '{page}' }));
      const result = await skimText(pdf, join(tmpdir(), `${page.id}.pdf`));
      if (result.refusal) refusals += 1;
      scores.push(scorePage(result.text, page.truth));
    }
    report(name, scores, halves, refusals);
  }
}

/** Runs the part. */
export async function run(args: string[]): Promise<void> {
  const data = dataDir(args);
  const pages = loadAeb(data);
  const dir = resolve(flag(args, 'pdfs') ?? DEFAULT_PDF_DIR);
  if (!existsSync(dir)) {
    console.error(`No printed PDFs at ${dir}: run \`npx tsx scripts/make-pdf-devset.ts\` first (needs Debian's chromium).`);
    process.exitCode = 2;
    return;
  }
  await printedPages(pages, dir, data, flag(args, 'show'), flag(args, 'pages'));
  await madePdfs(pages);
}
