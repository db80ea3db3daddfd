/**
 * `npm run eval -- paste [--pages]`: Skim on aeb-paste (pages pasted from a browser) against the benchmark's
 * articleBody, each paste given as a user gives it (`{ text }` through digestSource; a refusal scores as empty),
 * with the whole paste and a jusText-like line filter as baselines. The shipped
 * model (src/core/extract/plain/weights.ts) is fitted on half A (the first half of the page ids, sorted) by
 * `npm run train -- paste` (training/paste.ts); the report always shows both halves, B held out.
 * `--pages` adds each page's precision and recall.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { aggregate, scorePage, tokenize, type PageScore } from '../lib/shingles.js';
import { dataDir, row } from '../lib/data.js';
import { detectLanguage, stopwordsFor } from '../../src/core/text/lang.js';
import { analyseText, type TextAnalysis } from '../../src/core/extract/plain/analyse.js';
import { cleanText, keptBlocks, scoreText } from '../../src/core/extract/plain/index.js';
import type { BlockScores } from '../../src/core/extract/plain/classify.js';
import { wordTokens, stopwordDensity } from '../../src/core/extract/plain/features.js';
import type { TextCleanModel } from '../../src/core/extract/plain/model.js';
import { MODEL, PROVENANCE } from '../../src/core/extract/plain/weights.js';
import { isSkimError } from '../../src/core/errors.js';
import { refusalsLine } from '../lib/report.js';
import { articleText, digestText, type UserPathResult } from '../lib/userPath.js';

/** One page of aeb-paste with its truth. */
export interface Page {
  id: string;
  paste: string;
  truth: string;
  /** The HTML page's <title> and og:title, to check the title found (empty when unavailable). */
  htmlTitles: string[];
}

