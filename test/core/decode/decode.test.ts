import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, decodeText } from '../../../src/core/decode/decode.js';

const page = (charsetMeta: string, body: string) =>
  `<html><head>${charsetMeta}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeHtml', () => {
  it('reads Windows-1252 from a meta charset', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1252">', 'Café “quoted” – 5 €'), 'windows-1252');
    expect(decodeHtml(bytes)).toContain('Café “quoted” – 5 €');
  });

  it('reads an http-equiv Content-Type declaration', () => {
    const bytes = iconv.encode(
      page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', 'Zażółć gęślą jaźń'),
      'iso-8859-2',
    );
    expect(decodeHtml(bytes)).toContain('Zażółć gęślą jaźń');
  });

  it('reads Shift_JIS and GBK pages', () => {
    const ja = iconv.encode(page('<meta charset="Shift_JIS">', '日本語のテキスト'), 'shift_jis');
    const zh = iconv.encode(page('<meta charset="gb2312">', '中文网页内容'), 'gbk');
    expect(decodeHtml(ja)).toContain('日本語のテキスト');
    expect(decodeHtml(zh)).toContain('中文网页内容');
  });

  it('prefers the HTTP charset over the meta tag', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">', 'Größe'), 'iso-8859-1');
    expect(decodeHtml(bytes, 'ISO-8859-1')).toContain('Größe');
  });

  it('honours a byte-order mark above everything', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="windows-1252">', 'naïve'), 'utf8')]);
    expect(decodeHtml(body, 'windows-1252')).toContain('naïve');
  });

  it('falls back to Windows-1252 for undeclared bytes that are not UTF-8', () => {
    const bytes = iconv.encode(page('', 'déjà vu'), 'windows-1252');
    expect(decodeHtml(bytes)).toContain('déjà vu');
  });

  it('keeps undeclared UTF-8 as UTF-8', () => {
    expect(decodeHtml(Buffer.from(page('', 'Ελληνικά'), 'utf8'))).toContain('Ελληνικά');
  });
});

describe('decodeText', () => {
  it('decodes UTF-16 with a BOM and falls back to Windows-1252', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello wörld', 'utf16le')]);
    expect(decodeText(utf16)).toBe('hello wörld');
    expect(decodeText(iconv.encode('crème brûlée', 'windows-1252'))).toBe('crème brûlée');
  });
});
