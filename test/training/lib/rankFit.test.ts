import { describe, expect, it } from 'vitest';
import { Adam, fitListwise, fitLogistic, type RankItem } from '../../../training/lib/rankFit.js';

describe('Adam', () => {
  it('walks a quadratic down to its minimum', () => {
    const params = Float64Array.from([5, -3]);
    const adam = new Adam(2, 0.1);
    for (let t = 0; t < 2000; t++) adam.step(params, Float64Array.from([2 * (params[0]! - 1), 2 * (params[1]! + 2)]));
    expect(params[0]).toBeCloseTo(1, 2);
    expect(params[1]).toBeCloseTo(-2, 2);
  });
});

/** A query of three candidates with two features; the right one has the highest first feature. */
function query(k: number): RankItem {
  const first = [0.2 + (k % 3) / 10, 0.9, 0.5];
  const second = [0.8, 0.1 + (k % 2) / 10, 0.4];
  const features = new Float64Array(6);
  for (let i = 0; i < 3; i++) {
    features[2 * i] = first[i]!;
    features[2 * i + 1] = second[i]!;
  }
  return { features, n: 3, gold: Uint8Array.from([0, 1, 0]) };
}

describe('fitListwise', () => {
  const items = Array.from({ length: 6 }, (_, k) => query(k));

  it('weighs up the feature that picks the right candidate and down the one that misleads', () => {
    const w = fitListwise(items, 2, { temperature: 1, epochs: 500 });
    expect(w[0]).toBeGreaterThan(0);
    expect(w[1]).toBeLessThan(0);
  });

  it('stays near its prior under a strong penalty', () => {
    const prior = Float64Array.from([0.5, 0.5]);
    const w = fitListwise(items, 2, { temperature: 1, epochs: 500, l2: 100, prior, init: prior });
    expect(w[0]).toBeCloseTo(0.5, 1);
    expect(w[1]).toBeCloseTo(0.5, 1);
  });

  it('refuses starting weights of the wrong size', () => {
    expect(() => fitListwise(items, 2, { temperature: 1, epochs: 1, init: new Float64Array(3) })).toThrow(/2 starting weights/);
  });
});

describe('fitLogistic', () => {
  it('separates the labels by the feature that carries them, with the bias last', () => {
    const x = [[0], [0.2], [0.4], [0.6], [0.8], [1]];
    const y = [false, false, false, true, true, true];
    const w = fitLogistic(x, y);
    expect(w).toHaveLength(2);
    const p = (v: number) => 1 / (1 + Math.exp(-(w[0]! * v + w[1]!)));
    expect(p(0)).toBeLessThan(0.2);
    expect(p(1)).toBeGreaterThan(0.8);
    expect(p(0.5)).toBeGreaterThan(0.3);
    expect(p(0.5)).toBeLessThan(0.7);
  });
});
