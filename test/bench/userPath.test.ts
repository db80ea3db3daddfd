import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asIs, digestText, hardWrapped, oneLine, TEXT_FORMS, titledCrlf } from '../../bench/lib/userPath.js';


const TEXT = 'First paragraph has  several words.\nIt goes on here.\n\nSecond\tparagraph.';

describe('text forms a user pastes', () => {
  it('keeps the text exactly as the file has it', () => {
    expect(asIs(TEXT)).toBe(TEXT);
  });

  it('puts the text on one line, every whitespace run one space', () => {
    expect(oneLine(TEXT)).toBe('First paragraph has several words. It goes on here. Second paragraph.');
    expect(oneLine('  a\r\n\r\nb  ')).toBe('a b');
  });

  it('wraps each line greedily at the width without adding blank lines', () => {
    const words = 'aaaa bbbb cccc dddd eeee';
    expect(hardWrapped(words, 9)).toBe('aaaa bbbb\ncccc dddd\neeee');
    expect(hardWrapped(words, 10)).toBe('aaaa bbbb\ncccc dddd\neeee');
    expect(hardWrapped(words, 14)).toBe('aaaa bbbb cccc\ndddd eeee');
  });

  it('keeps the text\'s own line breaks and blank lines when wrapping', () => {
    expect(hardWrapped(TEXT, 20)).toBe('First paragraph has\nseveral words.\nIt goes on here.\n\nSecond paragraph.');
  });

  it('puts a word longer than the width on a line of its own', () => {
    expect(hardWrapped('a supercalifragilistic b', 5)).toBe('a\nsupercalifragilistic\nb');
  });

  it('never makes a line longer than 72 columns when no word is', () => {
    const long = Array.from({ length: 300 }, (_, i) => 'word'.repeat(1 + (i % 4))).join(' ');
    const lines = hardWrapped(long).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
    expect(oneLine(hardWrapped(long))).toBe(long);
  });

  it('puts the first words as a title line, a blank line, then the text, every line ending in CRLF', () => {
    const text = 'One two three four five six seven eight nine ten.\nNext line.';
    expect(titledCrlf(text)).toBe(
      'One two three four five six seven eight\r\n\r\nOne two three four five six seven eight nine ten.\r\nNext line.',
    );
    expect(titledCrlf('Short text.\r\nMore.')).toBe('Short text. More.\r\n\r\nShort text.\r\nMore.');
    expect(titledCrlf(text).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('lists the file form first, then one line, wrapped and titled CRLF', () => {
    expect(TEXT_FORMS.map((f) => f.name)).toEqual(['as in the file', 'one line', 'wrapped at 72', 'title + CRLF']);
    expect(TEXT_FORMS.map((f) => f.make('a  b'))).toEqual(['a  b', 'a b', 'a b', 'a b\r\n\r\na  b']);
  });
});

describe('digestText', () => {
  it('returns the digest of a pasted article', async () => {
    const text = readFileSync(new URL('../fixtures/qa-article.txt', import.meta.url), 'utf8');
    const result = await digestText(text);
    expect(result.refusal).toBeUndefined();
    expect(result.digest?.sentences.length).toBeGreaterThan(3);
  });

  it('returns the refusal code a user would see instead of throwing', async () => {
    const result = await digestText('ok');
    expect(result.digest).toBeUndefined();
    expect(result.refusal).toBe('NOT_AN_ARTICLE');
  });
});
