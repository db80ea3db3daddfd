import { describe, expect, it } from 'vitest';
import { isUnspaced, unspacedLength } from '../../../src/core/text/scripts.js';

describe('isUnspaced', () => {
  it('finds Chinese, Japanese, Thai, Lao, Khmer and Myanmar text', () => {
    for (const text of ['中文', 'ひらがな', 'カタカナ', 'ภาษาไทย', 'ພາສາລາວ', 'ភាសាខ្មែរ', 'မြန်မာ', 'an iPhone手机']) {
      expect(isUnspaced(text), text).toBe(true);
    }
  });

  it('leaves out scripts written with spaces, Korean among them', () => {
    for (const text of ['plain English', 'Ελληνικά', 'русский', '한국어 문장', 'العربية', '2024-01-05']) {
      expect(isUnspaced(text), text).toBe(false);
    }
  });
});

describe('unspacedLength', () => {
  it('counts only the characters of unspaced scripts, by code point', () => {
    expect(unspacedLength('華為Mate60手機')).toBe(4);
    expect(unspacedLength('今天，很好。')).toBe(4);
    // A Han character outside the BMP is one character, not two UTF-16 units.
    expect(unspacedLength('𠮷野家')).toBe(3);
    expect(unspacedLength('no such text')).toBe(0);
  });

  it("counts Katakana's long vowel mark as a letter of its word", () => {
    expect(unspacedLength('タワー')).toBe(3);
  });
});
