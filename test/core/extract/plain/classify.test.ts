import { describe, expect, it } from 'vitest';
import { MODEL_FEATURES, scoreBlocks, type BlockModel, type LinearModel } from '../../../../src/core/extract/plain/classify.js';
import { splitBlocks } from '../../../../src/core/extract/plain/blocks.js';
import { LOCAL_FEATURES, localFeatures } from '../../../../src/core/extract/plain/features.js';
import { MODEL } from '../../../../src/core/extract/plain/weights.js';

/** A model that calls every block article text with the same confidence. */
function constantModel(columns: number, bias: number): LinearModel {
  const zeros = new Array<number>(columns).fill(0);
  return { kind: 'linear', mean: zeros, scale: zeros.map(() => 1), weights: zeros, bias };
}

function sureModel(features: readonly string[] = MODEL_FEATURES): BlockModel {
  return {
    local: constantModel(LOCAL_FEATURES.length, 5),
    context: constantModel(MODEL_FEATURES.length, 5),
    features,
  };
}

const STOPWORDS = new Set(['the', 'to', 'a', 'of', 'and', 'on', 'for', 'your', 'our', 'in', 'that']);

describe('scoreBlocks', () => {
  it('scores with the fitted model, which lists the features the code computes', () => {
    expect(MODEL.withStopwords.features).toEqual(MODEL_FEATURES);
    expect(MODEL.withoutStopwords.features).toEqual(MODEL_FEATURES);
  });

  it('refuses a model fitted on other features rather than misreading its columns', () => {
    const features = localFeatures(splitBlocks('One line of text that says something.'), STOPWORDS);
    const stale = sureModel(MODEL_FEATURES.filter((name) => name !== 'callToAction'));
    expect(() => scoreBlocks(features, stale)).toThrow(/refit/);
  });

  it('scores a block that is a call to action as furniture, whatever the model says', () => {
    const text = [
      'The council voted on Tuesday to approve the plan for new bicycle lanes downtown.',
      'Simply sign up to the War in Ukraine myFT Digest — delivered directly to your inbox.',
      'Construction is expected to start in the spring, the mayor said on Wednesday.',
    ].join('\n');
    const { local, final } = scoreBlocks(localFeatures(splitBlocks(text), STOPWORDS), sureModel());
    expect(local[1]).toBe(0);
    expect(final[1]).toBe(0);
    expect(Math.min(local[0]!, local[2]!, final[0]!, final[2]!)).toBeGreaterThan(0.9);
  });
});
