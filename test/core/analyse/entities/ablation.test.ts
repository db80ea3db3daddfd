/**
 * Every typing feature and every cue list must hold something up: switching one feature off, or emptying one
 * list, lowers the typed F1 on the Wikigold fixture (half B, the half the weights are not fitted on) or breaks
 * one of the targeted cases below. Also the fixture's F1 floors.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type FeatureName } from '../../../../src/core/analyse/entities/features.js';
import { WEIGHTS } from '../../../../src/core/analyse/entities/weights.js';
import { CUE_LIST_NAMES, cueList } from '../../../../src/core/analyse/entities/cues.js';
import { useWeights } from '../../../../src/core/analyse/entities/typing.js';
import { evaluate, loadDocs, prepare, remention, type PreparedDoc } from '../../../../training/entityData.js';
import { CASES, failingCases } from './cases.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/wikigold/half-b.jsonl', import.meta.url));

let docs: PreparedDoc[] = [];
let baseline = 0;

beforeAll(async () => {
  docs = await prepare(loadDocs(FIXTURE));
  baseline = evaluate(docs, WEIGHTS).f1;
}, 60_000);

describe('entity typing on the Wikigold fixture', () => {
  it('keeps typed F1, organization F1 and first-six precision above their floors', () => {
    const f = evaluate(docs, WEIGHTS);
    expect(f.f1).toBeGreaterThan(0.7);
    expect(f.orgF1).toBeGreaterThan(0.53);
    expect(f.firstSix).toBeGreaterThan(0.73);
  });

  it('passes every targeted case with all features and lists', async () => {
    expect(await failingCases()).toEqual([]);
  });
});

describe('feature ablation', () => {
  it.each(FEATURE_NAMES)('switching off %s lowers the fixture F1 or fails a targeted case', async (name: FeatureName) => {
    const off = { ...WEIGHTS, [name]: 0 };
    const f1 = evaluate(docs, off).f1;
    if (f1 < baseline) return;
    const restore = useWeights(off);
    try {
      expect(await failingCases(), `${name}: fixture F1 ${f1.toFixed(4)} vs ${baseline.toFixed(4)}`).not.toEqual([]);
    } finally {
      restore();
    }
  });
});

describe('cue list ablation', () => {
  it.each(CUE_LIST_NAMES)('emptying %s lowers the fixture F1 or fails a targeted case', async (name: string) => {
    const list = cueList(name);
    const saved = [...list];
    list.clear();
    try {
      const f1 = evaluate(remention(docs), WEIGHTS).f1;
      if (f1 < baseline) return;
      expect(await failingCases(), `${name}: fixture F1 ${f1.toFixed(4)} vs ${baseline.toFixed(4)}`).not.toEqual([]);
    } finally {
      for (const w of saved) list.add(w);
    }
  }, 30_000);
});

it('has targeted cases', () => {
  expect(CASES.length).toBeGreaterThan(0);
});
