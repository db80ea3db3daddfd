import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { digestRaw } from '../../../src/core/digest.js';
import { SkimError } from '../../../src/core/errors.js';
import { createDigestPool } from '../../../src/core/pool/digestPool.js';
import { WorkerPool } from '../../../src/core/pool/workerPool.js';

type Input = { action: string; value?: number; ms?: number };
const entry = new URL('../../helpers/testWorker.ts', import.meta.url);
const pools: Array<{ close(): Promise<void> }> = [];

function pool(options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool<Input, number> {
  const p = new WorkerPool<Input, number>({ entry, size: 1, queueSize: 4, jobTimeoutMs: 5_000, ...options });
  pools.push(p);
  return p;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {
  it('runs jobs in workers and returns their results in order of the calls', async () => {
    const p = pool({ size: 2, queueSize: 8 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => p.run({ action: 'sleep', value, ms: 20 })));
    expect(results).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes a SkimError through with its code, message and details', async () => {
    const error = await pool().run({ action: 'skim-error' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkimError);
    expect(error).toMatchObject({ code: 'NOT_AN_ARTICLE', message: 'nothing here', details: { words: 3 } });
  });

  it('fails waiting jobs instead of starting workers forever when none can load, and tries again for the next job', async () => {
    const lost: string[] = [];
    const p = pool({ entry: new URL('../../helpers/brokenWorker.ts', import.meta.url), onWorkerLost: (reason) => lost.push(reason) });
    await expect(p.run({ action: 'echo', value: 1 })).rejects.toMatchObject({ code: 'BUSY', message: 'Skim could not start its workers; try again shortly.' });
    expect(lost).toHaveLength(3);
    await expect(p.run({ action: 'echo', value: 2 })).rejects.toMatchObject({ code: 'BUSY' });
    expect(lost).toHaveLength(6);
  });

  it('replaces a crashed worker and fails only its job, cleanly', async () => {
    const lost: string[] = [];
    const p = pool({ onWorkerLost: (reason) => lost.push(reason) });
    await expect(p.run({ action: 'crash' })).rejects.toMatchObject({ code: 'PARSE_FAILED' });
    await expect(p.run({ action: 'exit' })).rejects.toMatchObject({ code: 'PARSE_FAILED' });
    expect(lost).toEqual(['crashed', 'exited (3)']);
    await expect(p.run({ action: 'echo', value: 7 })).resolves.toBe(7);
  });

  it('fails a job over its time budget and keeps serving with a fresh worker', async () => {
    const p = pool({ jobTimeoutMs: 300 });
    const queued = p.run({ action: 'echo', value: 9 });
    await expect(p.run({ action: 'hang' })).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(queued).resolves.toBe(9);
  });

  it('answers BUSY at once when the queue is full', async () => {
    const p = pool({ queueSize: 3 });
    const running = [0, 1, 2].map((value) => p.run({ action: 'sleep', value, ms: 200 }));
    await expect(p.run({ action: 'echo', value: 3 })).rejects.toMatchObject({ code: 'BUSY' });
    await expect(Promise.all(running)).resolves.toEqual([0, 1, 2]);
    expect(p.pending).toBe(0);
  });

  it('rejects queued jobs when closed', async () => {
    const p = pool();
    const jobs = [p.run({ action: 'sleep', ms: 200 }), p.run({ action: 'echo', value: 1 })].map((j) => j.catch((e: unknown) => e));
    await p.close();
    for (const job of jobs) expect(await job).toMatchObject({ code: 'BUSY' });
  });
});

describe('createDigestPool', () => {
  it('produces the same digest as the inline pipeline', async () => {
    const html = readFileSync(new URL('../../fixtures/sample-article.html', import.meta.url), 'utf8');
    const digests = createDigestPool({ size: 1, queueSize: 2, jobTimeoutMs: 20_000 });
    pools.push(digests);
    const raw = { kind: 'html' as const, html, url: 'https://herald.example/a' };
    expect(await digests.run(raw, 'url:x')).toEqual(digestRaw(raw, 'url:x'));
  });

  it('reads a page holding lone surrogates in a worker as it does inline', async () => {
    const html = readFileSync(new URL('../../fixtures/sample-article.html', import.meta.url), 'utf8').replace('<p>', '<p>Broken \udfff\udfff text. ');
    const digests = createDigestPool({ size: 1, queueSize: 2, jobTimeoutMs: 20_000 });
    pools.push(digests);
    const raw = { kind: 'html' as const, html };
    const digest = await digests.run(raw, 'k');
    expect(digest).toEqual(digestRaw(raw, 'k'));
    expect(digest.article.blocks.map((b) => b.text).join(' ')).toContain('Broken \ufffd\ufffd text.');
  });
});
