import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digestRaw } from '../../../src/core/digest.js';
import { analyseArticle } from '../../../src/core/analyse/index.js';
import { NOT_FOUND_MESSAGE, answerQuestion, traceAnswer } from '../../../src/core/answer/index.js';
import { articleIndex } from '../../../src/core/answer/articleIndex.js';
import { answerKinds } from '../../../src/core/answer/question.js';
import { baseForm } from '../../../src/core/answer/wordForms.js';
import type { Article, Digest } from '../../../src/core/types.js';

const text = readFileSync(new URL('../../fixtures/qa-article.txt', import.meta.url), 'utf8');
const digest = digestRaw({ kind: 'text', text }, 'test:qa');

function sentenceIndex(d: Digest, start: string): number {
  return d.sentences.findIndex((s) => s.text.startsWith(start));
}

describe('answerQuestion', () => {
  it('answers a question with a quote from the article and where it stands', () => {
    const answer = answerQuestion(digest, 'Who led the repairs?');
    expect(answer.found).toBe(true);
    const best = answer.passages[0]!;
    expect(best.sentences).toContain('The repairs were led by the engineering firm Calder & Rowe.');
    const index = sentenceIndex(digest, 'The repairs were led');
    expect(best.position).toEqual({ index, paragraph: digest.sentences[index]!.block, percent: expect.any(Number) });
    expect(best.position.percent).toBeGreaterThan(0);
    expect(best.position.percent).toBeLessThan(50);
    expect(answer.answer).toContain('The repairs were led by the engineering firm Calder & Rowe.');
  });

  it('says the article does not say when nothing in it answers', () => {
    for (const question of ['Who won the football match on Saturday?', 'What is the capital of France?']) {
      const answer = answerQuestion(digest, question);
      expect(answer).toEqual({ found: false, passages: [], answer: [] });
    }
    expect(NOT_FOUND_MESSAGE).toBe("The article doesn't say.");
  });

  it('does not answer a question made only of function words', () => {
    expect(answerQuestion(digest, 'who said that?').found).toBe(false);
    expect(answerQuestion(digest, '   ').found).toBe(false);
  });

  it('prefers a sentence holding the kind of answer asked for', () => {
    expect(answerQuestion(digest, 'When was the bridge first opened?').passages[0]!.sentences.join(' ')).toContain('1931');
    expect(answerQuestion(digest, 'How many people came to the opening ceremony?').passages[0]!.sentences.join(' ')).toContain('3,000');
    expect(answerQuestion(digest, 'How many vehicles used the bridge each day?').passages[0]!.sentences.join(' ')).toContain('40,000');
  });

  it('matches an entity by a shorter name the article also uses', () => {
    const answer = answerQuestion(digest, 'What did Wilder say about the supports?');
    expect(answer.passages[0]!.sentences.join(' ')).toContain('Dennis Wilder, said the new supports should last');
  });

  it('quotes the sentence before when the answer points back to it', () => {
    const answer = answerQuestion(digest, 'What did Wilder say about the supports?');
    const first = answer.passages[0]!;
    expect(first.sentences).toEqual([
      'The repairs were led by the engineering firm Calder & Rowe.',
      'Its chief engineer, Dennis Wilder, said the new supports should last at least eighty years.',
    ]);
  });

  it('gives at most maxPassages passages, and the quoted text once each in article order', () => {
    const answer = answerQuestion(digest, 'Why was the bridge closed?', { maxPassages: 2 });
    expect(answer.passages.length).toBeGreaterThanOrEqual(1);
    expect(answer.passages.length).toBeLessThanOrEqual(2);
    const positions = answer.answer.map((s) => digest.sentences.findIndex((x) => x.text === s));
    expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
    for (const p of answer.passages) for (const s of p.sentences) expect(answer.answer).toContain(s);
  });

  it('works in another language with its own stemmer and stopwords', () => {
    const article: Article = {
      title: '',
      source: 'text',
      lang: 'de',
      blocks: [
        { type: 'paragraph', text: 'Die neue Brücke in Hamburg wurde im Mai eröffnet. Der Bau kostete 30 Millionen Euro.' },
        { type: 'paragraph', text: 'Die Architektin Anna Berg entwarf die Brücke. Sie arbeitete drei Jahre an den Plänen.' },
      ],
    };
    const d = analyseArticle(article, 'test:de');
    const answer = answerQuestion(d, 'Wer entwarf die Brücke in Hamburg?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.sentences).toContain('Die Architektin Anna Berg entwarf die Brücke.');
  });

  it('falls back to plain words for a language it has no stemmer for', () => {
    const article: Article = {
      title: '',
      source: 'text',
      lang: 'xx',
      blocks: [{ type: 'paragraph', text: 'Zorba kani meloti vaxi. Pruna teli domasa kiro. Zorba velu prunami teli.' }],
    };
    const d = analyseArticle(article, 'test:xx');
    expect(traceAnswer(d, 'pruna domasa kiro?').order[0]).toBe(1);
  });

  it('builds an article index once and keeps it with the digest for later questions', () => {
    const paragraphs = Array.from({ length: 60 }, (_, p) => ({
      type: 'paragraph' as const,
      text: Array.from({ length: 5 }, (_, s) => `Report ${p * 5 + s} says the council spent ${p * 5 + s + 100} thousand dollars on item ${p}-${s} in ${1900 + p}.`).join(' '),
    }));
    const big = analyseArticle({ title: '', source: 'text', lang: 'en', blocks: paragraphs }, 'test:big');
    expect(big.sentences.length).toBe(300);
    const index = articleIndex(big);
    answerQuestion(big, 'What did report 7 say?');
    expect(articleIndex(big)).toBe(index);
    const answer = answerQuestion(big, 'How much did the council spend on item 4-3?');
    expect(answer.answer.join(' ')).toContain('item 4-3');
  });
});

describe('answerKinds', () => {
  it('reads the kind of answer from the question word', () => {
    expect(answerKinds('Who won the match?', 'en')).toEqual(['person', 'organization']);
    expect(answerKinds('In what year did it open?', 'en')).toEqual(['date']);
    expect(answerKinds('How many people came?', 'en')).toEqual(['number']);
    expect(answerKinds('Where was it held?', 'en')).toEqual(['place']);
    expect(answerKinds('What is it called when people protest?', 'en')).toEqual([]);
    expect(answerKinds('¿Cuándo se abrió el puente?', 'es')).toEqual(['date']);
  });
});

describe('baseForm', () => {
  it('joins irregular verbs, number words and decades to one form', () => {
    expect(baseForm('wrote', 'en')).toBe('write');
    expect(baseForm('third', 'en')).toBe('3rd');
    expect(baseForm('six', 'en')).toBe('6');
    expect(baseForm('1970s', 'en')).toBe('1970');
    expect(baseForm('wrote', 'de')).toBe('wrote');
  });
});
