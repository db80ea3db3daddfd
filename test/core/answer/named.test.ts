import { describe, expect, it } from 'vitest';
import { layoutOf, weightsByName, weightVector } from '../../../src/core/answer/named.js';

const NAMES = ['a', 'b', 'c'] as const;

describe('layoutOf', () => {
  it('places each name where the list puts it', () => {
    expect(layoutOf(NAMES, ['c', 'a', 'b'], 'test').at).toEqual({ c: 0, a: 1, b: 2 });
  });

  it('refuses a list that misses, adds or repeats a name', () => {
    expect(() => layoutOf(NAMES, ['a', 'b'], 'test')).toThrow(/missing c/);
    expect(() => layoutOf(NAMES, ['a', 'b', 'c', 'd'], 'test')).toThrow(/unknown d/);
    expect(() => layoutOf(NAMES, ['a', 'b', 'c', 'a'], 'test')).toThrow(/repeated a/);
  });
});

describe('weightVector', () => {
  it('puts weights stored by name in the order of the layout', () => {
    const weights = { a: 1, b: 2, c: 3 };
    expect([...weightVector(layoutOf(NAMES, NAMES, 'test'), weights, 'w')]).toEqual([1, 2, 3]);
    expect([...weightVector(layoutOf(NAMES, ['c', 'b', 'a'], 'test'), weights, 'w')]).toEqual([3, 2, 1]);
  });

  it('fails loudly on a missing or unknown weight', () => {
    const layout = layoutOf(NAMES, NAMES, 'test');
    expect(() => weightVector(layout, { a: 1, b: 2 }, 'ranker')).toThrow(/ranker: .*missing c/);
    expect(() => weightVector(layout, { a: 1, b: 2, c: 3, z: 4 }, 'ranker')).toThrow(/ranker: .*unknown z/);
  });
});

describe('weightsByName', () => {
  it('names a fitted vector by its layout, and refuses one of another length', () => {
    const layout = layoutOf(NAMES, ['b', 'c', 'a'], 'test');
    expect(weightsByName(layout, [0.1234, 2, 3], (v) => Math.round(v * 100) / 100)).toEqual({ b: 0.12, c: 2, a: 3 });
    expect(() => weightsByName(layout, [1, 2], (v) => v)).toThrow(/3 weights expected/);
  });
});
