/**
 * `npm run eval -- qa [--data DIR] [--via-cleaner] [--fit [--write]]`: question answering at article scope on
 * the SQuAD dev articles (qa/squad_dev_articles.jsonl). A hit at k: one of the first k chosen sentences holds a
 * gold answer string exactly. Skim is measured next to a plain BM25 and a plain TF-IDF ranking of the same
 * sentences, computed in the same run; then each article's questions are asked of another article to see how
 * often Skim rightly says it doesn't know, and how often it wrongly says so on the right article.
 *
 * Articles are split into two halves (even and odd positions in the file). Weights and the threshold are fitted
 * on the first (`--fit`, `--write` regenerates src/core/answer/weights.ts); rows are given for both halves.
 * Wrong-article questions go to another article of the same half (two positions on).
 *
 * Articles are built directly from the file's paragraphs (blank-line separated, whitespace collapsed, language
 * detected) and analysed by the real analysis step; `--via-cleaner` sends the text through the text cleaner
 * (digestSource) instead, which splits a few paragraphs at stray line breaks (chemical formulas in "Oxygen").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dataDir, row } from '../lib/data.js';
import { fitListwise, fitLogistic, type RankItem } from '../lib/rankFit.js';
import { analyseArticle } from '../../src/core/analyse.js';
import { traceAnswer, type AnswerModel } from '../../src/core/answer/index.js';
import { articleIndex } from '../../src/core/answer/articleIndex.js';
import { CONFIDENCE_FEATURES } from '../../src/core/answer/confidence.js';
import { FEATURE_COUNT, FEATURES, sentenceFeatures } from '../../src/core/answer/features.js';
import { analyseQuestion } from '../../src/core/answer/question.js';
import { rankSentences } from '../../src/core/answer/rank.js';
import { MODEL } from '../../src/core/answer/weights.js';
import { detectLanguage } from '../../src/core/lang.js';
import { digestSource } from '../../src/core/pipeline.js';
import { bm25Index, contentTerms, cosine, inverseDocumentFrequencies, tfidfVector } from '../../src/core/textStats.js';
import type { Article, Digest } from '../../src/core/types.js';

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
  digest: Digest;
  title: string;
  questions: QaQuestion[];
  /** In the fitting half. */
  fit: boolean;
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

function loadArticles(dir: string): QaArticle[] {
  return readFileSync(join(dir, 'qa', 'squad_dev_articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaArticle);
}

/** The article as its paragraphs, whitespace collapsed, language detected: what a clean paste gives. */
function articleFromParagraphs(text: string): Article {
  const paragraphs = text.split(/\n\s*\n/u).map(normalize).filter(Boolean);
  const lang = detectLanguage(text);
  return { title: '', source: 'text', blocks: paragraphs.map((p) => ({ type: 'paragraph', text: p })), ...(lang ? { lang } : {}) };
}

async function buildCases(articles: QaArticle[], viaCleaner: boolean): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [i, a] of articles.entries()) {
    const digest = viaCleaner
      ? (await digestSource({ text: a.text }, { fetchPage: () => Promise.reject(new Error('no network in evals')) })).digest
      : analyseArticle(articleFromParagraphs(a.text), `qa:${i}`);
    cases.push({ digest, title: a.title, questions: a.questions, fit: i % 2 === 0 });
  }
  return cases;
}

function hitsOf(order: readonly number[], digest: Digest, answers: readonly string[]): Hits {
  const holds = (i: number): boolean => answers.some((a) => digest.sentences[i]!.text.includes(a));
  return [order.slice(0, 1).some(holds) ? 1 : 0, order.slice(0, 3).some(holds) ? 1 : 0];
}

