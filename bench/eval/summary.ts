/**
 * `npm run eval -- summary [--data DIR] [--sentences N] [--ablations]`: ROUGE of Skim's summaries on the
 * CNN/DailyMail sample, with LEAD-3 and a plain TextRank computed in the same run.
 *
 * Skim's figure is what a user gets: each article pasted as text through digestSource (the CLI's call), then
 * summaryOf(digest, N). A refusal (the text cleaner finding no article) is an empty summary, ROUGE 0, and the
 * refusals are counted on their own line. The same articles are also pasted in other forms (one line, hard-wrapped,
 * under a title with CRLF line ends) to see whether the summary depends on how the text was pasted.
 * Rows are given on the whole set and on its two halves (the first half is the one ranking weights were chosen on).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataDir, flag, row } from '../lib/data.js';
import { dataLine, firstHalf, halvesLine, refusalsLine, type Halves } from '../lib/report.js';
import { highlightsToLines, rougeScores } from '../lib/rouge.js';
import { digestText, TEXT_FORMS, type TextForm, type UserPathResult } from '../lib/userPath.js';
import { summaryOf } from '../../src/core/pipeline.js';
import { splitSentences } from '../../src/core/analyse/sentences.js';
import { rankSentences } from '../../src/core/analyse/summary/summarize.js';
import { selectSummary } from '../../src/core/selectSummary.js';
import type { RankOptions } from '../../src/core/analyse/summary/summarize.js';
import { contentTerms } from '../../src/core/text/stats.js';
import { HARD_CASES } from '../../test/core/analyse/sentenceCases.js';

interface Row {
  id: string;
  article: string;
  reference: string;
}

type System = (row: Row, n: number) => string[];

function loadRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Row);
}

const lead: System = (row, n) => splitSentences(row.article).slice(0, n);

/** Mihalcea & Tarau (2004): word-overlap similarity normalised by log lengths, PageRank, top n in article order. */
const textRank: System = (row, n) => {
  const sentences = splitSentences(row.article);
  const terms = sentences.map((s) => new Set(contentTerms(s, 'en')));
  const k = sentences.length;
  const sim = terms.map((a, i) =>
    terms.map((b, j) => {
      if (i === j || a.size < 2 || b.size < 2) return 0;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      return shared / (Math.log(a.size) + Math.log(b.size));
    }),
  );
  const sums = sim.map((r) => r.reduce((x, y) => x + y, 0));
  let rank = new Array<number>(k).fill(1 / k);
  for (let iter = 0; iter < 30; iter++) {
    rank = rank.map((_, i) => 0.15 / k + 0.85 * sim.reduce((acc, r, j) => acc + (sums[j]! > 0 ? (rank[j]! * r[i]!) / sums[j]! : 0), 0));
  }
  return rank
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map(({ i }) => sentences[i]!);
};

interface Result {
  name: string;
  scores: number[][];
  words: number;
  msPerArticle: number;
}

/** ROUGE of one system's summaries; an empty summary (a refusal) scores 0 on every figure. */
function score(name: string, summaries: string[][], rows: Row[], msPerArticle: number): Result {
  let words = 0;
  const scores = rows.map((row, i) => {
    const summary = summaries[i]!;
    words += summary.join(' ').split(/\s+/).filter(Boolean).length;
    const s = rougeScores(highlightsToLines(row.reference), summary.join('\n'));
    return [s.rouge1.f, s.rouge2.f, s.rougeLsum.f];
  });
  return { name, scores, words: words / Math.max(rows.length, 1), msPerArticle };
}

function evaluate(name: string, system: System, rows: Row[], n: number): Result {
  const start = performance.now();
  const summaries = rows.map((row) => system(row, n));
  return score(name, summaries, rows, (performance.now() - start) / Math.max(rows.length, 1));
}

/** Skim on every article in one form, through digestSource as the CLI runs it. */
interface FormRun {
  form: TextForm;
  results: UserPathResult[];
  /** summaryOf(digest, n), or [] for a refusal. */
  summaries: string[][];
  msPerArticle: number;
}

