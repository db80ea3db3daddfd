import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchPage, skimUserAgent, type FetchOptions } from '../../../src/core/fetch/index.js';
import { allowLoopbackForTests } from '../../../src/core/fetch/address.js';
import { digestSource } from '../../../src/core/pipeline.js';
import { loopbackOnlyPerTest } from '../../helpers/loopbackOnlyNetwork.js';
import { startPageServer, type PageServer, type Route } from '../../helpers/pageServer.js';
import { png } from '../decode/binarySamples.js';

const pdf = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pdf', 'two-columns.pdf'));
const LOCAL: FetchOptions = { timeoutMs: 3_000, maxBytes: 1024 * 1024, userAgent: skimUserAgent('https://example.org/op'), policy: allowLoopbackForTests() };

const servers = loopbackOnlyPerTest().servers;

async function serve(routes: Record<string, Route>): Promise<PageServer> {
  const server = await startPageServer(routes);
  servers.push(server);
  return server;
}

describe('fetchPage with PDFs', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['application/x-pdf', 'application/x-pdf'],
    ['a bare file (application/octet-stream)', 'application/octet-stream'],
    ['HTML by mistake', 'text/html; charset=utf-8'],
  ])('reads a PDF served as %s as a PDF', async (_name, type) => {
    const server = await serve({ '/doc': { headers: { 'content-type': type }, body: pdf } });
    const page = await fetchPage(server.url('/doc'), LOCAL);
    expect(page.contentType).toBe('application/pdf');
    expect(Buffer.from(page.body).equals(pdf)).toBe(true);
  });

  it('refuses a PDF over the byte cap before downloading it', async () => {
    const server = await serve({ '/big.pdf': { headers: { 'content-type': 'application/pdf', 'content-length': String(2 * 1024 * 1024) }, body: '' } });
    await expect(fetchPage(server.url('/big.pdf'), LOCAL)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses an image served as HTML, naming what it looks like', async () => {
    const server = await serve({ '/page': { headers: { 'content-type': 'text/html' }, body: png() } });
    await expect(fetchPage(server.url('/page'), LOCAL)).rejects.toMatchObject({
      code: 'NOT_HTML',
      message: "That link isn't an article (it looks like a PNG image).",
    });
  });

  it('refuses text served as a bare file', async () => {
    const server = await serve({ '/notes': { headers: { 'content-type': 'application/octet-stream' }, body: 'plain words' } });
    await expect(fetchPage(server.url('/notes'), LOCAL)).rejects.toMatchObject({ code: 'NOT_HTML', message: "That link isn't an article (application/octet-stream)." });
  });
});

describe('digestSource with a PDF link', () => {
  it('summarizes the PDF under its title, with the link as its URL', async () => {
    const server = await serve({ '/survey.pdf': { headers: { 'content-type': 'application/pdf' }, body: pdf } });
    const url = server.url('/survey.pdf');
    const { digest } = await digestSource({ url }, { fetchPage: (u) => fetchPage(u, LOCAL) });
    expect(digest.article.title).toBe('Harbour Survey Finds Rising Water Temperatures');
    expect(digest.article.url).toBe(url);
    expect(digest.article.blocks.length).toBe(5);
  });
});
