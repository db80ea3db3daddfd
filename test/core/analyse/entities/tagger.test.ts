import { describe, expect, it } from 'vitest';
import { internTags, lexiconTags, posTags } from '../../../../src/core/analyse/entities/tagger.js';

describe('internTags', () => {
  it('makes words with the same tags share one array, each word keeping its tags', () => {
    const words = { run: ['VB', 'NN'], walk: ['VB', 'NN'], city: ['NN'] };
    internTags(words);
    expect(words.run).toBe(words.walk);
    expect(words).toEqual({ run: ['VB', 'NN'], walk: ['VB', 'NN'], city: ['NN'] });
  });
});

describe('the shared lexicon', () => {
  it('still tags sentences and answers lookups after interning', () => {
    expect(posTags(['The', 'city', 'opened', 'a', 'bridge'])).toEqual(['DT', 'NN', 'VBD', 'DT', 'NN']);
    expect(lexiconTags('bridge')).toContain('NN');
  });
});
