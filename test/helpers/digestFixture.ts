import { DIGEST_SCHEMA, type Digest } from '../../src/core/types.js';

/** A small but complete digest for cache tests. */
export function makeDigest(key: string, title = 'A title'): Digest {
  const paragraphs = ['Alice Smith met the board in Paris on Monday.', 'The deal was signed after a long night.'];
  return {
    schema: DIGEST_SCHEMA,
    key,
    article: { url: key.replace(/^url:/, ''), title, blocks: paragraphs.map((text) => ({ type: 'paragraph', text })), source: 'html' },
    wordCount: 17,
    sentences: paragraphs.map((text, index) => ({ text, block: index, index })),
    ranking: [0, 1],
    defaultLength: 1,
    entities: [
      { name: 'Alice Smith', type: 'person', mentions: 1 },
      { name: 'Paris', type: 'place', mentions: 1 },
    ],
  };
}