/** Plain baselines over the digest's sentences with textStats' content terms. */
function baselines(c: Case): { bm25: (q: string) => number[]; tfidf: (q: string) => number[] } {
  const lang = c.digest.article.lang;
  const docs = c.digest.sentences.map((s) => contentTerms(s.text, lang));
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
  for (const c of cases.filter((x) => x.fit)) {
    const index = articleIndex(c.digest);
    for (const q of c.questions) {
      const answers = q.answers.map(normalize);
      const gold = Uint8Array.from(c.digest.sentences, (s) => (answers.some((a) => s.text.includes(a)) ? 1 : 0));
      if (!gold.includes(1)) continue;
      const analysis = analyseQuestion(q.question, index, base.query);
      items.push({ features: sentenceFeatures(index, c.digest.sentences, analysis, base.bm25), n: gold.length, gold });
    }
  }
  const w = fitListwise(items, FEATURE_COUNT, { temperature: base.temperature, epochs: 400 });
  const ranker = Object.fromEntries(FEATURES.map((f, j) => [f, round(w[j]!)])) as AnswerModel['ranker'];
  const withRanker: AnswerModel = { ...base, ranker };

  const x: number[][] = [];
  const y: boolean[] = [];
  cases.forEach((c, i) => {
    if (!c.fit) return;
    for (const q of c.questions) {
      for (const [target, right] of [[c, true], [partner(cases, i), false]] as const) {
        const r = rankSentences(target.digest, q.question, withRanker);
        if (r.signals.length === 0) continue;
        x.push(r.signals);
        y.push(right);
      }
    }
  });
  const lw = fitLogistic(x, y);
  const weights = Object.fromEntries(CONFIDENCE_FEATURES.map((f, j) => [f, round(lw[j]!)])) as AnswerModel['confidence']['weights'];
  const bias = round(lw[CONFIDENCE_FEATURES.length]!);
  // The threshold: the log-odds below which only ABSTAIN_WRONG_FIT of right-article questions fall.
  const logOdds = x.filter((_, k) => y[k]).map((r) => bias + CONFIDENCE_FEATURES.reduce((s, f, j) => s + weights[f] * r[j]!, 0));
  const rightTotal = cases.filter((c) => c.fit).reduce((n, c) => n + c.questions.length, 0);
  logOdds.sort((a, b) => a - b);
  const unanswerable = rightTotal - logOdds.length;
  const k = Math.max(0, Math.floor(ABSTAIN_WRONG_FIT * rightTotal) - unanswerable);
  const threshold = round(logOdds[k] ?? 0);
  return { ...withRanker, confidence: { weights, bias, threshold }, passageOdds: fitPassageOdds(cases, withRanker) };
}

/** The largest passage cut-off that keeps the hit rate at 3 within PASSAGE_TOLERANCE of quoting three always. */
function fitPassageOdds(cases: Case[], model: AnswerModel): number {
  const hits = new Map<number, number>(PASSAGE_ODDS.map((o) => [o, 0]));
  for (const c of cases.filter((x) => x.fit)) {
    for (const q of c.questions) {
      const answers = q.answers.map(normalize);
      const r = rankSentences(c.digest, q.question, model);
      const best = r.order[0];
      if (best === undefined) continue;
      for (const odds of PASSAGE_ODDS) {
        const kept = r.order.slice(0, 3).filter((i) => Math.exp(model.temperature * (r.score[i]! - r.score[best]!)) >= odds);
        hits.set(odds, hits.get(odds)! + hitsOf(kept, c.digest, answers)[1]);
      }
    }
  }
  const always = hits.get(0)!;
  const n = cases.filter((x) => x.fit).reduce((k, c) => k + c.questions.length, 0);
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
}

function newTally(): Tally {
  return { n: 0, hits: {}, abstainWrong: 0, abstainRight: 0, wrongAsked: 0 };
}

function add(t: Tally, system: string, h: Hits): void {
  const e = (t.hits[system] ??= [0, 0]);
  e[0] += h[0];
  e[1] += h[1];
}

