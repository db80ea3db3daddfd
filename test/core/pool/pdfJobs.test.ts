import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDigestPool } from '../../../src/core/pool/digestPool.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pdf', name)));
const pdfJob = (bytes: Uint8Array) => ({ kind: 'bytes' as const, bytes, contentType: 'application/pdf', url: 'https://harbour.example/survey.pdf' });

describe('the digest pool with PDFs', () => {
  const lost: string[] = [];
  const pool = createDigestPool({ size: 1, queueSize: 8, onWorkerLost: (reason) => lost.push(reason) });
  afterAll(() => pool.close());

  it('reads a PDF in a worker into a digest', async () => {
    const digest = await pool.run(pdfJob(fixture('two-columns.pdf')), 'pdf:test');
    expect(digest.article.title).toBe('Harbour Survey Finds Rising Water Temperatures');
    expect(digest.article.url).toBe('https://harbour.example/survey.pdf');
    expect(digest.key).toBe('pdf:test');
  });

  it('fails a malformed, a truncated and a locked PDF cleanly, and the same worker goes on serving', async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'1 0 obj << /Type /Catalog /Pages 9 0 R >>\n'.repeat(50)}`);
    await expect(pool.run(pdfJob(junk), 'k1')).rejects.toMatchObject({ code: 'PARSE_FAILED' });
    await expect(pool.run(pdfJob(fixture('truncated.pdf')), 'k2')).rejects.toMatchObject({ code: 'PARSE_FAILED' });
    await expect(pool.run(pdfJob(fixture('encrypted.pdf')), 'k3')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await pool.run(pdfJob(fixture('one-column.pdf')), 'k4')).article.title).toBe('Harbour Survey Finds Rising Water Temperatures');
    expect(lost).toEqual([]);
  });
});
