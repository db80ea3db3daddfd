import { describe, expect, it } from 'vitest';
import { EVEN_ODD, firstHalf, refusalsLine } from '../../bench/lib/report.js';
import type { UserPathResult } from '../../bench/lib/userPath.js';
import type { Digest } from '../../src/core/types.js';

const ok = { digest: {} as Digest } as UserPathResult;
const refused = (code: 'NOT_AN_ARTICLE' | 'BAD_INPUT'): UserPathResult => ({ refusal: code });

describe('refusalsLine', () => {
  it('counts refusals overall, in each half and by code', () => {
    const results = [refused('NOT_AN_ARTICLE'), ok, refused('NOT_AN_ARTICLE'), refused('BAD_INPUT'), ok];
    expect(refusalsLine(results, EVEN_ODD)).toBe(
      'refusals (scored as empty output): 3/5 (even half 2/3, odd half 1/2); codes: NOT_AN_ARTICLE 2, BAD_INPUT 1',
    );
  });

  it('cuts by position for a first-half split, the first half taking the odd one out', () => {
    const halves = firstHalf(5);
    expect(halves.names).toEqual(['first half (1-3)', 'second half (4-5)']);
    expect(refusalsLine([ok, ok, ok, ok, refused('BAD_INPUT')], halves)).toBe(
      'refusals (scored as empty output): 1/5 (first half (1-3) 0/3, second half (4-5) 1/2); codes: BAD_INPUT 1',
    );
  });

  it('says none when nothing was refused', () => {
    expect(refusalsLine([ok, ok], EVEN_ODD)).toMatch(/: 0\/2 .*codes: none$/);
  });
});
