/**
 * `npm run eval -- qa [--data DIR] [--fit [--write]] [--forms]`: question answering at article scope on
 * the SQuAD dev articles (qa/squad_dev_articles.jsonl). A hit at k: one of the first k chosen sentences holds a
 * gold answer string exactly. Skim is measured next to a plain BM25 and a plain TF-IDF ranking of the same
 * sentences, computed in the same run; then each article's questions are asked of another article to see how
 * often Skim rightly says it doesn't know, and how often it wrongly says so on the right article.
 *
 * Articles are split into two halves (even and odd positions in the file). Weights and the threshold are fitted
 * on the first (`--fit`, `--write` regenerates src/core/answer/weights.ts); rows are given for both halves.
 * Wrong-article questions go to another article of the same half (two positions on).
 *
 * Articles go the user's way: each text pasted through digestSource (the CLI's call), as the file has it. An
 * article the pipeline refuses scores every one of its questions as a miss for every system, and the refusals are
 * counted on their own line; asked as the wrong article, a refused one is left out of the "rightly" rate.
 * `--forms` also scores Skim with the articles pasted in the other forms (one line, hard-wrapped, title + CRLF);
 * their refusals are always printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dataDir, row } from '../lib/data.js';
import { fitListwise, fitLogistic, type RankItem } from '../lib/rankFit.js';
import { dataLine, EVEN_ODD, halvesLine, refusalsLine } from '../lib/report.js';
import { digestText, TEXT_FORMS, type TextForm, type UserPathResult } from '../lib/userPath.js';
import { traceAnswer, type AnswerModel } from '../../src/core/answer/index.js';
import { articleIndex } from '../../src/core/answer/articleIndex.js';
import { CONFIDENCE_LAYOUT } from '../../src/core/answer/confidence.js';
import { FEATURE_LAYOUT, sentenceFeatures } from '../../src/core/answer/features.js';
import { weightsByName } from '../../src/core/answer/named.js';
import { analyseQuestion } from '../../src/core/answer/question.js';
import { rankSentences } from '../../src/core/answer/rank.js';
import { MODEL } from '../../src/core/answer/weights.js';
import { bm25Index, contentTerms, cosine, inverseDocumentFrequencies, tfidfVector } from '../../src/core/textStats.js';
import type { Digest } from '../../src/core/types.js';

interface QaQuestion {
  id: string;
  question: string;
  answers: string[];
}

interface QaArticle {
  title: string;
  text: string;
  questions: QaQuestion[];
}

interface Case {
  /** What digestSource gave: the digest, or the refusal the user would see. */
  result: UserPathResult;
  title: string;
  questions: QaQuestion[];
  /** In the fitting half. */
  fit: boolean;
}

/** A case the pipeline did not refuse. */
type DigestedCase = Case & { result: { digest: Digest } };

function digested(c: Case): c is DigestedCase {
  return c.result.digest !== undefined;
}

/** Hits of one system on one question: at 1 and at 3, each 0 or 1. */
type Hits = [number, number];

/** Abstentions Skim should fit: at most this share of right-article questions turned away on the fitting half. */
const ABSTAIN_WRONG_FIT = 0.025;

/** Passage cut-offs tried: further passages are quoted while their odds against the best are at least this. */
const PASSAGE_ODDS = [0.3, 0.1, 0.05, 0.02, 0.01, 0.005, 0];

/** How much hit rate at 3 the cut-off may cost on the fitting half, against always quoting three. */
const PASSAGE_TOLERANCE = 0.005;

const normalize = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function loadArticles(file: string): QaArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaArticle);
}

async function buildCases(articles: QaArticle[], form: TextForm): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [i, a] of articles.entries()) {
    cases.push({ result: await digestText(form.make(a.text)), title: a.title, questions: a.questions, fit: EVEN_ODD.tuned(i) });
  }
  return cases;
}

function hitsOf(order: readonly number[], digest: Digest, answers: readonly string[]): Hits {
  const holds = (i: number): boolean => answers.some((a) => digest.sentences[i]!.text.includes(a));
  return [order.slice(0, 1).some(holds) ? 1 : 0, order.slice(0, 3).some(holds) ? 1 : 0];
}

/** Plain baselines over the digest's sentences with textStats' content terms. */
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
function partner(cases: Case[], i: number): Case {
  return cases[(i + 2) % cases.length]!;
}

