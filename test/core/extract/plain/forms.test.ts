import { describe, expect, it } from 'vitest';
import { NotAnArticleError } from '../../../../src/core/errors.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import type { Article } from '../../../../src/core/types.js';
import {
  STORY_DATELINE,
  STORY_PARAGRAPHS,
  STORY_TITLE,
  afterChatRemark,
  headlineDatelineBody,
  markdown,
  noFinalPunctuation,
  oddWhitespace,
  oneLine,
  oneParagraphPerLine,
  wrapped,
} from './pasteForms.js';

const body = (a: Article) => a.blocks.map((b) => b.text).join(' ');
const story = STORY_PARAGRAPHS.join(' ');

describe('cleanText on the shapes people paste', () => {
  it('reads a story pasted as one line', () => {
    expect(cleanText(oneLine()).blocks).toEqual([{ type: 'paragraph', text: story }]);
  });

  it('reads a story pasted one paragraph per line, without blank lines', () => {
    expect(cleanText(oneParagraphPerLine()).blocks.map((b) => b.text)).toEqual(STORY_PARAGRAPHS);
  });

  it.each([60, 72, 80])('joins lines hard-wrapped at %i columns back into the paragraphs', (width) => {
    expect(cleanText(wrapped(width)).blocks.map((b) => b.text)).toEqual(STORY_PARAGRAPHS);
  });

  it('finds paragraph ends in hard-wrapped text with no blank lines, where a short line shows them', () => {
    const blocks = cleanText(wrapped(72).replace(/\n\n/g, '\n')).blocks.map((b) => b.text);
    expect(blocks.join(' ')).toBe(story);
    // A paragraph whose last line is full cannot be told from a wrap; every other end is found.
    const ends = new Set(STORY_PARAGRAPHS.map((p) => p.slice(-20)));
    expect(blocks.every((b) => ends.has(b.slice(-20)))).toBe(true);
    expect(blocks.length).toBeGreaterThanOrEqual(STORY_PARAGRAPHS.length - 1);
  });

  it('takes a headline line as the title and keeps the dateline with the first paragraph', () => {
    const article = cleanText(headlineDatelineBody());
    expect(article.title).toBe(STORY_TITLE);
    expect(article.blocks.map((b) => b.text)).toEqual([
      `${STORY_DATELINE} ${STORY_PARAGRAPHS[0]}`,
      ...STORY_PARAGRAPHS.slice(1),
    ]);
  });

  it('reads Markdown as the words a reader sees: no link targets, emphasis marks or quote markers', () => {
    const article = cleanText(markdown());
    expect(article.title).toBe(STORY_TITLE);
    for (const p of STORY_PARAGRAPHS) expect(body(article)).toContain(p);
    expect(body(article)).not.toMatch(/\*|\]\(|https?:|^>/);
    expect(article.blocks.filter((b) => b.type === 'list-item')).toHaveLength(3);
    expect(article.blocks.find((b) => b.type === 'heading')?.text).toBe('What the plan includes');
  });

  it('drops a chat remark before the paste', () => {
    expect(cleanText(afterChatRemark()).blocks.map((b) => b.text)).toEqual(STORY_PARAGRAPHS);
  });

  it('keeps paragraphs that lack their final punctuation', () => {
    const article = cleanText(noFinalPunctuation());
    expect(article.blocks).toHaveLength(STORY_PARAGRAPHS.length);
    expect(article.blocks[0]!.text).toBe(STORY_PARAGRAPHS[0]!.replace(/\.$/, ''));
  });

  it('reads CRLF line ends, tabs, non-breaking, thin and zero-width spaces and soft hyphens as plain text', () => {
    const article = cleanText(oddWhitespace());
    expect(article.blocks.map((b) => b.text)).toEqual(STORY_PARAGRAPHS);
  });

  it('reads a short remark of thirty-odd words with no capitals and no punctuation', () => {
    const text =
      'the council voted on tuesday to spend fourteen million pounds on new flood walls along the river after a ' +
      'winter in which the water came over the old defences three times and closed the town for nine days';
    expect(body(cleanText(text))).toBe(text);
  });

  it('keeps every paragraph under a title, a byline, a date and a source line pasted without blank lines', () => {
    const text = [STORY_TITLE, 'By Ann Lee', 'March 3, 2026', 'Northern Wire', ...STORY_PARAGRAPHS].join('\n');
    const article = cleanText(text);
    expect(article.title).toBe(STORY_TITLE);
    expect(body(article)).toContain(story);
  });

  it('rejoins a word hyphenated at the end of a wrapped line', () => {
    const text = [
      'The council said that the money for the walls would come from a well-',
      'known government fund for towns that flood again and again, and that',
      'no local taxes would rise to pay for the work on the river banks.',
    ].join('\n');
    expect(body(cleanText(text))).toContain('a well-known government fund');
  });

  it('reads one line of Japanese with no full stop, where no stopword list helps', () => {
    const text =
      '町議会は火曜日に川沿いの堤防を建て直すために千四百万ポンドを使うことを決めたこの冬には水が古い堤防を三度越えて町の中心部が九日間閉鎖された' +
      '議会によると六千人以上が投票に参加し七割が計画を支持した最初の区間の工事は六月に始まる予定で市長は結果が町にとって明確な信任だと述べた';
    expect(body(cleanText(text))).toBe(text);
  });

  it('reads a one-sentence text under a title line', () => {
    const text = 'Champdor is a commune in the French\r\n\r\nChampdor is a commune in the French département of Ain.\r\n';
    expect(body(cleanText(text))).toBe('Champdor is a commune in the French département of Ain.');
  });

  it('still refuses text that holds no prose', () => {
    for (const text of [
      'Home\nNews\nSport\nBusiness\nContact us\nPrivacy policy',
      'https://example.com/a\nhttps://example.com/b\nhttps://example.com/c',
      '🎉🎉🎉 👍',
      'nice one',
      'const x = 1;\nconst y = 2;\nexport default x + y;',
    ]) {
      expect(() => cleanText(text), text).toThrow(NotAnArticleError);
    }
  });
});
