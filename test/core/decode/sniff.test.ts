import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPdf, sniffBinary } from '../../../src/core/decode/sniff.js';
import { docx, gif, gzip, jpeg, mp3, mp4, noisyBinary, png, wav, zip } from './binarySamples.js';

const pdf = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pdf', 'one-column.pdf'));

describe('sniffBinary', () => {
  it.each([
    ['a PNG image', png()],
    ['a GIF image', gif()],
    ['a JPEG image', jpeg()],
    ['a WAV audio file', wav()],
    ['an MP3 audio file', mp3()],
    ['an MP4 or QuickTime video', mp4()],
    ['a gzip archive', gzip()],
    ['a ZIP archive', zip([['notes.txt', 'plain words']])],
    ['a Word document', docx()],
    ['a binary file', noisyBinary()],
  ])('names %s', (name, bytes) => {
    expect(sniffBinary(bytes)?.name).toBe(name);
  });

  it('finds a PDF by its header, also after a little junk', () => {
    expect(sniffBinary(pdf)?.type).toBe('application/pdf');
    expect(isPdf(Buffer.concat([Buffer.from('\r\n\r\n'), pdf]))).toBe(true);
    expect(isPdf(Buffer.concat([Buffer.from([0x00, 0x01, 0x7f, 0x02]), pdf]))).toBe(true);
  });

  it('reads text that mentions the PDF header as text', () => {
    const article = Buffer.from('Every file starts with the header %PDF-1.7, then objects. '.repeat(10));
    expect(isPdf(article)).toBe(false);
    expect(sniffBinary(article)).toBeUndefined();
  });

  it('finds binary content that has no magic number by the NUL bytes and control codes no text holds', () => {
    const bytes = noisyBinary();
    expect(bytes.includes(0)).toBe(false);
    expect(sniffBinary(bytes)?.type).toBe('application/octet-stream');
    expect(sniffBinary(Buffer.from('text\0with a nul'))?.type).toBe('application/octet-stream');
  });

  it.each([
    ['UTF-8', Buffer.from('Les élèves ont étudié « la mer » — et le café.\n'.repeat(20))],
    ['Windows-1252', iconv.encode('Les élèves ont étudié « la mer » — et le café.\n'.repeat(20), 'windows-1252')],
    ['Windows-1251', iconv.encode('Учёные изучили температуру воды в гавани.\n'.repeat(20), 'windows-1251')],
    ['Shift_JIS', iconv.encode('港の水温が五年連続で上昇した。\n'.repeat(20), 'shift_jis')],
    // ISO-2022-JP switches character sets with escape codes: "港の水温" between ESC $ B and ESC ( B.
    ['ISO-2022-JP (escape codes)', Buffer.from('\x1b$B9A$N?e29\x1b(B rose.\n'.repeat(20), 'latin1')],
    ['UTF-16 with a byte order mark', iconv.encode('\ufeffHarbour survey\n'.repeat(20), 'utf-16le')],
    ['words that start like magic numbers', Buffer.from('BMW and ID3 tags, OggS, MZ: a list of names.\n')],
    ['nothing', Buffer.alloc(0)],
  ])('lets %s text through', (_name, bytes) => {
    expect(sniffBinary(bytes)).toBeUndefined();
  });
});
