import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentSource, cdnFetcher, isReadableAttachment } from '../../src/discord/attachments.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(status: number, body: string): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.txt`;
}

describe('isReadableAttachment', () => {
  it('accepts .txt, .md and .html by name, and text content types (message.txt)', () => {
    expect(isReadableAttachment({ name: 'a.TXT', size: 1, url: '' })).toBe(true);
    expect(isReadableAttachment({ name: 'a.md', size: 1, url: '' })).toBe(true);
    expect(isReadableAttachment({ name: 'page.html', size: 1, url: '' })).toBe(true);
    expect(isReadableAttachment({ name: 'noext', size: 1, url: '', contentType: 'text/plain; charset=utf-8' })).toBe(true);
    expect(isReadableAttachment({ name: 'cat.png', size: 1, url: '', contentType: 'image/png' })).toBe(false);
  });
});

describe('attachmentSource', () => {
  it('reads an HTML file as HTML and a text file as text', async () => {
    const bytes = async () => new TextEncoder().encode('<html><body><p>Hi</p></body></html>');
    expect(await attachmentSource({ name: 'p.html', size: 10, url: 'x' }, bytes)).toHaveProperty('html');
    expect(await attachmentSource({ name: 'p.txt', size: 10, url: 'x' }, async () => new TextEncoder().encode('plain words'))).toEqual({ text: 'plain words' });
  });
});

describe('cdnFetcher', () => {
  it('downloads the bytes', async () => {
    const url = await serve(200, 'hello file');
    expect(Buffer.from(await cdnFetcher(2_000)(url, 1_000)).toString()).toBe('hello file');
  });

  it('refuses more bytes than the cap, and error statuses', async () => {
    const url = await serve(200, 'x'.repeat(5_000));
    await expect(cdnFetcher(2_000)(url, 1_000)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    server!.close();
    const missing = await serve(404, 'gone');
    await expect(cdnFetcher(2_000)(missing, 1_000)).rejects.toMatchObject({ code: 'HTTP_STATUS' });
  });
});
