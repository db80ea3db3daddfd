import { describe, expect, it } from 'vitest';
import { dropLinkBlocks, inLink, linkAreas, MAX_LINK_AREAS } from '../../../../src/core/extract/pdf/links.js';
import type { Block } from '../../../../src/core/types.js';
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

describe('linkAreas', () => {
  it('maps the rectangles of link annotations to the page as read (y down), leaving other annotations out', () => {
    // The viewport of a 792-point-high page at scale 1: y flips.
    const flip = [1, 0, 0, -1, 0, 792];
    const areas = linkAreas(
      [
        { subtype: 'Link', rect: [60, 700, 160, 712] },
        { subtype: 'Widget', rect: [0, 0, 10, 10] },
        { subtype: 'Link', rect: [1, 2, 3] },
        { subtype: 'Link', rect: [Number.NaN, 0, 1, 1] },
      ],
      flip,
    );
    expect(areas).toEqual([{ left: 60, right: 160, top: 80, bottom: 92 }]);
  });

  it('marks no link on a page with more links than a page of text has, so a hostile PDF costs no runs × links', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => ({ subtype: 'Link', rect: [0, i, 10, i + 1] }));
    expect(linkAreas(links(MAX_LINK_AREAS), [1, 0, 0, 1, 0, 0])).toHaveLength(MAX_LINK_AREAS);
    expect(linkAreas(links(MAX_LINK_AREAS + 1), [1, 0, 0, 1, 0, 0])).toEqual([]);
  });
});

describe('inLink', () => {
  const area = { left: 60, right: 160, top: 80, bottom: 92 };

  it('places a run in a link when the middle of its text lies in the link', () => {
    expect(inLink({ x: 62, y: 90, width: 90, size: 10 }, [area])).toBe(true);
  });

  it('leaves out a run that only touches a link, as a line with a linked word inside it', () => {
    expect(inLink({ x: 20, y: 90, width: 300, size: 10 }, [area])).toBe(false);
    expect(inLink({ x: 62, y: 110, width: 90, size: 10 }, [area])).toBe(false);
  });
});

describe('dropLinkBlocks', () => {
  const line = (text: string, link = false) => ({ text, link });

  it('drops the blocks that were all link text, matching text as the cleaner normalises it', () => {
    const blocks = [paragraph('The survey found warmer water.'), paragraph('Read more: ferries'), paragraph('Harbour news')];
    const lines = [line('The survey found warmer water.'), line('Read more:\u00a0ferries', true), line('Harbour  news', true)];
    expect(dropLinkBlocks(blocks, lines).map((b) => b.text)).toEqual(['The survey found warmer water.']);
  });

  it('keeps a block whose words also stand on the page as text of their own, not a link', () => {
    const blocks = [paragraph('Harbour survey'), paragraph('The survey found warmer water.')];
    const lines = [line('Harbour survey', true), line('Home', true), line('Harbour survey'), line('The survey found warmer water.')];
    expect(dropLinkBlocks(blocks, lines)).toEqual(blocks);
  });

  it('leaves the article whole when every block was link text, and when nothing was a link', () => {
    const blocks = [paragraph('Harbour news')];
    expect(dropLinkBlocks(blocks, [line('Harbour news', true)])).toEqual(blocks);
    expect(dropLinkBlocks(blocks, [line('Harbour news')])).toEqual(blocks);
  });
});
