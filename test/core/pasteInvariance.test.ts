import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestSource, summaryOf, type PipelineDeps } from '../../src/core/pipeline.js';
import { STORY_PARAGRAPHS, hardWrap } from './extract/plain/pasteForms.js';

const deps: PipelineDeps = {
  fetchPage: () => Promise.reject(new Error('no fetching in this test')),
};

/** The dev CNN/DailyMail articles beside the project (also there in CI), when present. */
const CNNDM = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), '..', 'shared', 'data', 'cnndm', 'cnndm_test_250.jsonl');
const devArticles = existsSync(CNNDM)
  ? readFileSync(CNNDM, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, 40)
      .map((l) => (JSON.parse(l) as { article: string }).article)
  : [];

type Form = { kind: 'one-line' } | { kind: 'wrapped'; width: number } | { kind: 'crlf-title' };

/** The article re-laid in one of the shapes people paste it in. */
function reshape(article: string, form: Form): string {
  const flat = article.replace(/\s+/g, ' ').trim();
  switch (form.kind) {
    case 'one-line':
      return flat;
    case 'wrapped':
      return hardWrap(flat, form.width);
    case 'crlf-title':
      return `${flat.split(' ').slice(0, 7).join(' ')}\r\n\r\n${hardWrap(flat, 72).replace(/\n/g, '\r\n')}\r\n`;
  }
}

const forms = fc.oneof(
  fc.constant<Form>({ kind: 'one-line' }),
  fc.integer({ min: 60, max: 80 }).map<Form>((width) => ({ kind: 'wrapped', width })),
  fc.constant<Form>({ kind: 'crlf-title' }),
);

async function summary(text: string): Promise<string[]> {
  return summaryOf((await digestSource({ text }, deps)).digest);
}

describe('summaries of pasted text', () => {
  it('are the same sentences however a story is wrapped', async () => {
    const story = STORY_PARAGRAPHS.join(' ');
    const expected = await summary(story);
    expect(expected.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(forms, async (form) => {
        expect(await summary(reshape(story, form))).toEqual(expected);
      }),
      { numRuns: 12, seed: 15 },
    );
  });

  it.skipIf(devArticles.length === 0)('are the same sentences however a dev news article is wrapped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: devArticles.length - 1 }), forms, async (i, form) => {
        const article = devArticles[i]!;
        const expected = await summary(reshape(article, { kind: 'one-line' }));
        expect(expected.length).toBeGreaterThan(0);
        expect(await summary(reshape(article, form))).toEqual(expected);
      }),
      { numRuns: 40, seed: 15 },
    );
  });
});
