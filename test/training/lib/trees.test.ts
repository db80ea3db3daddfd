import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/extract/plain/classify.js';
import { fitTrees, type TreeSettings } from '../../../training/lib/trees.js';

const SETTINGS: TreeSettings = { rounds: 60, depth: 2, rate: 0.3, lambda: 1, minHessian: 1, rows: 0.8, cols: 1, bins: 16, seed: 3 };

/** Rows on a grid of two features; the label is 1 inside the band 0.3 < x0 < 0.7 (no linear model can fit it). */
function band(): { xs: number[][]; ys: number[]; ws: number[] } {
  const xs: number[][] = [];
  for (let i = 0; i < 20; i++) for (let j = 0; j < 10; j++) xs.push([i / 19, j / 9]);
  return { xs, ys: xs.map(([x]) => (x! > 0.3 && x! < 0.7 ? 1 : 0)), ws: xs.map(() => 1) };
}

describe('fitTrees', () => {
  it('learns a label that depends on a band of one feature and ignores the other', () => {
    const { xs, ys, ws } = band();
    const model = fitTrees(xs, ys, ws, SETTINGS);
    expect(predict(model, [0.5, 0.1])).toBeGreaterThan(0.9);
    expect(predict(model, [0.5, 0.9])).toBeGreaterThan(0.9);
    expect(predict(model, [0.05, 0.5])).toBeLessThan(0.1);
    expect(predict(model, [0.95, 0.5])).toBeLessThan(0.1);
  });

  it('gives the same trees for the same rows, settings and seed, and other trees for another seed', () => {
    const { xs, ys, ws } = band();
    expect(fitTrees(xs, ys, ws, SETTINGS)).toEqual(fitTrees(xs, ys, ws, SETTINGS));
    expect(fitTrees(xs, ys, ws, { ...SETTINGS, seed: 4 })).not.toEqual(fitTrees(xs, ys, ws, SETTINGS));
  });

  it('follows the row weights: a copy of every row with the opposite label, weighing nothing, changes nothing', () => {
    const { xs, ys, ws } = band();
    const model = fitTrees([...xs, ...xs], [...ys, ...ys.map((y) => 1 - y)], [...ws, ...ws.map(() => 0)], SETTINGS);
    expect(predict(model, [0.5, 0.5])).toBeGreaterThan(0.9);
    expect(predict(model, [0.95, 0.5])).toBeLessThan(0.1);
  });
});
