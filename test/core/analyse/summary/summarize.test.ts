import { describe, expect, it } from 'vitest';
import { defaultSummaryLength, leadPriorStrength, rankSentences } from '../../../../src/core/analyse/summary/summarize.js';
import { SUMMARY_LENGTHS, selectSummary } from '../../../../src/core/selectSummary.js';
import { sentencesOf } from '../../../../src/core/analyse/sentences.js';
import { article, NEWS, paragraphs } from './articles.js';

/** An essay that opens with an anecdote and makes its point (community gardens) from the second paragraph on. */
const ESSAY = article(paragraphs(
  'My grandmother lived in a narrow house in Lisbon with blue tiles around the door. Every morning she walked to the bakery before the sun was up. She wore the same grey coat for thirty winters.',
  'Cities should give every neighbourhood land for community gardens. A community garden turns an empty lot into food, shade and a place where neighbours meet. Residents who share a garden know each other and look after their streets.',
  'Community gardens also feed people. A small plot can grow vegetables for several families through the summer, and city land that lies empty could feed whole neighbourhoods.',
  'The cost to cities is small. Water, fences and a shed are cheap next to parks, and residents do the gardening themselves. Cities that gave land to community gardens found that residents kept them for decades.',
  'So the case is simple: cities should hand empty land to residents for community gardens. Neighbourhoods get food, and residents get a reason to meet.',
));

describe('rankSentences', () => {
  it('ranks every sentence exactly once', () => {
    const r = rankSentences(NEWS);
    expect([...r.ranking].sort((a, b) => a - b)).toEqual(r.sentences.map((_, i) => i));
  });

  it('lets centrality decide in an essay whose point comes after an anecdote', () => {
    const r = rankSentences(ESSAY);
    const summary = selectSummary(r, 3);
    const firstThree = r.sentences.slice(0, 3).map((s) => s.text);
    expect(summary).not.toEqual(firstThree);
    expect(summary.some((s) => s.includes('grandmother'))).toBe(false);
    expect(summary.filter((s) => /community gardens?/u.test(s)).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the lead of a news story', () => {
    const summary = selectSummary(rankSentences(NEWS), 3);
    expect(summary[0]).toBe(NEWS.blocks[0]!.text);
  });

  it('detects the language when the article has none', () => {
    const r = rankSentences(article(ESSAY.blocks, undefined));
    expect(selectSummary(r, 3).some((s) => s.includes('grandmother'))).toBe(false);
  });

  it('summarises another language with its own stopwords and stemmer', () => {
    const es = article(paragraphs(
      'Mi abuelo tenía un perro viejo que dormía todo el día junto a la puerta de la casa.',
      'Las ciudades deben dar terrenos a los vecinos para huertos comunitarios. Los huertos comunitarios producen alimentos para los vecinos del barrio. Un huerto comunitario convierte un solar vacío en comida y sombra para el barrio.',
      'Los vecinos que comparten un huerto se conocen y cuidan sus calles. Las ciudades que dieron terrenos a los huertos comunitarios vieron que los vecinos los mantuvieron durante décadas.',
      'El coste para las ciudades es pequeño, porque los vecinos trabajan los huertos ellos mismos. Por eso los huertos comunitarios son una buena idea para cualquier ciudad.',
    ), 'es');
    const summary = selectSummary(rankSentences(es), 2);
    expect(summary).toHaveLength(2);
    expect(summary.every((s) => /huertos? comunitarios?/u.test(s))).toBe(true);
  });

  it('still ranks text in a language it has no stopwords or stemmer for', () => {
    const r = rankSentences(article(paragraphs('Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore. Ut enim ad minim veniam, quis nostrud exercitation.'), 'xx'));
    expect(selectSummary(r, 2)).toHaveLength(2);
  });

  it('ranks every sentence of a very long text once, through the pre-filter', () => {
    const topics = ['harbour', 'railway', 'library', 'market', 'school', 'hospital', 'bridge', 'museum'];
    const blocks = paragraphs(...Array.from({ length: 200 }, (_, p) =>
      `The ${topics[p % 8]} of the old town was rebuilt in year ${p}. Workers from the ${topics[(p + 3) % 8]} helped the ${topics[p % 8]} crews.`,
    ));
    const r = rankSentences(article(blocks));
    expect(r.sentences).toHaveLength(400);
    expect([...r.ranking].sort((a, b) => a - b)).toEqual(r.sentences.map((_, i) => i));
    expect(r.defaultLength).toBe(7);
    // The template sentences are near-copies of each other, so fewer than 7 survive the redundancy check.
    expect(selectSummary(r, r.defaultLength).length).toBeGreaterThanOrEqual(3);
  });

  it('returns an empty ranking for an article without sentences', () => {
    expect(rankSentences(article([{ type: 'heading', text: 'Only a heading' }]))).toEqual({ sentences: [], ranking: [], defaultLength: 0 });
  });
});

describe('leadPriorStrength', () => {
  it('is full for news paragraphs and for text without paragraphs, none for long paragraphs', () => {
    expect(leadPriorStrength(NEWS, sentencesOf(NEWS))).toBe(1);
    const wall = article(paragraphs(ESSAY.blocks.map((b) => b.text).join(' ')));
    expect(leadPriorStrength(wall, sentencesOf(wall))).toBe(1);
    const sentence = 'This paragraph goes on at length about one idea.';
    const longParagraphs = article(paragraphs(...Array.from({ length: 4 }, () => sentence.repeat(5).replaceAll('.', '. ').trim())));
    expect(leadPriorStrength(longParagraphs, sentencesOf(longParagraphs))).toBe(0);
  });
});

describe('defaultSummaryLength', () => {
  it('is 3 for a short story and grows to at most 7', () => {
    expect(defaultSummaryLength(2)).toBe(2);
    expect(defaultSummaryLength(20)).toBe(3);
    expect(defaultSummaryLength(60)).toBeGreaterThan(3);
    expect(defaultSummaryLength(400)).toBe(7);
  });

  it('has bot presets from short to long', () => {
    expect(SUMMARY_LENGTHS.short).toBeLessThan(SUMMARY_LENGTHS.medium);
    expect(SUMMARY_LENGTHS.medium).toBeLessThan(SUMMARY_LENGTHS.long);
  });
});
