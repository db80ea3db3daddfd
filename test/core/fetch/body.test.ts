import { Readable } from 'node:stream';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodersFor, readLimitedBody } from '../../../src/core/fetch/body.js';

const live = new AbortController().signal;
const page = Buffer.from('<html><body><p>'.concat('Plain words. '.repeat(2000), '</p></body></html>'));

/** A body stream that hands over `bytes` in chunks of `size`, like a socket. */
function streamOf(bytes: Buffer, size = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('readLimitedBody', () => {
  it('returns an unencoded body byte for byte', async () => {
    expect((await readLimitedBody(streamOf(page), undefined, 1e6, live)).equals(page)).toBe(true);
  });

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ])('decodes a %s body', async (encoding, compress) => {
    const body = await readLimitedBody(streamOf(compress(page)), encoding, 1e6, live);
    expect(body.equals(page)).toBe(true);
  });

  it('decodes stacked encodings in reverse order of the header', async () => {
    const body = await readLimitedBody(streamOf(brotliCompressSync(gzipSync(page))), 'gzip, br', 1e6, live);
    expect(body.equals(page)).toBe(true);
  });

  it('keeps what arrived of a truncated gzip body', async () => {
    const gz = gzipSync(page);
    const body = await readLimitedBody(streamOf(gz.subarray(0, gz.length - 12)), 'gzip', 1e6, live);
    expect(page.subarray(0, body.length).equals(body)).toBe(true);
    expect(body.length).toBeGreaterThan(page.length / 2);
  });

  it('stops a body larger than the limit', async () => {
    await expect(readLimitedBody(streamOf(Buffer.alloc(300_000)), undefined, 100_000, live)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('stops a compressed body whose compressed size already passes the limit', async () => {
    const noise = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));
    await expect(readLimitedBody(streamOf(gzipSync(noise)), 'gzip', 100_000, live)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it.each([
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['br', (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })],
  ])('stops a %s bomb once the decoded size passes the limit', async (encoding, compress) => {
    const bomb = compress(Buffer.alloc(32 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    await expect(readLimitedBody(streamOf(bomb), encoding, 1_000_000, live)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops a deflate bomb once the decoded size passes the limit', async () => {
    const bomb = deflateSync(Buffer.alloc(32 * 1024 * 1024));
    const started = Date.now();
    await expect(readLimitedBody(streamOf(bomb), 'deflate', 1_000_000, live)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops a bomb nested in two encodings, whose outer layer is small', async () => {
    const inner = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = gzipSync(inner, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const started = Date.now();
    await expect(readLimitedBody(streamOf(bomb), 'gzip, gzip', 1_000_000, live)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails on an encoding it cannot read', async () => {
    await expect(readLimitedBody(streamOf(page), 'compress', 1e6, live)).rejects.toMatchObject({ code: 'PARSE_FAILED' });
  });

  it('gives up when aborted', async () => {
    const controller = new AbortController();
    const endless = new Readable({ read() {} });
    const reading = readLimitedBody(endless, undefined, 1e6, controller.signal);
    controller.abort(new Error('stop'));
    await expect(reading).rejects.toThrow();
    expect(endless.destroyed).toBe(true);
  });
});

describe('decodersFor', () => {
  it('needs no decoder for identity or no encoding', () => {
    expect(decodersFor(undefined)).toEqual([]);
    expect(decodersFor('identity')).toEqual([]);
  });

  it('refuses more than two stacked encodings', () => {
    expect(() => decodersFor('gzip, gzip, gzip')).toThrow(expect.objectContaining({ code: 'PARSE_FAILED' }));
  });
});
