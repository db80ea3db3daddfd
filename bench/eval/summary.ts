/**
 * `npm run eval -- summary [--data DIR] [--sentences N] [--ablations]`: ROUGE of Skim's summaries on the
 * CNN/DailyMail sample, with LEAD-3 and a plain TextRank computed in the same run. Rows are reported on the
 * whole set and on its two halves (the first half is the one ranking weights were chosen on).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { highlightsToLines, rougeScores } from '../lib/rouge.js';
import { splitSentences } from '../../src/core/sentences.js';
import { rankSentences, selectSummary } from '../../src/core/summarize.js';
import type { RankOptions } from '../../src/core/summarize.js';
import { contentTerms } from '../../src/core/textStats.js';
import type { Article } from '../../src/core/types.js';
import { HARD_CASES } from '../../test/core/sentenceCases.js';

interface Row {
  id: string;
  article: string;
  reference: string;
}

type System = (row: Row, n: number) => string[];

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function loadRows(dataDir: string): Row[] {
  const file = join(dataDir, 'cnndm', 'cnndm_test_250.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Row);
}

/** The data is plain text without paragraph breaks: one paragraph block, language left to detection. */
function toArticle(row: Row): Article {
  return { title: '', source: 'text', blocks: [{ type: 'paragraph', text: row.article }] };
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

const skim = (options: Partial<RankOptions> = {}): System => (row, n) => selectSummary(rankSentences(toArticle(row), options), n);

interface Result {
  name: string;
  scores: number[][];
  words: number;
  msPerArticle: number;
}

function evaluate(name: string, system: System, rows: Row[], n: number): Result {
  const scores: number[][] = [];
  let words = 0;
  const start = performance.now();
  const summaries = rows.map((row) => system(row, n));
  const ms = (performance.now() - start) / Math.max(rows.length, 1);
  rows.forEach((row, i) => {
    const summary = summaries[i]!;
    words += summary.join(' ').split(/\s+/).filter(Boolean).length;
    const s = rougeScores(highlightsToLines(row.reference), summary.join('\n'));
    scores.push([s.rouge1.f, s.rouge2.f, s.rougeLsum.f]);
  });
  return { name, scores, words: words / Math.max(rows.length, 1), msPerArticle: ms };
}

function mean(scores: number[][], k: number): string {
  const m = scores.reduce((a, s) => a + s[k]!, 0) / Math.max(scores.length, 1);
  return (100 * m).toFixed(2).padStart(6);
}

function printTable(results: Result[], total: number): void {
  const half = Math.ceil(total / 2);
  console.log(
    `${'system'.padEnd(34)} ${'R-1'.padStart(6)} ${'R-2'.padStart(6)} ${'R-Lsum'.padStart(6)} | ` +
      `${'1st half (tune)'.padEnd(20)} | ${'2nd half (held out)'.padEnd(20)} | words  ms/art`,
  );
  for (const r of results) {
    const first = r.scores.slice(0, half);
    const second = r.scores.slice(half);
    const trio = (s: number[][]): string => [0, 1, 2].map((k) => mean(s, k)).join('');
    console.log(
      `${r.name.padEnd(34)} ${mean(r.scores, 0)} ${mean(r.scores, 1)} ${mean(r.scores, 2)} | ${trio(first).padEnd(20)} | ` +
        `${trio(second).padEnd(20)} | ${r.words.toFixed(0).padStart(5)} ${r.msPerArticle.toFixed(2).padStart(5)}`,
    );
  }
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

/** Each idea switched off (or on) alone, to show what it is worth. */
const ABLATIONS: Array<[string, Partial<RankOptions>]> = [
  ['Skim without lead prior', { positionWeight: 0 }],
  ['Skim without centrality', { centrality: 'none' }],
  ['Skim with degree centrality', { centrality: 'degree' }],
  ['Skim with centroid similarity', { centrality: 'centroid' }],
  ['Skim without lead gate', { leadGate: 0 }],
  ['Skim without quality filter', { qualityFilter: false }],
  ['Skim without MMR', { mmrLambda: 1 }],
];

/** Entry point for `npm run eval -- summary`. */
export async function run(args: string[]): Promise<void> {
  const dataDir = resolve(argValue(args, '--data') ?? '../shared/data');
  const n = Number(argValue(args, '--sentences') ?? 3);
  const rows = loadRows(dataDir);
  console.log(`CNN/DailyMail sample: ${rows.length} articles, ${n} sentences each, ROUGE F1 x100 (rouge-score, stemmed)`);
  const results = [
    evaluate(`Skim (${n} sentences)`, skim(), rows, n),
    evaluate(`LEAD-${n}`, lead, rows, n),
    evaluate('TextRank (plain)', textRank, rows, n),
  ];
  if (args.includes('--ablations')) {
    for (const [name, options] of ABLATIONS) results.push(evaluate(name, skim(options), rows, n));
  }
  printTable(results, rows.length);
  splitterReport();
}
