import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { blocksFrom } from '../../../../src/core/extract/html/blocks.js';
import { pruneBoilerplate, type PruneContext } from '../../../../src/core/extract/html/prune.js';

/** A paragraph of article prose, long enough (28 words) to count as prose for the link-list rule. */
const PROSE =
  'The council voted on Tuesday to rebuild the old harbour wall, which storms had breached twice in the past decade, and to pay for it from the port fees.';
const MORE_PROSE =
  'Fishermen who moor inside the wall said the repairs were overdue and asked the council to finish the work before the autumn storms return to the coast.';

/** The blocks the pruning pass keeps of a minimal page, given as the body Readability would return. */
function kept(body: string, context: PruneContext = {}): string[] {
  const dom = new JSDOM(`<!doctype html><body><div id="readability-page-1" class="page">${body}</div></body>`);
  try {
    const root = dom.window.document.getElementById('readability-page-1')!;
    return pruneBoilerplate(blocksFrom(root), context).map((b) => b.text);
  } finally {
    dom.window.close();
  }
}

const links = (...titles: string[]): string => titles.map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('');

describe('pruneBoilerplate', () => {
  it('drops text inside figures, asides and navigation', () => {
    expect(kept(`<p>${PROSE}</p><figure><p>A crowd gathers by the harbour wall at dawn.</p></figure>`)).toEqual([PROSE]);
    expect(kept(`<p>${PROSE}</p><aside><p>Fishing quotas were cut last spring as well.</p></aside>`)).toEqual([PROSE]);
  });

  it('drops text in containers whose class names page furniture, but not the article body', () => {
    expect(kept(`<p>${PROSE}</p><div class="share-tools"><p>Send this to someone who cares about harbours</p></div>`)).toEqual([PROSE]);
    expect(kept(`<div class="entry-content-read-more"><p>${PROSE}</p></div>`)).toEqual([PROSE]);
  });

  it('drops the title and the byline repeated in the body', () => {
    const context = { title: 'Harbour wall to be rebuilt', byline: 'Jane Smith' };
    expect(kept(`<h1>Harbour Wall to Be Rebuilt</h1><p>Jane Smith</p><p>${PROSE}</p>`, context)).toEqual([PROSE]);
  });

  it('drops short calls to action and page chrome, but not a long paragraph that holds one', () => {
    expect(kept(`<p>Advertisement</p><p>${PROSE}</p><p>Read more: Port fees rise again</p>`)).toEqual([PROSE]);
    const long = `${PROSE} To see the plans, click here or visit the town hall.`;
    expect(kept(`<p>${long}</p>`)).toEqual([long]);
  });

  it('drops photo credits', () => {
    expect(kept(`<p>${PROSE}</p><p>Photo: Jane Smith/Harbour Times</p>`)).toEqual([PROSE]);
  });

  it('drops a line that is only a date and time', () => {
    expect(kept(`<p>Updated 14 March 2024, 09:30 GMT</p><p>${PROSE}</p>`)).toEqual([PROSE]);
  });

  it('drops a "By" line that is not a sentence', () => {
    expect(kept(`<p>By Jane Smith and Tom Lee</p><p>${PROSE}</p>`)).toEqual([PROSE]);
    expect(kept(`<p>By Tuesday the wall had gone.</p><p>${PROSE}</p>`)).toEqual(['By Tuesday the wall had gone.', PROSE]);
  });

  it('drops bare links, numbers and counters', () => {
    expect(kept(`<p>${PROSE}</p><p>https://harbour.example/plans</p><p>42</p><p>3 of 12</p>`)).toEqual([PROSE]);
  });

  it('drops a short paragraph that is mostly links, but not a long one', () => {
    expect(kept(`<p>${PROSE}</p><p><a href="/a">Harbour fees</a> and <a href="/b">port plans</a></p>`)).toEqual([PROSE]);
    const [vote, storms, fees] = PROSE.split(', ');
    const linked = `<p><a href="/v">${vote}</a>, <a href="/s">${storms}</a>, ${fees}</p>`;
    expect(kept(linked)).toEqual([PROSE]);
  });

  it('counts Chinese, Japanese and Thai words as the rest of Skim does: a dated sentence is no dateline', () => {
    const dated = [
      '2024-03-14 市议会投票决定重建旧港口的防波堤，费用由港口费支付。',
      '2024-03-14 市議会は古い港の防波堤を再建することを決めた。',
      '2024-03-14 สภาเมืองลงมติให้สร้างกำแพงท่าเรือเก่าขึ้นใหม่',
    ];
    for (const text of dated) expect(kept(`<p>${text}</p><p>${PROSE}</p>`)).toEqual([text, PROSE]);
  });

  it('counts Chinese words as the rest of Skim does: a long paragraph that is mostly links stays', () => {
    const linked =
      '<a href="/v">市议会周二投票决定重建旧港口的防波堤</a>，<a href="/s">过去十年里风暴两次冲垮了这道墙</a>，' +
      '<a href="/f">修缮费用将由港口费支付</a>。渔民说修缮早该进行了。';
    expect(kept(`<p>${linked}</p>`)).toEqual([linked.replace(/<[^>]+>/g, '')]);
  });

  it('drops runs of link list items before or after the prose, keeping lists of plain items', () => {
    const related = `<ul>${links('Port fees rise again', 'Storm closes the ferry', 'Lifeboat crew honoured')}</ul>`;
    expect(kept(`${related}<p>${PROSE}</p>${related}`)).toEqual([PROSE]);
    const plain = '<ul><li>Stone from the old quarry</li><li>Steel piles</li><li>A new lighthouse</li></ul>';
    expect(kept(`<p>${PROSE}</p>${plain}`)).toEqual([PROSE, 'Stone from the old quarry', 'Steel piles', 'A new lighthouse']);
  });

  it('drops a link list within the prose only under a heading dropped as chrome', () => {
    const list = `<ul>${links('Port fees rise again', 'Storm closes the ferry', 'Lifeboat crew honoured')}</ul>`;
    expect(kept(`<p>${PROSE}</p><h2>Related stories</h2>${list}<p>${MORE_PROSE}</p>`)).toEqual([PROSE, MORE_PROSE]);
    expect(kept(`<p>${PROSE}</p><h2>Earlier coverage</h2>${list}<p>${MORE_PROSE}</p>`)).toEqual([
      PROSE,
      'Earlier coverage',
      'Port fees rise again',
      'Storm closes the ferry',
      'Lifeboat crew honoured',
      MORE_PROSE,
    ]);
  });

  it('drops headings left with nothing after them', () => {
    expect(kept(`<p>${PROSE}</p><h2>Harbour history</h2><h3>Timeline</h3>`)).toEqual([PROSE]);
  });
});
