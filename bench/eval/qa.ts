/**
 * `npm run eval -- qa [--data DIR] [--forms]`: question answering at article scope on
 * the SQuAD dev articles (qa/squad_dev_articles.jsonl). A hit at k: one of the first k chosen sentences holds a
 * gold answer string exactly. Skim is measured next to a plain BM25 and a plain TF-IDF ranking of the same
 * sentences, computed in the same run; then each article's questions are asked of another article to see how
 * often Skim rightly says it doesn't know, and how often it wrongly says so on the right article.
 *
 * Articles are split into two halves (even and odd positions in the file). Weights and the threshold are fitted
 * on the first by `npm run train -- qa` (training/qa.ts, which writes src/core/answer/weights.ts); rows are given
 * for both halves.
 * Wrong-article questions go to another article of the same half (two positions on).
 *
 * Articles go the user's way: each text pasted through digestSource (the CLI's call), as the file has it. An
 * article the pipeline refuses scores every one of its questions as a miss for every system, and the refusals are
 * counted on their own line; asked as the wrong article, a refused one is left out of the "rightly" rate.
 * `--forms` also scores Skim with the articles pasted in the other forms (one line, hard-wrapped, title + CRLF);
 * their refusals are always printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataDir, row } from '../lib/data.js';
import { dataLine, EVEN_ODD, halvesLine, refusalsLine } from '../lib/report.js';
import { digestText, TEXT_FORMS, type TextForm, type UserPathResult } from '../lib/userPath.js';
import { traceAnswer, type AnswerModel } from '../../src/core/answer/index.js';
import { articleIndex } from '../../src/core/answer/articleIndex.js';
import { MODEL, PROVENANCE } from '../../src/core/answer/weights.js';
import { bm25Index, contentTerms, cosine, inverseDocumentFrequencies, tfidfVector } from '../../src/core/text/stats.js';
import type { Digest } from '../../src/core/types.js';

/** One SQuAD question and its gold answers. */
export interface QaQuestion {
  id: string;
  question: string;
  answers: string[];
}

/** One article of the file with its questions. */
export interface QaArticle {
  title: string;
  text: string;
  questions: QaQuestion[];
}

/** One article as the user gets it, its questions, and its half. */
export interface Case {
  /** What digestSource gave: the digest, or the refusal the user would see. */
  result: UserPathResult;
  title: string;
  questions: QaQuestion[];
  /** In the fitting half. */
  fit: boolean;
}

/** A case the pipeline did not refuse. */
export type DigestedCase = Case & { result: { digest: Digest } };

/** Whether the pipeline digested the case rather than refusing it. */
export function digested(c: Case): c is DigestedCase {
  return c.result.digest !== undefined;
}

/** Hits of one system on one question: at 1 and at 3, each 0 or 1. */
export type Hits = [number, number];

/** Whitespace collapsed, as answers are matched in sentences. */
export const normalize = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The articles of a JSON-lines file. */
export function loadArticles(file: string): QaArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaArticle);
}

/** Each article pasted in `form` through digestSource, with its half. */
export async function buildCases(articles: QaArticle[], form: TextForm): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [i, a] of articles.entries()) {
    cases.push({ result: await digestText(form.make(a.text)), title: a.title, questions: a.questions, fit: EVEN_ODD.tuned(i) });
  }
  return cases;
}

/** Whether one of the first 1 and first 3 sentences of `order` holds a gold answer. */
export function hitsOf(order: readonly number[], digest: Digest, answers: readonly string[]): Hits {
  const holds = (i: number): boolean => answers.some((a) => digest.sentences[i]!.text.includes(a));
  return [order.slice(0, 1).some(holds) ? 1 : 0, order.slice(0, 3).some(holds) ? 1 : 0];
}

