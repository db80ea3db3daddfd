import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../../src/core/extract/plain/analyse.js';
import type { BlockScores } from '../../../../src/core/extract/plain/classify.js';
import { isCommentCount } from '../../../../src/core/extract/plain/features.js';
import { regionBlocks } from '../../../../src/core/extract/plain/keptRegion.js';
import { NEWS_PARAGRAPHS } from './fixtures.js';

const PARAMS = { threshold: 0.2, floor: 8, keep: 0.2 };

/** A menu line, three paragraphs, a comment count and a comment. */
const LINES = ['Home', ...NEWS_PARAGRAPHS.slice(0, 3), '3 Comments', 'Great news for the city.'];
const analysis = analyseText(LINES.join('\n'));

function scores(final: number[], local: number[] = final): BlockScores {
  return { final, local };
}

describe('isCommentCount', () => {
  it('recognises the count over a comment section', () => {
    for (const line of ['3 Comments', '1 comment', '0 replies', 'No responses', 'Comments (12)']) {
      expect(isCommentCount(line), line).toBe(true);
    }
  });

  it('leaves sentences about comments alone', () => {
    expect(isCommentCount('3 comments on the budget were read out by the mayor.')).toBe(false);
    expect(isCommentCount('Comments')).toBe(false);
  });
});

describe('regionBlocks', () => {
  it('keeps the paragraphs and drops the comment count that ends the region', () => {
    expect(analysis.blocks).toHaveLength(LINES.length);
    const kept = regionBlocks(analysis, scores([0, 0.9, 0.9, 0.9, 0.5, 0]), PARAMS);
    expect(kept).toEqual([1, 2, 3]);
  });
});