/** Fits the ranker, then the confidence model and threshold, on the fitting half. */
function fit(cases: Case[], base: AnswerModel): AnswerModel {
  const items: RankItem[] = [];
  for (const c of cases.filter((x) => x.fit).filter(digested)) {
    const digest = c.result.digest;
    const index = articleIndex(digest);
    for (const q of c.questions) {
      const answers = q.answers.map(normalize);
      const gold = Uint8Array.from(digest.sentences, (s) => (answers.some((a) => s.text.includes(a)) ? 1 : 0));
      if (!gold.includes(1)) continue;
      const analysis = analyseQuestion(q.question, index, base.query);
      items.push({ features: sentenceFeatures(index, digest.sentences, analysis, base.bm25, FEATURE_LAYOUT), n: gold.length, gold });
    }
  }
  // The fit starts from plain BM25: weight 1 on the lexical score, found by name wherever the layout puts it.
  const init = new Float64Array(FEATURE_LAYOUT.names.length);
  init[FEATURE_LAYOUT.at.lex] = 1;
  const w = fitListwise(items, FEATURE_LAYOUT.names.length, { temperature: base.temperature, epochs: 400, init });
  const ranker = weightsByName(FEATURE_LAYOUT, w, round);
  const withRanker: AnswerModel = { ...base, ranker };

  const x: number[][] = [];
  const y: boolean[] = [];
  cases.forEach((c, i) => {
    if (!c.fit) return;
    for (const q of c.questions) {
      for (const [target, right] of [[c, true], [partner(cases, i), false]] as const) {
        // A refused article gives no signals to learn from: the user got an error, not an answer or a "doesn't say".
        if (!digested(target)) continue;
        const r = rankSentences(target.result.digest, q.question, withRanker);
        if (r.signals.length === 0) continue;
        x.push(r.signals);
        y.push(right);
      }
    }
  });
  // Signal vectors are in CONFIDENCE_FEATURES order, the bias is fitted last.
  const lw = fitLogistic(x, y);
  const dim = CONFIDENCE_LAYOUT.names.length;
  const weights = weightsByName(CONFIDENCE_LAYOUT, lw.subarray(0, dim), round);
  const bias = round(lw[dim]!);
  // The threshold: the log-odds below which only ABSTAIN_WRONG_FIT of right-article questions fall.
  const logOdds = x.filter((_, k) => y[k]).map((r) => bias + CONFIDENCE_LAYOUT.names.reduce((s, f, j) => s + weights[f] * r[j]!, 0));
  const rightTotal = cases.filter((c) => c.fit).filter(digested).reduce((n, c) => n + c.questions.length, 0);
  logOdds.sort((a, b) => a - b);
  const unanswerable = rightTotal - logOdds.length;
  const k = Math.max(0, Math.floor(ABSTAIN_WRONG_FIT * rightTotal) - unanswerable);
  const threshold = round(logOdds[k] ?? 0);
  return { ...withRanker, confidence: { weights, bias, threshold }, passageOdds: fitPassageOdds(cases, withRanker) };
}

/** The largest passage cut-off that keeps the hit rate at 3 within PASSAGE_TOLERANCE of quoting three always. */
function fitPassageOdds(cases: Case[], model: AnswerModel): number {
  const hits = new Map<number, number>(PASSAGE_ODDS.map((o) => [o, 0]));
  for (const c of cases.filter((x) => x.fit).filter(digested)) {
    for (const q of c.questions) {
      const answers = q.answers.map(normalize);
      const r = rankSentences(c.result.digest, q.question, model);
      const best = r.order[0];
      if (best === undefined) continue;
      for (const odds of PASSAGE_ODDS) {
        const kept = r.order.slice(0, 3).filter((i) => Math.exp(model.temperature * (r.score[i]! - r.score[best]!)) >= odds);
        hits.set(odds, hits.get(odds)! + hitsOf(kept, c.result.digest, answers)[1]);
      }
    }
  }
  const always = hits.get(0)!;
  const n = cases.filter((x) => x.fit).filter(digested).reduce((k, c) => k + c.questions.length, 0);
  console.log(`passage cut-off on the fit half (odds: hit rate at 3): ${PASSAGE_ODDS.map((o) => `${o}: ${(hits.get(o)! / n).toFixed(3)}`).join(', ')}`);
  return PASSAGE_ODDS.find((o) => (always - hits.get(o)!) / n <= PASSAGE_TOLERANCE) ?? 0;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

function writeWeights(model: AnswerModel): void {
  const file = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core', 'answer', 'weights.ts');
  const body = `// Generated by \`npm run eval -- qa --fit --write\` on the first half of the SQuAD dev articles; do not edit.
import type { AnswerModel } from './model.js';

export const MODEL: AnswerModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};
`;
  writeFileSync(file, body);
  console.log(`wrote ${file}`);
}

interface Tally {
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

interface Evaluation {
  fit: Tally;
  held: Tally;
  all: Tally;
  ms: number[];
  firstMs: number[];
  passages: number[];
}

/** Hit rates of every system and Skim's "doesn't say" rates; `skimOnly` skips the baselines and wrong articles. */
function evaluate(cases: Case[], model: AnswerModel, skimOnly = false): Evaluation {
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

function report(result: Evaluation, cases: Case[]): void {
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

export async function run(args: string[]): Promise<void> {
  const file = join(dataDir(args), 'qa', 'squad_dev_articles.jsonl');
  const articles = loadArticles(file);
  console.log(dataLine(file, articles.length, 'articles'));
  console.log(halvesLine(EVEN_ODD, 'answer weights and threshold'));
  const t0 = performance.now();
  const cases = await buildCases(articles, TEXT_FORMS[0]!);
  console.log(`Skim = digestSource({text}) then the answerer; built ${cases.length} digests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(refusalsLine(cases.map((c) => c.result), EVEN_ODD));
  let model = MODEL;
  if (args.includes('--fit')) {
    model = fit(cases, MODEL);
    console.log(JSON.stringify(model));
    if (args.includes('--write')) writeWeights(model);
  }
  report(evaluate(cases, model), cases);
  await formsReport(articles, cases, model, args.includes('--forms'));
}
