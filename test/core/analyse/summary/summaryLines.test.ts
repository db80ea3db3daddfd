import { describe, expect, it } from 'vitest';
import { summaryLineQuality } from '../../../../src/core/analyse/summary/summaryLines.js';

describe('summaryLineQuality', () => {
  it('demotes questions, fragments, calls to action, bylines, captions and bare quotes', () => {
    const good = summaryLineQuality('The council approved the new budget for the city library on Monday evening.');
    expect(good).toBe(1);
    for (const poor of [
      'Will the library ever open on Sundays again, after all these years of waiting?',
      'Read more.',
      'Click here to read the full report on the new budget of the library.',
      'By Jane Smith and John Doe for the Daily News in London',
      'Mayor Ann Lee (pictured) opened the library on Monday with the whole council.',
      '"We cannot keep the doors open with this money, not for another year."',
    ]) {
      expect(summaryLineQuality(poor), poor).toBeLessThan(0.5);
    }
  });

  it('accepts a quote that says who said it more readily than a bare one', () => {
    const said = summaryLineQuality('"We cannot keep the doors open with this money," the mayor said on Monday.');
    const bare = summaryLineQuality('"We cannot keep the doors open with this money, not for another year."');
    expect(said).toBeGreaterThan(bare);
  });
});