function evaluate(cases: Case[], model: AnswerModel): { fit: Tally; held: Tally; all: Tally; ms: number[]; firstMs: number[]; passages: number[] } {
  const fitT = newTally();
  const heldT = newTally();
  const allT = newTally();
  const ms: number[] = [];
  const passages: number[] = [];
  // The index is built on an article's first question and kept: time that step alone, on fresh copies.
  const firstMs = cases.map((c) => {
    const t0 = performance.now();
    articleIndex({ ...c.digest });
    return performance.now() - t0;
  });
  cases.forEach((c, i) => {
    const base = baselines(c);
    const other = partner(cases, i);
    c.questions.forEach((q) => {
      const answers = q.answers.map(normalize);
      const t0 = performance.now();
      const trace = traceAnswer(c.digest, q.question, { model });
      ms.push(performance.now() - t0);
      passages.push(trace.found ? trace.primaries.length : 0);
      const rows: Array<[string, Hits]> = [
        ['Skim (ranking)', hitsOf(trace.order, c.digest, answers)],
        ['Skim (answers)', trace.found ? hitsOf(trace.primaries, c.digest, answers) : [0, 0]],
        ['plain BM25', hitsOf(base.bm25(q.question), c.digest, answers)],
        ['plain TF-IDF', hitsOf(base.tfidf(q.question), c.digest, answers)],
      ];
      const wrong = traceAnswer(other.digest, q.question, { model });
      for (const t of [c.fit ? fitT : heldT, allT]) {
        t.n++;
        for (const [name, h] of rows) add(t, name, h);
        if (!trace.found) t.abstainWrong++;
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

function report(result: ReturnType<typeof evaluate>, cases: Case[]): void {
  const halves = [['fit half', result.fit], ['held-out half', result.held], ['all', result.all]] as const;
  const widths = [16, 9, 9, 9, 9, 9, 9];
  console.log(`\nQA at article scope: ${cases.length} articles, ${result.all.n} questions (fit half ${result.fit.n}, held-out ${result.held.n})`);
  console.log(row(['hit rate', 'fit @1', 'fit @3', 'held @1', 'held @3', 'all @1', 'all @3'], widths));
  for (const system of Object.keys(result.all.hits)) {
    const cells: number[] = [];
    for (const [, t] of halves) cells.push(t.hits[system]![0] / t.n, t.hits[system]![1] / t.n);
    console.log(row([system, ...cells], widths));
  }
  console.log('\n"The article doesn\'t say."');
  console.log(row(['rate', 'fit', 'held', 'all'], [34, 9, 9, 9]));
  console.log(row(['rightly, on another article', ...halves.map(([, t]) => t.abstainRight / t.wrongAsked)], [34, 9, 9, 9]));
  console.log(row(['wrongly, on the right article', ...halves.map(([, t]) => t.abstainWrong / t.n)], [34, 9, 9, 9]));
  console.log(
    `\nSpeed: ${percentile(result.ms, 0.5).toFixed(2)} ms median, ${percentile(result.ms, 0.95).toFixed(2)} ms p95 per question; ` +
      `building an article's index (on its first question) ${percentile(result.firstMs, 0.5).toFixed(1)} ms median, ` +
      `${Math.max(...result.firstMs).toFixed(1)} ms at most (${Math.max(...cases.map((c) => c.digest.sentences.length))} sentences)`,
  );
  const answered = result.passages.filter((p) => p > 0);
  console.log(`Passages quoted per answer: ${[1, 2, 3].map((k) => `${k}: ${(answered.filter((p) => p === k).length / Math.max(1, answered.length)).toFixed(2)}`).join(', ')}`);
  console.log('Skim (ranking): the ranked sentences whatever the decision; Skim (answers): the quoted primaries, a "doesn\'t say" counting as a miss.');
}

export async function run(args: string[]): Promise<void> {
  const dir = dataDir(args);
  const t0 = performance.now();
  const cases = await buildCases(loadArticles(dir), args.includes('--via-cleaner'));
  console.log(`built ${cases.length} digests in ${((performance.now() - t0) / 1000).toFixed(1)} s${args.includes('--via-cleaner') ? ' (through the text cleaner)' : ''}`);
  let model = MODEL;
  if (args.includes('--fit')) {
    model = fit(cases, MODEL);
    console.log(JSON.stringify(model));
    if (args.includes('--write')) writeWeights(model);
  }
  report(evaluate(cases, model), cases);
}
