import { describe, expect, it } from 'vitest';
import { terminalWidth, wrapText, wrapUnits } from '../../src/cli/wrap.js';

const sentence =
  'Harbor City switched on its first tidal power station on Friday, becoming the largest city on the east coast to draw electricity from the daily rise and fall of the sea.';

describe('wrapText', () => {
  it('keeps every line within the width, later lines hanging under the text', () => {
    const out = wrapText('• ', sentence, 40);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^• Harbor/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(out.replace(/\n +/g, ' ').slice(2)).toBe(sentence);
  });

  it('leaves the text on one line without a width', () => {
    expect(wrapText('• ', sentence)).toBe(`• ${sentence}`);
  });

  it('gives a word longer than a line a line of its own, unbroken', () => {
    const url = `https://example.com/${'a'.repeat(60)}`;
    const lines = wrapText('', `see ${url} for more`, 30).split('\n');
    expect(lines).toEqual(['see', url, 'for more']);
  });

  it('keeps room for some text on a very narrow terminal rather than a word a line', () => {
    const lines = wrapText('Organizations: ', 'one two three four five six', 16).split('\n');
    expect(lines[0]).toBe('Organizations: one two three four');
  });
});

describe('wrapUnits', () => {
  it('never breaks inside a unit', () => {
    const out = wrapUnits('People: ', ['Daniel Reyes,', 'Linda Chu,', 'Helen Park,', 'and 4 more'], 30);
    expect(out.split('\n')).toEqual(['People: Daniel Reyes,', '        Linda Chu, Helen Park,', '        and 4 more']);
  });
});

describe('terminalWidth', () => {
  it("is the terminal's columns on a TTY and none for a pipe or file", () => {
    expect(terminalWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(terminalWidth({ isTTY: false, columns: 100 })).toBeUndefined();
    expect(terminalWidth({})).toBeUndefined();
    expect(terminalWidth({ isTTY: true, columns: 0 })).toBeUndefined();
  });
});
