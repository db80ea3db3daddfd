import { describe, expect, it } from 'vitest';
import { dropFixedRuns } from '../../../../src/core/extract/pdf/fixed.js';
import { dropFurniture } from '../../../../src/core/extract/pdf/furniture.js';
import { pageLines } from '../../../../src/core/extract/pdf/lines.js';
import { readingOrder } from '../../../../src/core/extract/pdf/order.js';
import { joinLines, rebuildParagraphs } from '../../../../src/core/extract/pdf/paragraphs.js';
import type { PdfItem, PdfLine, PdfPage } from '../../../../src/core/extract/pdf/types.js';

/** A run of 10-point text about 5 points a character wide. */
const run = (text: string, x: number, y: number, size = 10): PdfItem => ({ text, x, y, size, width: text.length * size * 0.5 });
const line = (text: string, x: number, y: number, page = 1, size = 10): PdfLine => ({ text, x, right: x + text.length * size * 0.5, y, size, page });
const texts = (lines: PdfLine[]) => lines.map((l) => l.text);

describe('pageLines', () => {
  it('keeps two columns that share baselines as two lines', () => {
    const lines = pageLines([run('right column', 320, 100), run('left column', 60, 100)], 1);
    expect(texts(lines)).toEqual(['left column', 'right column']);
  });

  it('joins the runs of one line with the spaces their gaps stand for, a footnote mark kept on its line', () => {
    const lines = pageLines([run('Tides', 60, 100), run('rise', 92, 100), run('2', 112, 96.5, 6), run('daily.', 120, 100)], 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toBe('Tides rise2 daily.');
    expect(lines[0]!.size).toBe(10);
  });

  it('marks a line as link text only when every run of it lies in a link', () => {
    const linked = (text: string, x: number, link: boolean): PdfItem => ({ ...run(text, x, 100), link });
    expect(pageLines([linked('Read more:', 60, true), linked('ferries', 112, true)], 1)[0]!.link).toBe(true);
    expect(pageLines([linked('Researchers from the', 60, false), linked('Coastal Institute', 162, true)], 1)[0]!.link).toBeUndefined();
  });
});

describe('readingOrder', () => {
  const column = (prefix: string, x: number, top: number, count: number) =>
    Array.from({ length: count }, (_, i) => line(`${prefix}${i} words words words words`, x, top + i * 12));

  it('reads two columns column by column', () => {
    const lines = [...column('a', 60, 100, 5), ...column('b', 320, 100, 5)].sort((p, q) => p.y - q.y || p.x - q.x);
    const order = readingOrder(lines).flatMap((b) => b.lines.map((l) => l.text.slice(0, 2)));
    expect(order).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('reads a full-width line between two rows of columns after the first row and before the second', () => {
    const wide = line('a heading that runs across both of the columns of the page, gutter and all', 60, 200);
    const lines = [...column('a', 60, 100, 3), ...column('b', 320, 100, 3), wide, ...column('c', 60, 230, 3), ...column('d', 320, 230, 3)].sort(
      (p, q) => p.y - q.y || p.x - q.x,
    );
    const order = readingOrder(lines).flatMap((b) => b.lines.map((l) => l.text.slice(0, 2)));
    expect(order).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'a ', 'c0', 'c1', 'c2', 'd0', 'd1', 'd2']);
  });
});

describe('rebuildParagraphs', () => {
  const block = (lines: PdfLine[]) => ({ lines, left: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.right)), top: lines[0]!.y - 10, bottom: lines[lines.length - 1]!.y });

  it('starts a paragraph at an indented line, and keeps a line break where a line stopped short of the margin', () => {
    const lines = [
      line('The first paragraph runs on across', 60, 100),
      line('two lines and ends here.', 60, 112),
      line('A second paragraph starts here', 80, 124),
      line('and it goes on over this whole line', 60, 136),
      line('to an end.', 60, 148),
      line('A third one, not indented at all.', 60, 160),
    ];
    expect(rebuildParagraphs([block(lines)])).toEqual([
      'The first paragraph runs on across two lines and ends here.',
      'A second paragraph starts here and it goes on over this whole line to an end.\nA third one, not indented at all.',
    ]);
  });

  it('starts a paragraph at a block below a gap in the same column, even after a line without a full stop', () => {
    const heading = block([line('Water temperatures', 60, 100)]);
    const body = block([line('Researchers measured the water at forty stations.', 60, 130)]);
    expect(rebuildParagraphs([heading, body])).toEqual(['Water temperatures', 'Researchers measured the water at forty stations.']);
  });

  it('keeps a block right below at the line pitch, with no gap, as a line of its own, not a paragraph', () => {
    const heading = block([line('Water temperatures', 60, 100)]);
    const body = block([line('Researchers measured the water at forty stations.', 60, 112)]);
    expect(rebuildParagraphs([heading, body])).toEqual(['Water temperatures\nResearchers measured the water at forty stations.']);
  });

  it('keeps a line in another size right below, with no gap, as a line of its own (a standfirst under a headline)', () => {
    const headline = block([line('Tides rise at the harbour', 60, 100, 1, 16)]);
    const standfirst = block([line('The sea came up the quay twice this week.', 60, 112, 1, 8)]);
    expect(rebuildParagraphs([headline, standfirst])).toEqual(['Tides rise at the harbour\nThe sea came up the quay twice this week.']);
  });

  it('parts short lines set apart by gaps with line breaks only, as a browser copies a menu or a teaser list', () => {
    const items = ['Home', 'World news', 'Sport', 'Contact us'].map((text, i) => block([line(text, 60, 100 + i * 30)]));
    expect(rebuildParagraphs(items)).toEqual(['Home\nWorld news\nSport\nContact us']);
  });

  it('parts prose wrapped over lines from its neighbours with a paragraph break', () => {
    const heading = block([line('Water temperatures', 60, 100)]);
    const body = block([line('Researchers measured the water at', 60, 130), line('forty stations along the coast.', 60, 142)]);
    body.right = 60 + 34 * 5;
    expect(rebuildParagraphs([heading, body])).toEqual(['Water temperatures', 'Researchers measured the water at forty stations along the coast.']);
  });

  it('does not join a short line alone at the bottom of a page to a capitalised line on the next page', () => {
    const last = block([line('32M ago', 60, 700)]);
    const next = block([line('Officials dismiss the claim and say the cause is under study', 60, 100, 2)]);
    expect(rebuildParagraphs([last, next])).toEqual(['32M ago\nOfficials dismiss the claim and say the cause is under study']);
  });

  it('joins a sentence that runs on into the next block (a column or page break)', () => {
    const first = block([line('The sentence goes on past the bottom of the', 60, 700)]);
    const next = block([line('column and ends in the next one.', 320, 100, 2)]);
    expect(rebuildParagraphs([first, next])).toEqual(['The sentence goes on past the bottom of the column and ends in the next one.']);
  });
});

