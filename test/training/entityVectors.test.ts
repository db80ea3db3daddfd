import { describe, expect, it } from 'vitest';
import { VECTOR_TYPES, vectorProbabilities } from '../../src/core/analyse/entities/vectors.js';
import { wordVectorsFor } from '../../src/core/text/index.js';
import { crossFitted, fitVectorModel, roundedVectorModel, vectorLoss, type VectorExample } from '../../training/entityVectors.js';

const dims = wordVectorsFor('en')?.dims ?? 0;

/** An example whose inputs carry its type at input `type` (plus a little of a shared input), labelled `type`. */
function example(type: number, strength = 1): VectorExample {
  const x = new Float64Array(2 * dims + 2);
  x[type] = strength;
  x[dims + 1] = 0.5;
  return { x, y: type };
}

const examples = (n: number): VectorExample[] =>
  Array.from({ length: n }, (_, i) => example(i % VECTOR_TYPES.length, 0.5 + (i % 3) / 4));

describe('fitVectorModel', () => {
  it('learns which input says which type', () => {
    const model = fitVectorModel(examples(40), 0.001, 200);
    VECTOR_TYPES.forEach((_, t) => {
      const p = vectorProbabilities(example(t).x, model);
      expect(p.indexOf(Math.max(...p))).toBe(t);
    });
    expect(vectorLoss(examples(40), model)).toBeLessThan(Math.log(VECTOR_TYPES.length));
  });

  it('gives the same model for the same examples', () => {
    expect(fitVectorModel(examples(20), 0.01, 50)).toEqual(fitVectorModel(examples(20), 0.01, 50));
  });

  it('shrinks the weights more under a stronger penalty', () => {
    const size = (l2: number): number =>
      fitVectorModel(examples(20), l2, 200).weights.flat().reduce((a, w) => a + w * w, 0);
    expect(size(1)).toBeLessThan(size(0.001));
  });
});

describe('crossFitted', () => {
  it('gives each fold the model fitted on the other fold', () => {
    const folds: [VectorExample[], VectorExample[]] = [examples(12), examples(16)];
    const [forFirst, forSecond] = crossFitted(folds, 0.01);
    expect(forFirst).toEqual(fitVectorModel(folds[1], 0.01));
    expect(forSecond).toEqual(fitVectorModel(folds[0], 0.01));
  });
});

describe('roundedVectorModel', () => {
  it('keeps four significant digits', () => {
    const r = roundedVectorModel({ dims: 1, weights: [[0.123456], [1234.5678], [0], [-0.000123456]], bias: [1.23456, 0, 0, 0] });
    expect(r.weights).toEqual([[0.1235], [1235], [0], [-0.0001235]]);
    expect(r.bias[0]).toBe(1.235);
  });
});
