import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digestRaw } from '../../../src/core/digest.js';
import { articleIndex } from '../../../src/core/answer/articleIndex.js';
import { FEATURE_LAYOUT, FEATURES, sentenceFeatures, type FeatureLayout } from '../../../src/core/answer/features.js';
import type { AnswerModel } from '../../../src/core/answer/model.js';
import { layoutOf } from '../../../src/core/answer/named.js';
import { analyseQuestion } from '../../../src/core/answer/question.js';
import { rankSentences } from '../../../src/core/answer/rank.js';
import { MODEL } from '../../../src/core/answer/weights.js';

const text = readFileSync(new URL('../../fixtures/qa-article.txt', import.meta.url), 'utf8');
const digest = digestRaw({ kind: 'text', text }, 'test:qa');
const QUESTIONS = ['Who led the repairs?', 'When did the bridge reopen?', 'How much did the work cost?'];

/** The features in another order: rotated by one, so no name keeps its place. */
const SHUFFLED: FeatureLayout = layoutOf(FEATURES, [...FEATURES.slice(1), FEATURES[0]], 'shuffled');

/** Each sentence's features as name → value, read through the layout. */
function named(layout: FeatureLayout, question: string): Array<Record<string, number>> {
  const index = articleIndex(digest);
  const analysis = analyseQuestion(question, index, MODEL.query);
  const flat = sentenceFeatures(index, digest.sentences, analysis, MODEL.bm25, layout);
  const dim = layout.names.length;
  return digest.sentences.map((_, i) => Object.fromEntries(FEATURES.map((name) => [name, flat[i * dim + layout.at[name]]!])));
}

describe('rankSentences', () => {
  it('gives every feature the same value and the same weight whatever the order of the names', () => {
    expect(SHUFFLED.names.filter((name, i) => name === FEATURES[i])).toEqual([]);
    for (const question of QUESTIONS) {
      expect(named(SHUFFLED, question)).toEqual(named(FEATURE_LAYOUT, question));
      const usual = rankSentences(digest, question, MODEL);
      const shuffled = rankSentences(digest, question, MODEL, SHUFFLED);
      expect(usual.order.length).toBeGreaterThan(0);
      expect(shuffled.order).toEqual(usual.order);
      usual.score.forEach((s, i) => expect(shuffled.score[i]).toBeCloseTo(s, 9));
      expect(shuffled.confidence).toBeCloseTo(usual.confidence, 9);
    }
  });

  it('fails loudly when the weights lack a feature or name one that does not exist', () => {
    const { lex: _lex, ...withoutLex } = MODEL.ranker;
    const missing = { ...MODEL, ranker: withoutLex } as unknown as AnswerModel;
    expect(() => rankSentences(digest, QUESTIONS[0]!, missing)).toThrow(/missing lex/);
    const unknown = { ...MODEL, ranker: { ...MODEL.ranker, lexx: 1 } } as unknown as AnswerModel;
    expect(() => rankSentences(digest, QUESTIONS[0]!, unknown)).toThrow(/unknown lexx/);
    const { score: _score, ...withoutScore } = MODEL.confidence.weights;
    const noScore = { ...MODEL, confidence: { ...MODEL.confidence, weights: withoutScore } } as unknown as AnswerModel;
    expect(() => rankSentences(digest, QUESTIONS[0]!, noScore)).toThrow(/confidence weights: .*missing score/);
  });
});