describe('joinLines', () => {
  it('takes out a line-end hyphen unless the text spells the compound with it elsewhere', () => {
    expect(joinLines('an extra-', 'ordinary day', new Set())).toBe('an extraordinary day');
    expect(joinLines('a well-', 'known fact', new Set(['well-known']))).toBe('a well-known fact');
  });

  it('joins Korean lines with a space: Korean wraps at its spaces', () => {
    expect(joinLines('서울시는 새로운', '정책을 발표했다', new Set())).toBe('서울시는 새로운 정책을 발표했다');
  });

  it('joins after a soft hyphen, and Chinese, Japanese and Thai lines without a space', () => {
    expect(joinLines('inter\u00ad', 'national', new Set())).toBe('international');
    expect(joinLines('東京都の', '調査', new Set())).toBe('東京都の調査');
    expect(joinLines('รัฐบาลประกาศ', 'มาตรการใหม่', new Set())).toBe('รัฐบาลประกาศมาตรการใหม่');
    expect(joinLines('the end', 'of it', new Set())).toBe('the end of it');
  });
});

describe('dropFurniture', () => {
  const page: PdfPage = { width: 612, height: 792, items: [] };

  it('drops a page number alone in the bottom margin, even on a single page', () => {
    const lines = [[line('Body text of the page.', 60, 400), line('7', 300, 760)]];
    expect(dropFurniture([page], lines).map(texts)).toEqual([['Body text of the page.']]);
  });

  it('drops a margin line repeated on many pages, digits aside, and keeps one that is not', () => {
    const lines = [1, 2, 3].map((n) => [line(`Annual Survey ${2020 + n}`, 60, 30, n), line(`Body ${n}.`, 60, 400, n), line(`Only on page ${n} margin words`, 60, 770, n)]);
    lines[2]![2] = line('A closing remark in the margin', 60, 770, 3);
    const kept = dropFurniture([page, page, page], lines).map(texts);
    expect(kept[0]).toEqual(['Body 1.']);
    expect(kept[2]).toEqual(['Body 3.', 'A closing remark in the margin']);
  });
});

describe('dropFixedRuns', () => {
  const page = (items: PdfItem[]): PdfPage => ({ width: 600, height: 800, items });
  const banner = () => run('We use cookies to improve your experience.', 60, 400);

  it('drops a run printed at the same spot on every page (a fixed banner over the text), and keeps the rest', () => {
    const pages = [0, 1, 2, 3].map((n) => page([run(`Paragraph ${n} of the story goes here.`, 60, 400), banner()]));
    expect(dropFixedRuns(pages).map((items) => items.map((i) => i.text))).toEqual([0, 1, 2, 3].map((n) => [`Paragraph ${n} of the story goes here.`]));
  });

  it('keeps the same text at other spots, and a run repeated on too few pages', () => {
    const moved = [0, 1, 2, 3].map((n) => page([run('Read more', 60, 100 + n * 50)]));
    expect(dropFixedRuns(moved).flat()).toHaveLength(4);
    const twoPages = [page([banner()]), page([banner()])];
    expect(dropFixedRuns(twoPages).flat()).toHaveLength(2);
  });
});
