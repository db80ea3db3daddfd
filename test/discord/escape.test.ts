import { describe, expect, it } from 'vitest';
import { escapeText, plainText } from '../../src/discord/escape.js';

describe('escapeText', () => {
  it('escapes markdown so it shows as typed', () => {
    expect(escapeText('**bold** _it_ __u__ ~~s~~ ||sp|| `c`')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`');
  });

  it('stops user, role, channel, command and emoji tags from rendering', () => {
    const out = escapeText('<@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678> </ping:123456789012345678> <:e:123456789012345678> <t:1700000000:R>');
    expect(out).not.toMatch(/(?<!\\)</);
  });

  it('breaks @everyone and @here', () => {
    expect(escapeText('hi @everyone and @Here')).toBe('hi @\u200beveryone and @\u200bHere');
  });

  it('shows masked links with their target instead of a disguised label', () => {
    expect(escapeText('[Your bank](https://evil.example)')).toBe('\\[Your bank\\](https://evil.example)');
  });

  it('neutralises line-start forms: headings, lists, quotes, subtext', () => {
    expect(escapeText('# Title')).toBe('\\# Title');
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('1. first')).toBe('1\\. first');
    expect(escapeText('> quote')).toBe('\\> quote');
    expect(escapeText('-# small')).toBe('\\-# small');
  });

  it('keeps one sentence on one line', () => {
    expect(escapeText('  a\n\nb\tc  ')).toBe('a b c');
  });
});

describe('plainText', () => {
  it('flattens lines and breaks mass mentions, leaving the rest as is', () => {
    expect(plainText('A *site*\n@everyone')).toBe('A *site* @\u200beveryone');
  });
});