/** The pastes of DIR/aeb-paste, ids sorted, each with its articleBody and HTML titles. */
export function loadPages(dir: string): Page[] {
  const pasteDir = join(dir, 'aeb-paste');
  const truth = JSON.parse(readFileSync(join(dir, 'aeb', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  return readdirSync(pasteDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      return {
        id,
        paste: readFileSync(join(pasteDir, f), 'utf8'),
        truth: truth[id]?.articleBody ?? '',
        htmlTitles: htmlTitles(join(dir, 'aeb', 'html', `${id}.html.gz`)),
      };
    });
}

function htmlTitles(file: string): string[] {
  if (!existsSync(file)) return [];
  const html = gunzipSync(readFileSync(file)).toString('utf8');
  const titles: string[] = [];
  const t = /<title[^>]*>([^<]{1,500})<\/title>/i.exec(html);
  if (t?.[1]) titles.push(t[1]);
  const og = /<meta[^>]{0,200}property=["']og:title["'][^>]{0,50}content=["']([^"']{1,500})["']/i.exec(html);
  if (og?.[1]) titles.push(og[1]);
  return titles;
}

/** The fitting half: the first half of the ids in sorted order. */
export function halves(pages: Page[]): { a: Page[]; b: Page[] } {
  const mid = Math.ceil(pages.length / 2);
  return { a: pages.slice(0, mid), b: pages.slice(mid) };
}

/** The text kept of a page when its blocks score `p`. */
export function predictedFrom(analysis: TextAnalysis, p: BlockScores, model: TextCleanModel): string {
  return keptBlocks(analysis, p, model)
    .map((i) => analysis.blocks[i]!.text)
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

type Method = (page: Page) => string | Promise<string>;

/** What digestSource gave for each paste Skim was given, in order, for the refusals line. */
const skimResults: UserPathResult[] = [];

/**
 * The paste as a user gives it: `{ text }` through digestSource, the shipped model. Its time is the whole
 * digest's (cleaning, sentences, summary, entities); the baselines' is their filtering alone.
 */
async function skim(page: Page): Promise<string> {
  const result = await digestText(page.paste);
  skimResults.push(result);
  return articleText(result);
}

/** The paste cleaned by the cleaner with `model`, as the user gets it (a refusal gives ''). */
export function skimWith(page: Page, model: TextCleanModel): string {
  try {
    return cleanText(page.paste, {}, model).blocks.map((b) => b.text).join('\n\n');
  } catch (error) {
    if (isSkimError(error)) return '';
    throw error;
  }
}

function skimWithoutStopwords(page: Page): string {
  const analysis = analyseText(page.paste, false);
  return predictedFrom(analysis, scoreText(analysis), MODEL);
}

function wholePaste(page: Page): string {
  return page.paste;
}

/** jusText-like: lines of at least 10 words with a stopword density of at least 0.3. */
function lineFilter(page: Page): string {
  const stopwords = stopwordsFor(detectLanguage(page.paste));
  return page.paste
    .split('\n')
    .filter((line) => {
      const tokens = wordTokens(line);
      return tokens.length >= 10 && stopwordDensity(tokens, stopwords) >= 0.3;
    })
    .join('\n\n');
}

async function measure(pages: Page[], method: Method): Promise<{ scores: PageScore[]; ms: number }> {
  const start = performance.now();
  const predictions: string[] = [];
  for (const page of pages) predictions.push(await method(page));
  const ms = (performance.now() - start) / Math.max(1, pages.length);
  return { scores: pages.map((p, i) => scorePage(predictions[i]!, p.truth)), ms };
}

/** Share of pages where the title found is (nearly) the page's HTML title or og:title. */
function titleAccuracy(pages: Page[]): { found: number; matched: number } {
  let found = 0;
  let matched = 0;
  let judged = 0;
  for (const p of pages) {
    if (p.htmlTitles.length === 0) continue;
    judged++;
    let title = '';
    try {
      title = cleanText(p.paste).title;
    } catch {
      title = '';
    }
    if (!title) continue;
    found++;
    const t = tokenize(title.toLowerCase());
    const ok = p.htmlTitles.some((h) => {
      const ht = new Set(tokenize(decodeEntities(h).toLowerCase()));
      return t.length > 0 && t.filter((w) => ht.has(w)).length >= 0.8 * t.length;
    });
    if (ok) matched++;
  }
  return { found: found / Math.max(1, judged), matched: matched / Math.max(1, judged) };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

/** Runs the paste evaluation: every method on all pages, Skim also on each half. */
export async function run(args: string[]): Promise<void> {
  const pages = loadPages(dataDir(args));
  const { a, b } = halves(pages);
  const widths = [44, 9, 9, 9, 9, 9];
  console.log(`weights: ${PROVENANCE}`);
  console.log(`aeb-paste: ${pages.length} pages (fitting half A = first ${a.length} ids sorted, held-out half B = ${b.length})`);
  console.log(row(['method', 'P', 'R', 'F1', 'acc', 'ms/page'], widths));
  const methods: Array<[string, Method, boolean]> = [
    ['Skim (digestSource)', skim, true],
    ['Skim, language-independent (no stopwords)', skimWithoutStopwords, false],
    ['whole paste', wholePaste, false],
    ['length+stopword filter (>=10 w, sw>=0.3)', lineFilter, false],
  ];
  for (const [name, method, split] of methods) {
    const { scores, ms } = await measure(pages, method);
    const line = (label: string, s: PageScore[]) => {
      const r = aggregate(s);
      console.log(row([label, r.precision, r.recall, r.f1, r.accuracy, ms.toFixed(2)], widths));
    };
    line(name, scores);
    if (method === skim) console.log(`  ${refusalsLine(skimResults, { names: ['half A', 'half B'], tuned: (i) => i < a.length })}`);
    if (split) {
      line(`  ${name}, half A (fitted)`, scores.slice(0, a.length));
      line(`  ${name}, half B (held out)`, scores.slice(a.length));
    }
  }
  const t = titleAccuracy(pages);
  console.log(`title: found on ${(t.found * 100).toFixed(0)}% of pages, matches the HTML <title>/og:title on ${(t.matched * 100).toFixed(0)}%`);
  if (args.includes('--pages')) {
    const { scores } = await measure(pages, skim);
    scores.forEach((s, i) => {
      const p = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
      const r = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
      console.log(`${pages[i]!.id.slice(0, 12)} ${i < a.length ? 'A' : 'B'} P ${p.toFixed(3)} R ${r.toFixed(3)}`);
    });
  }
}