async function runForm(form: TextForm, rows: Row[], n: number): Promise<FormRun> {
  const results: UserPathResult[] = [];
  const start = performance.now();
  for (const row of rows) results.push(await digestText(form.make(row.article)));
  const msPerArticle = (performance.now() - start) / Math.max(rows.length, 1);
  const summaries = results.map((r) => (r.digest ? summaryOf(r.digest, n) : []));
  return { form, results, summaries, msPerArticle };
}

function mean(scores: number[][], k: number): string {
  const m = scores.reduce((a, s) => a + s[k]!, 0) / Math.max(scores.length, 1);
  return (100 * m).toFixed(2).padStart(6);
}

function printTable(results: Result[], halves: Halves): void {
  console.log(
    `${'system'.padEnd(40)} ${'R-1'.padStart(6)} ${'R-2'.padStart(6)} ${'R-Lsum'.padStart(6)} | ` +
      `${'tuned half'.padEnd(20)} | ${'held-out half'.padEnd(20)} | words  ms/art`,
  );
  for (const r of results) {
    const tuned = r.scores.filter((_, i) => halves.tuned(i));
    const held = r.scores.filter((_, i) => !halves.tuned(i));
    const trio = (s: number[][]): string => [0, 1, 2].map((k) => mean(s, k)).join('');
    console.log(
      `${r.name.padEnd(40)} ${mean(r.scores, 0)} ${mean(r.scores, 1)} ${mean(r.scores, 2)} | ${trio(tuned).padEnd(20)} | ` +
        `${trio(held).padEnd(20)} | ${r.words.toFixed(0).padStart(5)} ${r.msPerArticle.toFixed(2).padStart(6)}`,
    );
  }
}

/** A summary as a set of sentences, whitespace collapsed: the wrapped form may leave line breaks inside one. */
function sentenceSet(summary: string[]): string {
  return JSON.stringify(summary.map((s) => s.replace(/\s+/gu, ' ').trim()).sort());
}

/**
 * Whether a user gets the same summary however the text is pasted: per form the refusals and the share of
 * articles whose summary equals the file form's; then the share identical in every form (a refusal in any form
 * makes an article not identical).
 */
function consistencyReport(runs: FormRun[], halves: Halves, n: number): void {
  const [base] = runs;
  if (!base) return;
  const total = base.results.length;
  console.log(`\nform consistency (Skim's ${n}-sentence summaries as sets of whitespace-collapsed sentences;`);
  console.log('"same as file" = share of all articles with the file form\'s summary, a refusal on either side counting as different):');
  const widths = [16, 9, 11, 11, 16];
  console.log(row(['form', 'refused', halves.names[0].split(' (')[0]!, halves.names[1].split(' (')[0]!, 'same as file'], widths));
  const sets = runs.map((r) => r.results.map((x, i) => (x.digest ? sentenceSet(r.summaries[i]!) : undefined)));
  runs.forEach((r, f) => {
    const refused = (keep: (i: number) => boolean): string => String(r.results.filter((x, i) => keep(i) && x.refusal).length);
    const same = sets[f]!.filter((s, i) => s !== undefined && s === sets[0]![i]).length;
    const sameCell = f === 0 ? '-' : same / total;
    console.log(row([r.form.name, refused(() => true), refused(halves.tuned), refused((i) => !halves.tuned(i)), sameCell], widths));
  });
  const identical = (keep: (i: number) => boolean): string => {
    const ids = [...Array(total).keys()].filter(keep);
    const k = ids.filter((i) => sets.every((s) => s[i] !== undefined && s[i] === sets[0]![i])).length;
    return `${k}/${ids.length} = ${(k / Math.max(ids.length, 1)).toFixed(3)}`;
  };
  const anyRefused = [...Array(total).keys()].filter((i) => runs.some((r) => r.results[i]!.refusal)).length;
  console.log(
    `identical in every form: ${identical(() => true)} (${halves.names[0]} ${identical(halves.tuned)}, ` +
      `${halves.names[1]} ${identical((i) => !halves.tuned(i))}); refused in at least one form: ${anyRefused}/${total}`,
  );
  console.log('target: 0 refusals in any form, >= 0.90 identical in every form');
}

