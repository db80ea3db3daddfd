import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestRaw } from '../../src/core/digest.js';
import { SkimError } from '../../src/core/errors.js';
import { selectSummary } from '../../src/core/selectSummary.js';

/** Per input: the worker's time budget (DIGEST_WORKER_LIMITS.jobTimeoutMs); a page over it would fail as TIMEOUT in the bot. */
const BUDGET_MS = 20_000;

/** No lone surrogate anywhere (String.prototype.isWellFormed, which the ES2023 typings lack). */
const isWellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const prose =
  'The council met on Tuesday to discuss the new bridge. Engineers said the old one was no longer safe for trucks. ' +
  'Residents asked how long the work would take and who would pay for it.';

/** Runs the whole CPU-bound step: a result or a typed error, nothing else, within the budget. */
function survives(raw: Parameters<typeof digestRaw>[0]): void {
  const start = performance.now();
  try {
    const digest = digestRaw(raw, 'fuzz');
    const summary = selectSummary(digest, 5);
    expect(summary.join(' ').length).toBeLessThanOrEqual(4096);
    expect(new Set(summary).size).toBe(summary.length);
    JSON.stringify(digest);
  } catch (error) {
    if (!(error instanceof SkimError)) throw error;
  }
  expect(performance.now() - start).toBeLessThan(BUDGET_MS);
}

const nasty = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.constantFrom('', ' ', '\n\n\n', '....!!!???', '\u0000\u0001\u0002', '\u202e\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629', 'e\u0301'.repeat(300), '@everyone <@&1> [x](http://y)'),
  fc.array(fc.constantFrom('<div>', '</div>', '<p>', '<b>', '&amp;', '&#x1F600;', '<!--', '-->', '<script>', '</script>', '<table><td>', '<svg>', '<![CDATA[', prose, 'Mr.', 'U.S.', '$1.5bn', '\n'), { maxLength: 300 }).map((parts) => parts.join('')),
);

/** Mutations that stress parsers: deep nesting, entity floods, unclosed tags, huge lines. */
const hostilePages = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((depth) => `${'<div>'.repeat(depth)}<p>${prose}</p>${'</div>'.repeat(depth)}`),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `<p>${'&amp;'.repeat(n)}</p><p>${prose}</p>`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `<p>${'<b>'.repeat(n)}${prose}`),
  fc.integer({ min: 1, max: 300_000 }).map((n) => `<p>${'word '.repeat(n / 5)}${'x'.repeat(n)}</p>`),
  nasty.map((junk) => `<html><head><title>${junk}</title><style>${junk}</style></head><body><article><p>${prose}</p><p>${junk}</p><p>${prose}</p></article></body></html>`),
);

describe('hostile input', () => {
  it('gives every generated text a result or a typed error', () => {
    fc.assert(fc.property(nasty, (text) => survives({ kind: 'text', text })), { numRuns: 60 });
  });

  it('gives every generated or mutated page a result or a typed error', { timeout: 120_000 }, () => {
    fc.assert(fc.property(nasty, (html) => survives({ kind: 'html', html })), { numRuns: 40 });
    fc.assert(fc.property(hostilePages, (html) => survives({ kind: 'html', html })), { numRuns: 15 });
  });

  it('reads arbitrary bytes as a page or as text without crashing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom('text/html', 'text/plain'), (bytes, contentType) =>
        survives({ kind: 'bytes', bytes, contentType }),
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a page with a million elements as too large, quickly', () => {
    const start = performance.now();
    expect(() => digestRaw({ kind: 'html', html: '<i>x</i>'.repeat(1_000_000) }, 'k')).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  });

  it('reads lone UTF-16 surrogates as U+FFFD, in a page and in a paste, instead of failing to parse', () => {
    const page = `<p>Hello \udfff\udfff world</p><p>${prose}</p><p>Lone \ud800 high surrogate. ${prose}</p>`;
    for (const raw of [{ kind: 'html' as const, html: page }, { kind: 'text' as const, text: page }]) {
      const digest = digestRaw(raw, 'k');
      const text = [...digest.sentences.map((s) => s.text), ...digest.article.blocks.map((b) => b.text)].join(' ');
      expect(text).toContain('high surrogate');
      expect(isWellFormed(text)).toBe(true);
    }
    const fromPage = digestRaw({ kind: 'html', html: page }, 'k');
    expect(fromPage.sentences.map((s) => s.text)).toContain('Lone \ufffd high surrogate.');
    // A UTF-16 page decodes byte pairs as they come, lone surrogates included.
    const utf16 = (s: string) => Buffer.from(s, 'utf16le');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(`<p>${prose} Odd `), Buffer.from([0x00, 0xd8]), utf16(` pair.</p>`)]);
    const fromBytes = digestRaw({ kind: 'bytes', bytes, contentType: 'text/html' }, 'k');
    expect(fromBytes.sentences.map((s) => s.text)).toContain('Odd \ufffd pair.');
    for (const raw of [{ kind: 'html' as const, html: '<p>Hello \udfff\udfff world</p>' }, { kind: 'text' as const, text: '<p>Hello \udfff\udfff world</p>' }]) {
      expect(() => digestRaw(raw, 'k')).toThrow(expect.objectContaining({ code: 'NOT_AN_ARTICLE' }));
    }
  });

  it('handles a million entities and a single huge line of text', () => {
    survives({ kind: 'html', html: `<p>${'&lt;'.repeat(1_000_000)}</p>` });
    survives({ kind: 'text', text: 'a'.repeat(2_000_000) });
    survives({ kind: 'text', text: `${prose} `.repeat(5000) });
  });
});
