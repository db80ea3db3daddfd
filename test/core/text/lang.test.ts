import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLangTag } from '../../../src/core/text/lang.js';

describe('detectLanguage', () => {
  it('reads a one-line English text as English, not as Tagalog or Portuguese', () => {
    expect(detectLanguage('Oleg Mikhaylovich Gazmanov is a Russian singer.')).toBe('en');
    expect(detectLanguage('Eustaquio Díaz Vélez was an Argentine general of the war of independence.')).toBe('en');
  });

  it('tells short texts in other languages by their function words', () => {
    expect(detectLanguage('O Brasil é o maior país da América do Sul.')).toBe('pt');
    expect(detectLanguage('Der Hund läuft schnell über die Straße und bellt.')).toBe('de');
    expect(detectLanguage('El presidente viajó a Madrid con su familia el lunes.')).toBe('es');
    expect(detectLanguage('Le maire de Lyon a présenté le projet aux habitants.')).toBe('fr');
  });

  it('leaves a longer text to the trigrams', () => {
    const text = 'The council met on Monday to discuss the budget for the coming year. '.repeat(5);
    expect(detectLanguage(text)).toBe('en');
  });

  it('gives no language for a text too short to tell', () => {
    expect(detectLanguage('Hi')).toBeUndefined();
  });
});

describe('normalizeLangTag', () => {
  it('keeps the primary subtag of a markup language tag', () => {
    expect(normalizeLangTag('en-US')).toBe('en');
    expect(normalizeLangTag('por')).toBe('pt');
    expect(normalizeLangTag('')).toBeUndefined();
  });
});