/** Runs the hard-case table through Skim's splitter and natural's, to show why Skim has its own. */
function splitterReport(): void {
  const require = createRequire(import.meta.url);
  const NaturalSentenceTokenizer = require('natural/lib/natural/tokenizers/sentence_tokenizer.js') as new () => {
    tokenize(text: string): string[];
  };
  const natural = new NaturalSentenceTokenizer();
  const same = (a: string[], b: string[]): boolean => JSON.stringify(a) === JSON.stringify(b);
  let ours = 0;
  let theirs = 0;
  const missed: string[] = [];
  for (const [name, text, expected] of HARD_CASES) {
    if (same(splitSentences(text), expected)) ours++;
    let got: string[] = [];
    try {
      got = natural.tokenize(text);
    } catch {
      got = [];
    }
    if (same(got, expected)) theirs++;
    else missed.push(name);
  }
  console.log(`sentence splitting, hard cases right: Skim ${ours}/${HARD_CASES.length}, natural ${theirs}/${HARD_CASES.length}`);
  console.log(`  natural gets wrong: ${missed.join('; ')}`);
}

/**
 * Each idea of the ranker switched off (or on) alone, to show what it is worth. This runs the ranker alone
 * (rankSentences, an inner function) on the article the text cleaner gave for the file form, so it is not Skim's
 * figure; a refused article scores 0 here too, so the rows compare with Skim's.
 */
const ABLATIONS: Array<[string, Partial<RankOptions>]> = [
  ['ranker, default options', {}],
  ['ranker without lead prior', { positionWeight: 0 }],
  ['ranker without centrality', { centrality: 'none' }],
  ['ranker with degree centrality', { centrality: 'degree' }],
  ['ranker with centroid similarity', { centrality: 'centroid' }],
  ['ranker without lead gate', { leadGate: 0 }],
  ['ranker without quality filter', { qualityFilter: false }],
  ['ranker without MMR', { mmrLambda: 1 }],
];

function ablationTable(file: FormRun, rows: Row[], n: number, halves: Halves): void {
  const results: Result[] = [];
  let same = 0;
  for (const [name, options] of ABLATIONS) {
    const start = performance.now();
    const summaries = file.results.map((r) => (r.digest ? selectSummary(rankSentences(r.digest.article, options), n) : []));
    results.push(score(name, summaries, rows, (performance.now() - start) / Math.max(rows.length, 1)));
    if (Object.keys(options).length === 0) {
      same = summaries.filter((s, i) => sentenceSet(s) === sentenceSet(file.summaries[i]!)).length;
    }
  }
  console.log("\nablations: the ranker alone (rankSentences + selectSummary, inner functions, NOT Skim's figure) on the");
  console.log("text cleaner's article for the file form; refused articles score 0 as above.");
  // The pipeline cuts blocks over 4000 characters before ranking (analyse/analyseArticle.ts, boundedBlocks); this table does not.
  console.log(`"${ABLATIONS[0]![0]}" gives Skim's own summary on ${same}/${rows.length} articles (the pipeline cuts blocks over 4000 characters first).`);
  printTable(results, halves);
}

/** Entry point for `npm run eval -- summary`. */
export async function run(args: string[]): Promise<void> {
  const file = join(dataDir(args), 'cnndm', 'cnndm_test_250.jsonl');
  const n = Number(flag(args, 'sentences') ?? 3);
  const rows = loadRows(file);
  const halves = firstHalf(rows.length);
  console.log(dataLine(file, rows.length, 'articles'));
  console.log(halvesLine(halves, 'ranking weights'));
  console.log(`${n} sentences each, ROUGE F1 x100 (rouge-score, stemmed); Skim = digestSource({text}) + summaryOf(digest, ${n})`);
  const runs: FormRun[] = [];
  for (const form of TEXT_FORMS) runs.push(await runForm(form, rows, n));
  const fileForm = runs[0]!;
  console.log(refusalsLine(fileForm.results, halves));
  const results = [
    score(`Skim (${n} sentences)`, fileForm.summaries, rows, fileForm.msPerArticle),
    ...runs.slice(1).map((r) => score(`  Skim pasted ${r.form.name}`, r.summaries, rows, r.msPerArticle)),
    evaluate(`LEAD-${n}`, lead, rows, n),
    evaluate('TextRank (plain)', textRank, rows, n),
  ];
  printTable(results, halves);
  consistencyReport(runs, halves, n);
  if (args.includes('--ablations')) ablationTable(fileForm, rows, n, halves);
  console.log('');
  splitterReport();
}
