/**
 * `npm run train -- qa [--data DIR]`: fits the answerer on the even half of the SQuAD dev articles
 * (qa/squad_dev_articles.jsonl, each pasted through digestSource as the user would): the sentence ranker
 * (a listwise softmax from plain BM25), then the confidence model, its "doesn't say" threshold and the passage
 * cut-off. Prints both halves with the model as written and writes src/core/answer/weights.ts with the
 * command, the data and those figures. No randomness: the same code and data give the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../bench/lib/data.js';
import { EVEN_ODD } from '../bench/lib/report.js';
import { TEXT_FORMS } from '../bench/lib/userPath.js';
import { buildCases, digested, evaluate, hitsOf, loadArticles, normalize, partner, report, type Case, type Tally } from '../bench/eval/qa.js';
import { articleIndex } from '../src/core/answer/articleIndex.js';
import { CONFIDENCE_LAYOUT } from '../src/core/answer/confidence.js';
import { FEATURE_LAYOUT, sentenceFeatures } from '../src/core/answer/features.js';
import type { AnswerModel } from '../src/core/answer/model.js';
import { weightsByName } from '../src/core/answer/named.js';
import { analyseQuestion } from '../src/core/answer/question.js';
import { rankSentences } from '../src/core/answer/rank.js';
import { fitListwise, fitLogistic, type RankItem } from './lib/rankFit.js';

const WEIGHTS_FILE = join(import.meta.dirname, '..', 'src', 'core', 'answer', 'weights.ts');
const DATA = 'data/qa/squad_dev_articles.jsonl';

/** The settings the fit starts from and keeps: the query's part weights, BM25's, and the softmax temperature. */
const SETTINGS: Pick<AnswerModel, 'query' | 'bm25' | 'temperature'> = {
  query: { frame: 0.5, entity: 0.5 },
  bm25: { k1: 0.9, b: 0.5 },
  temperature: 5,
};

/** Abstentions Skim should fit: at most this share of right-article questions turned away on the fitting half. */
const ABSTAIN_WRONG_FIT = 0.025;

/** Passage cut-offs tried: further passages are quoted while their odds against the best are at least this. */
const PASSAGE_ODDS = [0.3, 0.1, 0.05, 0.02, 0.01, 0.005, 0];

/** How much hit rate at 3 the cut-off may cost on the fitting half, against always quoting three. */
const PASSAGE_TOLERANCE = 0.005;

const round = (v: number): number => Math.round(v * 1000) / 1000;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The fitting half's digested articles. */
function fitCases(cases: Case[]) {
  return cases.filter((x) => x.fit).filter(digested);
}

/** The ranker's weights: a listwise softmax over each answerable question's sentences, from plain BM25. */
function fitRanker(cases: Case[]): AnswerModel['ranker'] {
  const items: RankItem[] = [];
  for (const c of fitCases(cases)) {
    const digest = c.result.digest;
    const index = articleIndex(digest);
    for (const q of c.questions) {
      const answers = q.answers.map(normalize);
      const gold = Uint8Array.from(digest.sentences, (s) => (answers.some((a) => s.text.includes(a)) ? 1 : 0));
      if (!gold.includes(1)) continue;
      const analysis = analyseQuestion(q.question, index, SETTINGS.query);
      items.push({ features: sentenceFeatures(index, digest.sentences, analysis, SETTINGS.bm25, FEATURE_LAYOUT), n: gold.length, gold });
    }
  }
  // The fit starts from plain BM25: weight 1 on the lexical score, found by name wherever the layout puts it.
  const init = new Float64Array(FEATURE_LAYOUT.names.length);
  init[FEATURE_LAYOUT.at.lex] = 1;
  const w = fitListwise(items, FEATURE_LAYOUT.names.length, { temperature: SETTINGS.temperature, epochs: 400, init });
  return weightsByName(FEATURE_LAYOUT, w, round);
}

/**
 * The confidence model: a logistic regression telling each fitting question on its own article from the same
 * question on another article of the half, and the threshold below which ABSTAIN_WRONG_FIT of the right-article
 * questions fall.
 */
function fitConfidence(cases: Case[], ranking: AnswerModel): AnswerModel['confidence'] {
  const x: number[][] = [];
  const y: boolean[] = [];
  cases.forEach((c, i) => {
    if (!c.fit) return;
    for (const q of c.questions) {
      for (const [target, right] of [[c, true], [partner(cases, i), false]] as const) {
        // A refused article gives no signals to learn from: the user got an error, not an answer or a "doesn't say".
        if (!digested(target)) continue;
        const r = rankSentences(target.result.digest, q.question, ranking);
        if (r.signals.length === 0) continue;
        x.push(r.signals);
        y.push(right);
      }
    }
  });
  // Signal vectors are in CONFIDENCE_LAYOUT order, the bias is fitted last.
  const lw = fitLogistic(x, y);
  const dim = CONFIDENCE_LAYOUT.names.length;
  const weights = weightsByName(CONFIDENCE_LAYOUT, lw.subarray(0, dim), round);
  const bias = round(lw[dim]!);
  const logOdds = x.filter((_, k) => y[k]).map((r) => bias + CONFIDENCE_LAYOUT.names.reduce((s, f, j) => s + weights[f] * r[j]!, 0));
  const rightTotal = fitCases(cases).reduce((n, c) => n + c.questions.length, 0);
  logOdds.sort((a, b) => a - b);
  const unanswerable = rightTotal - logOdds.length;
  const k = Math.max(0, Math.floor(ABSTAIN_WRONG_FIT * rightTotal) - unanswerable);
  return { weights, bias, threshold: round(logOdds[k] ?? 0) };
}

