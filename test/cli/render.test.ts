import { describe, expect, it } from 'vitest';
import { renderEntities, renderSummary, SUMMARY_NAMES_PER_TYPE } from '../../src/cli/render.js';
import type { SummaryJson } from '../../src/core/types.js';

const people = ['Ada Lovelace', 'Charles Babbage', 'Mary Somerville', 'Augustus De Morgan', 'Michael Faraday', 'John Herschel', 'Charles Dickens'];

const json: SummaryJson = {
  title: 'The Analytical Engine',
  byline: 'A. Writer',
  siteName: 'The Review',
  url: 'https://example.com/engine',
  lang: 'en',
  publishedTime: '1843-09-01T00:00:00Z',
  wordCount: 1200,
  text: '',
  summary: [
    'Ada Lovelace published her notes on the Analytical Engine, which describe how the machine could compute Bernoulli numbers and go beyond arithmetic to music and symbols.',
    'Babbage never finished the machine.',
  ],
  entities: [
    ...people.map((name) => ({ name, type: 'person' as const, mentions: 2 })),
    { name: 'Royal Society', type: 'organization', mentions: 1 },
    { name: 'London', type: 'place', mentions: 1 },
  ],
};

describe('renderSummary', () => {
  it('wraps bullets and entity lines to the width with a hanging indent', () => {
    const out = renderSummary(json, { width: 50 });
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/^• Ada Lovelace published .*\n {2}\S/m);
    expect(out).toMatch(/^People: Ada Lovelace, .*\n {8}\S/m);
  });

  it('leaves each bullet on one line without a width (piped output)', () => {
    const out = renderSummary(json);
    expect(out).toContain(`• ${json.summary[0]}\n`);
  });

  it('ends a cut entity line with "and N more"', () => {
    const out = renderSummary(json);
    expect(out).toContain(`People: ${people.slice(0, SUMMARY_NAMES_PER_TYPE).join(', ')} and ${people.length - SUMMARY_NAMES_PER_TYPE} more\n`);
    expect(out).toMatch(/^Organizations: Royal Society$/m);
  });
});

describe('renderEntities', () => {
  it('lists every name without a cap', () => {
    expect(renderEntities(json.entities)).toBe(`People: ${people.join(', ')}\nOrganizations: Royal Society\nPlaces: London`);
  });
});
