import { describe, expect, it } from 'vitest';
import { centroidSimilarity, degreeCentrality, lexRank, similarityMatrix } from '../../../../src/core/analyse/summary/sentenceGraph.js';
import { inverseDocumentFrequencies, tfidfVector } from '../../../../src/core/text/stats.js';

const docs = [['flood', 'river', 'town'], ['flood', 'river'], ['flood', 'town'], ['cat', 'dog']];
const idf = inverseDocumentFrequencies(docs);
const vectors = docs.map((d) => tfidfVector(d, idf));

describe('similarityMatrix', () => {
  it('is symmetric with a zero diagonal and zero for sentences sharing no term', () => {
    const sim = similarityMatrix(vectors);
    const n = vectors.length;
    for (let i = 0; i < n; i++) {
      expect(sim[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) expect(sim[i * n + j]).toBeCloseTo(sim[j * n + i]!, 12);
    }
    expect(sim[0 * n + 3]).toBe(0);
    expect(sim[0 * n + 1]!).toBeGreaterThan(0);
  });
});

describe('lexRank', () => {
  it('is a distribution that puts the best-connected sentence first and an isolated one last', () => {
    const sim = similarityMatrix(vectors);
    const rank = lexRank(sim, vectors.length);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const best = rank.indexOf(Math.max(...rank));
    expect(best).toBe(0);
    expect(rank[3]).toBe(Math.min(...rank));
  });
});

describe('degreeCentrality and centroidSimilarity', () => {
  it('agree that the sentence sharing most with the rest is most central', () => {
    const degree = degreeCentrality(similarityMatrix(vectors), vectors.length);
    const centroid = centroidSimilarity(vectors);
    expect(degree.indexOf(Math.max(...degree))).toBe(0);
    expect(centroid.indexOf(Math.max(...centroid))).toBe(0);
    expect(degree[3]).toBe(0);
  });
});
