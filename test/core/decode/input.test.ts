import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../../../src/core/decode/input.js';
import { digestSource, keyOf } from '../../../src/core/pipeline.js';
import { docx, mp4, noisyBinary, png, wav } from './binarySamples.js';

const pdf = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pdf', 'one-column.pdf'));
const origin = (extension: string) => ({ extension, url: `file:///tmp/input${extension}`, what: 'That file' });

describe('sourceFromBytes', () => {
  it('makes a PDF source of PDF bytes, whatever the file is named', () => {
    for (const extension of ['.pdf', '.txt', '']) {
      const source = sourceFromBytes(pdf, origin(extension));
      expect(source).toEqual({ pdf, url: `file:///tmp/input${extension}` });
    }
  });

  it.each([
    ['a PNG image', png(), '.txt'],
    ['a WAV audio file', wav(), ''],
    ['an MP4 or QuickTime video', mp4(), '.md'],
    ['a Word document', docx(), '.html'],
    ['a binary file', noisyBinary(), '.txt'],
  ])('refuses %s with a line naming what it looks like', (name, bytes, extension) => {
    expect(() => sourceFromBytes(bytes, origin(extension))).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: `That file looks like ${name}, not text; Skim reads web pages, text, HTML and PDF.` }),
    );
  });

  it('refuses text named .pdf, and still reads text and HTML', () => {
    expect(() => sourceFromBytes(Buffer.from('just some words'), origin('.pdf'))).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: "That file is named .pdf but isn't a PDF." }));
    expect(sourceFromBytes(Buffer.from('just some words'), origin('.txt'))).toEqual({ text: 'just some words' });
    expect(sourceFromBytes(Buffer.from('<p>Hi</p>'), origin('.html'))).toEqual({ html: '<p>Hi</p>' });
  });
});

describe('digestSource with a PDF', () => {
  const deps = { fetchPage: () => Promise.reject(new Error('no fetching here')) };

  it('keys a PDF by its bytes, not by where it came from', () => {
    expect(keyOf({ pdf, url: 'file:///a.pdf' })).toBe(keyOf({ pdf, url: 'https://cdn.example/b.pdf' }));
    expect(keyOf({ pdf, url: 'file:///a.pdf' })).toMatch(/^pdf:[0-9a-f]{64}$/);
  });

  it('digests a PDF file without showing its local address as the article URL', async () => {
    const { digest } = await digestSource({ pdf, url: 'file:///home/me/survey.pdf' }, deps);
    expect(digest.article.title).toBe('Harbour Survey Finds Rising Water Temperatures');
    expect(digest.article.url).toBeUndefined();
    expect(digest.ranking.length).toBeGreaterThan(0);
    expect(digest.entities.map((e) => e.name)).toContain('Miriam Okafor');
  });
});
