import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../src/core/analyse/entities/mention.js';
import {
  VECTOR_TYPES, useVectorModel, vectorEvidence, vectorInputs, vectorProbabilities, type VectorModel,
} from '../../../../src/core/analyse/entities/vectors.js';
import { VECTOR_MODEL } from '../../../../src/core/analyse/entities/vectorWeights.js';

function mention(words: string[], before: string[] = [], after: string[] = []): Mention {
  return { text: words.join(' '), words, sentence: 0, before, after, heading: false, span: [0, words.length], weakStart: false };
}

/** The type the shipped vector model likes best for a mention. */
function likeliest(m: Mention): string {
  const p = vectorEvidence([m]) ?? {};
  return Object.entries(p).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

describe('vectorInputs', () => {
  it('averages the name and its surroundings, flagging a side with no known word', () => {
    const x = vectorInputs([mention(['Zqxvbn', 'Wrtpkl'], ['toured', 'with'], ['in', '2004'])]);
    expect(x).toBeDefined();
    const dims = VECTOR_MODEL.dims;
    expect(x?.length).toBe(2 * dims + 2);
    expect(x?.[dims]).toBe(1);
    expect(x?.[2 * dims + 1]).toBe(0);
    expect(x?.slice(0, dims).every((v) => v === 0)).toBe(true);
  });

  it('gives nothing for a language without vectors', () => {
    expect(vectorInputs([mention(['Lyon'])], 'fr')).toBeUndefined();
  });
});

describe('vectorEvidence', () => {
  it('gives each type a probability, summing to one', () => {
    const p = vectorEvidence([mention(['Korn'], ['toured', 'with'])]) ?? {};
    expect(Object.keys(p).sort()).toEqual([...VECTOR_TYPES].sort());
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('gives what the model gives the inputs, summed word by word', () => {
    const ms = [mention(['Korn'], ['toured', 'with'], ['in', '2004']), mention(['Korn'], [], ['released', 'an', 'album'])];
    const x = vectorInputs(ms);
    const whole = x ? vectorProbabilities(x) : [];
    const p = vectorEvidence(ms) ?? {};
    VECTOR_TYPES.forEach((t, i) => expect(p[t]).toBeCloseTo(whole[i] ?? NaN, 9));
  });

  it('reads a band, a pianist, a region and a faith from their vectors', () => {
    expect(likeliest(mention(['Korn'], ['toured', 'with'], ['in', '2004']))).toBe('organization');
    expect(likeliest(mention(['Liberace'], [], ['played', 'the', 'piano']))).toBe('person');
    expect(likeliest(mention(['Gascony'], ['drove', 'from']))).toBe('place');
    expect(likeliest(mention(['Buddhism'], ['converted', 'to']))).toBe('other');
  });
});

describe('useVectorModel', () => {
  it('types with another model until restored', () => {
    const m = mention(['Korn'], ['toured', 'with'], ['in', '2004']);
    const dims = VECTOR_MODEL.dims;
    const flat: VectorModel = { dims, weights: VECTOR_TYPES.map(() => new Array<number>(2 * dims + 2).fill(0)), bias: [0, 0, 5, 0] };
    const restore = useVectorModel(flat);
    expect(likeliest(m)).toBe('place');
    restore();
    expect(likeliest(m)).toBe('organization');
  });

  it('scores inputs with the model given', () => {
    const x = new Float64Array(4);
    expect(vectorProbabilities(x, { dims: 1, weights: [[], [], [], []], bias: [0, 0, 0, 0] })).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