/** Plain baselines over the digest's sentences with text/stats' content terms. */
function baselines(c: DigestedCase): { bm25: (q: string) => number[]; tfidf: (q: string) => number[] } {
  const lang = c.result.digest.article.lang;
  const docs = c.result.digest.sentences.map((s) => contentTerms(s.text, lang));
  const bm25 = bm25Index(docs);
  const idf = inverseDocumentFrequencies(docs);
  const vectors = docs.map((d) => tfidfVector(d, idf));
  const order = (scores: number[]): number[] => [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
  return {
    bm25: (q) => order(bm25.scores(contentTerms(q, lang))),
    tfidf: (q) => {
      const v = tfidfVector(contentTerms(q, lang), idf);
      return order(vectors.map((s) => cosine(v, s)));
    },
  };
}

/** The article whose questions stand in as questions it cannot answer: two on, so within the same half. */
export function partner(cases: Case[], i: number): Case {
  return cases[(i + 2) % cases.length]!;
}

/** Counts of one half (or all): questions, hits by system, abstentions. */
export interface Tally {
  n: number;
  hits: Record<string, [number, number]>;
  /** Right-article questions Skim turned away; wrong-article questions it turned away. */
  abstainWrong: number;
  abstainRight: number;
  wrongAsked: number;
  /** Right-article questions on an article the pipeline refused: a miss for every system. */
  refused: number;
}

function newTally(): Tally {
  return { n: 0, hits: {}, abstainWrong: 0, abstainRight: 0, wrongAsked: 0, refused: 0 };
}

function add(t: Tally, system: string, h: Hits): void {
  const e = (t.hits[system] ??= [0, 0]);
  e[0] += h[0];
  e[1] += h[1];
}

const SYSTEMS = ['Skim (ranking)', 'Skim (answers)', 'plain BM25', 'plain TF-IDF'] as const;

/** Each system's hits on one question of a digested article, Skim's trace with them. */
function questionRows(c: DigestedCase, q: QaQuestion, model: AnswerModel, base: ReturnType<typeof baselines> | undefined) {
  const digest = c.result.digest;
  const answers = q.answers.map(normalize);
  const t0 = performance.now();
  const trace = traceAnswer(digest, q.question, { model });
  const ms = performance.now() - t0;
  const rows: Array<[string, Hits]> = [
    ['Skim (ranking)', hitsOf(trace.order, digest, answers)],
    ['Skim (answers)', trace.found ? hitsOf(trace.primaries, digest, answers) : [0, 0]],
  ];
  if (base) rows.push(['plain BM25', hitsOf(base.bm25(q.question), digest, answers)], ['plain TF-IDF', hitsOf(base.tfidf(q.question), digest, answers)]);
  return { trace, ms, rows };
}

/** Tallies of both halves and of all, with timings. */
export interface Evaluation {
  fit: Tally;
  held: Tally;
  all: Tally;
  ms: number[];
  firstMs: number[];
  passages: number[];
}

/** Hit rates of every system and Skim's "doesn't say" rates; `skimOnly` skips the baselines and wrong articles. */
export function evaluate(cases: Case[], model: AnswerModel, skimOnly = false): Evaluation {
  const fitT = newTally();
  const heldT = newTally();
  const allT = newTally();
  const ms: number[] = [];
  const passages: number[] = [];
  // The index is built on an article's first question and kept: time that step alone, on fresh copies.
  const firstMs = cases.filter(digested).map((c) => {
    const t0 = performance.now();
    articleIndex({ ...c.result.digest });
    return performance.now() - t0;
  });
  cases.forEach((c, i) => {
    const tallies = [c.fit ? fitT : heldT, allT];
    if (!digested(c)) {
      for (const t of tallies) {
        t.n += c.questions.length;
        t.refused += c.questions.length;
        for (const name of SYSTEMS) add(t, name, [0, 0]);
      }
      return;
    }
    const base = skimOnly ? undefined : baselines(c);
    const other = partner(cases, i);
    c.questions.forEach((q) => {
      const { trace, ms: took, rows } = questionRows(c, q, model, base);
      ms.push(took);
      passages.push(trace.found ? trace.primaries.length : 0);
      const wrong = skimOnly || !digested(other) ? undefined : traceAnswer(other.result.digest, q.question, { model });
      for (const t of tallies) {
        t.n++;
        for (const [name, h] of rows) add(t, name, h);
        if (!trace.found) t.abstainWrong++;
        if (!wrong) continue;
        t.wrongAsked++;
        if (!wrong.found) t.abstainRight++;
      }
    });
  });
  return { fit: fitT, held: heldT, all: allT, ms, firstMs, passages };
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

const [TUNED, HELD] = EVEN_ODD.names;

/** Prints the hit rates, the "doesn't say" rates and the speed, both halves side by side. */
export function report(result: Evaluation, cases: Case[]): void {
  const halves = [[TUNED, result.fit], [HELD, result.held], ['all', result.all]] as const;
  const widths = [16, 11, 11, 11, 11, 9, 9];
  console.log(`\nQA at article scope: ${cases.length} articles, ${result.all.n} questions (${TUNED} ${result.fit.n}, ${HELD} ${result.held.n})`);
  console.log(`questions on refused articles (a miss for every system): ${result.all.refused} (${TUNED} ${result.fit.refused}, ${HELD} ${result.held.refused})`);
  const short = (name: string): string => name.split(' ')[0]!;
  console.log(row(['hit rate', `${short(TUNED)} @1`, `${short(TUNED)} @3`, `${short(HELD)} @1`, `${short(HELD)} @3`, 'all @1', 'all @3'], widths));
  for (const system of Object.keys(result.all.hits)) {
    const cells: number[] = [];
    for (const [, t] of halves) cells.push((t.hits[system]?.[0] ?? 0) / t.n, (t.hits[system]?.[1] ?? 0) / t.n);
    console.log(row([system, ...cells], widths));
  }
  console.log('\n"The article doesn\'t say."');
  console.log(row(['rate', short(TUNED), short(HELD), 'all'], [34, 9, 9, 9]));
  console.log(row(['rightly, on another article', ...halves.map(([, t]) => t.abstainRight / Math.max(1, t.wrongAsked))], [34, 9, 9, 9]));
  console.log(row(['wrongly, on the right article', ...halves.map(([, t]) => t.abstainWrong / Math.max(1, t.n - t.refused))], [34, 9, 9, 9]));
  console.log('(both rates over digested articles only: a refused article gets an error, not a "doesn\'t say")');
  const longest = Math.max(...cases.filter(digested).map((c) => c.result.digest.sentences.length));
  console.log(
    `\nSpeed: ${percentile(result.ms, 0.5).toFixed(2)} ms median, ${percentile(result.ms, 0.95).toFixed(2)} ms p95 per question; ` +
      `building an article's index (on its first question) ${percentile(result.firstMs, 0.5).toFixed(1)} ms median, ` +
      `${Math.max(...result.firstMs).toFixed(1)} ms at most (${longest} sentences)`,
  );
  const answered = result.passages.filter((p) => p > 0);
  console.log(`Passages quoted per answer: ${[1, 2, 3].map((k) => `${k}: ${(answered.filter((p) => p === k).length / Math.max(1, answered.length)).toFixed(2)}`).join(', ')}`);
  console.log('Skim (ranking): the ranked sentences whatever the decision; Skim (answers): the quoted primaries, a "doesn\'t say" counting as a miss.');
}

/** Refusals, and with `--forms` Skim's hit rates, when the articles are pasted in each other form. */
async function formsReport(articles: QaArticle[], fileCases: Case[], model: AnswerModel, scoreForms: boolean): Promise<void> {
  console.log('\nby the form the text is pasted in:');
  const widths = [16, 9, 11, 11, 11, 11];
  const header = ['form', 'refused', 'answers @1', 'answers @3', `${TUNED.split(' ')[0]!} @1`, `${HELD.split(' ')[0]!} @1`];
  console.log(row(scoreForms ? header : header.slice(0, 2), widths));
  for (const form of TEXT_FORMS) {
    const cases = form === TEXT_FORMS[0] ? fileCases : await buildCases(articles, form);
    const refused = String(cases.filter((c) => !digested(c)).length);
    if (!scoreForms) {
      console.log(row([form.name, refused], widths));
      continue;
    }
    const e = evaluate(cases, model, true);
    const h = (t: Tally, k: 0 | 1): number => (t.hits['Skim (answers)']?.[k] ?? 0) / t.n;
    console.log(row([form.name, refused, h(e.all, 0), h(e.all, 1), h(e.fit, 0), h(e.held, 0)], widths));
  }
  if (!scoreForms) console.log('(--forms adds Skim\'s hit rates in each form)');
}

/** Runs the QA evaluation with the shipped weights. */
export async function run(args: string[]): Promise<void> {
  const file = join(dataDir(args), 'qa', 'squad_dev_articles.jsonl');
  const articles = loadArticles(file);
  console.log(dataLine(file, articles.length, 'articles'));
  console.log(halvesLine(EVEN_ODD, 'answer weights and threshold'));
  const t0 = performance.now();
  const cases = await buildCases(articles, TEXT_FORMS[0]!);
  console.log(`Skim = digestSource({text}) then the answerer; built ${cases.length} digests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(refusalsLine(cases.map((c) => c.result), EVEN_ODD));
  const model = MODEL;
  console.log(`weights: ${PROVENANCE}`);
  report(evaluate(cases, model), cases);
  await formsReport(articles, cases, model, args.includes('--forms'));
}
