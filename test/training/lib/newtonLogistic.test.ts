import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/extract/plain/classify.js';
import { fitNewtonLogistic } from '../../../training/lib/newtonLogistic.js';

/** Rows whose label probability is sigmoid(1 + 2 * x0 - x1), given as expected counts through the weights. */
const truth = (x: number[]): number => 1 / (1 + Math.exp(-(1 + 2 * x[0]! - x[1]!)));

function rows(): { xs: number[][]; ys: number[]; ws: number[] } {
  const xs: number[][] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = -5; i <= 5; i++) {
    for (let j = -5; j <= 5; j++) {
      const x = [i / 2, j / 2];
      const p = truth(x);
      xs.push(x, x);
      ys.push(1, 0);
      ws.push(p, 1 - p);
    }
  }
  return { xs, ys, ws };
}

describe('fitNewtonLogistic', () => {
  it('recovers the probabilities of a logistic model from weighted rows', () => {
    const { xs, ys, ws } = rows();
    const model = fitNewtonLogistic(xs, ys, ws, 1e-6);
    for (const x of [[0, 0], [1, 0.5], [-1, 2], [2, -1]]) {
      expect(predict(model, x)).toBeCloseTo(truth(x), 3);
    }
  });

  it('pulls the weights towards zero as its penalty grows, but not the bias', () => {
    const { xs, ys, ws } = rows();
    const loose = fitNewtonLogistic(xs, ys, ws, 1e-6);
    const tight = fitNewtonLogistic(xs, ys, ws, 1e4);
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) / 10);
    // With the weights near 0, the unpenalised bias still gives the share of positive labels.
    const share = ws.filter((_, i) => ys[i] === 1).reduce((a, b) => a + b, 0) / ws.reduce((a, b) => a + b, 0);
    expect(tight.bias).toBeCloseTo(Math.log(share / (1 - share)), 1);
  });

  it('copes with a constant column', () => {
    const { xs, ys, ws } = rows();
    const model = fitNewtonLogistic(xs.map((x) => [...x, 7]), ys, ws, 1e-6);
    expect(predict(model, [1, 0.5, 7])).toBeCloseTo(truth([1, 0.5]), 3);
  });
});
