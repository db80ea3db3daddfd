import { describe, expect, it } from 'vitest';
import { LIKENESS_FLOOR } from '../../../src/core/answer/softMatch.js';
import { parseWordVectors, rowSimilarity, wordVectorsFor } from '../../../src/core/text/wordVectors.js';

function similarity(a: string, b: string): number {
  const v = wordVectorsFor('en')!;
  return rowSimilarity(v, v.index.get(a)!, v.index.get(b)!);
}

describe('wordVectorsFor', () => {
  it('finds words of like meaning alike and unrelated words apart', () => {
    expect(similarity('accidentally', 'inadvertently')).toBeGreaterThan(LIKENESS_FLOOR);
    expect(similarity('physician', 'doctor')).toBeGreaterThan(LIKENESS_FLOOR);
    expect(similarity('accidentally', 'stadium')).toBeLessThan(LIKENESS_FLOOR);
    expect(similarity('doctor', 'doctor')).toBeCloseTo(1, 5);
  });

  it('holds no stopwords and no numbers: years must match exactly', () => {
    const v = wordVectorsFor('en')!;
    expect(v.index.has('the')).toBe(false);
    expect(v.index.has('1884')).toBe(false);
  });

  it('has no vectors for a language without a file', () => {
    expect(wordVectorsFor('fr')).toBeUndefined();
    expect(wordVectorsFor(undefined)).toBeUndefined();
  });

  it('refuses a file of another format or cut short', () => {
    expect(() => parseWordVectors(Buffer.from('not vectors at all, really'))).toThrow();
    const header = Buffer.alloc(20);
    header.write('SKWV', 0, 'ascii');
    header.writeUInt32LE(1, 4);
    header.writeUInt32LE(2, 8);
    header.writeUInt32LE(3, 12);
    header.writeUInt32LE(3, 16);
    expect(() => parseWordVectors(Buffer.concat([header, Buffer.from('a\nb'), Buffer.alloc(4)]))).toThrow(/truncated/);
  });
});