/** The largest passage cut-off that keeps the hit rate at 3 within PASSAGE_TOLERANCE of quoting three always. */
function fitPassageOdds(cases: Case[], model: AnswerModel): number {
  const hits = new Map<number, number>(PASSAGE_ODDS.map((o) => [o, 0]));
  for (const c of fitCases(cases)) {
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
  const n = fitCases(cases).reduce((k, c) => k + c.questions.length, 0);
  say(`passage cut-off on the fit half (odds: hit rate at 3): ${PASSAGE_ODDS.map((o) => `${o}: ${(hits.get(o)! / n).toFixed(3)}`).join(', ')}`);
  return PASSAGE_ODDS.find((o) => (always - hits.get(o)!) / n <= PASSAGE_TOLERANCE) ?? 0;
}

/** Fits the ranker, then the confidence model and threshold, then the passage cut-off, on the fitting half. */
function fit(cases: Case[]): AnswerModel {
  // Ranking alone reads neither the confidence nor the cut-off: neutral ones stand in until they are fitted.
  const none = weightsByName(CONFIDENCE_LAYOUT, new Float64Array(CONFIDENCE_LAYOUT.names.length), round);
  const ranking: AnswerModel = { ...SETTINGS, ranker: fitRanker(cases), passageOdds: 0, confidence: { weights: none, bias: 0, threshold: 0 } };
  const confidence = fitConfidence(cases, ranking);
  const passageOdds = fitPassageOdds(cases, ranking);
  return { query: SETTINGS.query, bm25: SETTINGS.bm25, ranker: ranking.ranker, temperature: SETTINGS.temperature, passageOdds, confidence };
}

/** "answers hit@1 0.750, @3 0.886; ranking hit@1 0.760, @3 0.902; doesn't say rightly 0.979, wrongly 0.025". */
function figures(t: Tally): string {
  const rate = (system: string, k: 0 | 1) => ((t.hits[system]?.[k] ?? 0) / t.n).toFixed(3);
  return (
    `answers hit@1 ${rate('Skim (answers)', 0)}, @3 ${rate('Skim (answers)', 1)}; ranking hit@1 ${rate('Skim (ranking)', 0)}, ` +
    `@3 ${rate('Skim (ranking)', 1)}; "doesn't say" rightly ${(t.abstainRight / Math.max(1, t.wrongAsked)).toFixed(3)}, ` +
    `wrongly ${(t.abstainWrong / Math.max(1, t.n - t.refused)).toFixed(3)}`
  );
}

function writeWeights(model: AnswerModel, command: string, even: string, odd: string): void {
  const body = `/**
 * Every weight of the answerer; do not edit by hand.
 * Made by \`${command}\` (training/qa.ts), deterministic: the ranker a listwise softmax from
 * plain BM25, the confidence a logistic regression with its threshold, and the passage cut-off, all fitted on
 * the even half (articles at even positions) of ${DATA}, each pasted through digestSource;
 * query, bm25 and temperature are settings of training/qa.ts, not fitted. The odd half is held out.
 * Even half: ${even}.
 * Odd half (held out): ${odd}.
 */
import type { AnswerModel } from './model.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = ${JSON.stringify(`${command} on the even half of ${DATA}`)};

/** The answerer's weights. */
export const MODEL: AnswerModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};
`;
  writeFileSync(WEIGHTS_FILE, body);
  say(`wrote ${WEIGHTS_FILE}`);
}

/** Runs the QA fit, prints both halves and writes the weights. */
export async function run(args: string[]): Promise<void> {
  const articles = loadArticles(join(dataDir(args), 'qa', 'squad_dev_articles.jsonl'));
  const cases = await buildCases(articles, TEXT_FORMS[0]!);
  say(`${DATA}: ${articles.length} articles; ${EVEN_ODD.names[0]} fitted, ${EVEN_ODD.names[1]} held out`);
  const model = fit(cases);
  const result = evaluate(cases, model);
  report(result, cases);
  const data = args.includes('--data') ? ` --data ${args[args.indexOf('--data') + 1] ?? ''}` : '';
  writeWeights(model, `npm run train -- qa${data}`, figures(result.fit), figures(result.held));
}
