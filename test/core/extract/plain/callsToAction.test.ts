import { describe, expect, it } from 'vitest';
import { callToActionShare, isCallToAction } from '../../../../src/core/extract/plain/callsToAction.js';
import { cleanText } from '../../../../src/core/extract/plain/index.js';
import { FOOTER, MENU, NEWS_PARAGRAPHS, NEWS_TITLE } from './fixtures.js';

const PROMPTS = [
  'Simply sign up to the War in Ukraine myFT Digest — delivered directly to your inbox.',
  'Subscribe to our newsletter',
  'Follow us on Twitter and Facebook for the latest updates.',
  'Sign up for our daily briefing and get the news in your inbox every morning.',
  'Download our free app to read offline.',
];

const PROSE = [
  'The streaming service now has more than ten million subscribers in Europe alone.',
  'Investigators said they would follow the money wherever it led them.',
  'He signed up for the army in 1942 and served until the end of the war.',
  'The newsletter, founded in 1998, was sold to a media group last year.',
];

describe('isCallToAction', () => {
  it('recognises newsletter, subscription, social and app prompts', () => {
    for (const line of PROMPTS) expect(isCallToAction(line), line).toBe(true);
  });

  it('leaves prose about subscribers, newsletters and following alone', () => {
    for (const line of PROSE) expect(isCallToAction(line), line).toBe(false);
  });
});

describe('callToActionShare', () => {
  it('is 1 for a prompt on its own line and 0 for prose', () => {
    expect(callToActionShare(PROMPTS[0]!)).toBe(1);
    expect(callToActionShare(NEWS_PARAGRAPHS[0]!)).toBe(0);
  });

  it('is the prompt’s share of a paragraph that ends with one', () => {
    const share = callToActionShare(`${NEWS_PARAGRAPHS[1]!} Subscribe to our newsletter for more local news.`);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
  });

  it('finds a prompt at either end of a very long paragraph, as its share of the whole', () => {
    const prose = Array.from({ length: 40 }, () => NEWS_PARAGRAPHS[0]!).join(' ');
    const prompt = 'Subscribe to our newsletter for more local news.';
    for (const text of [`${prose} ${prompt}`, `${prompt} ${prose}`]) {
      const share = callToActionShare(text);
      expect(share).toBeGreaterThan((0.5 * prompt.length) / text.length);
      expect(share).toBeLessThan((2 * prompt.length) / text.length);
    }
    expect(callToActionShare(prose)).toBe(0);
  });
});

/** A news article whose column carries prompts between and after its paragraphs. */
function pasteWithPrompts(): string {
  const [p1, p2, p3, p4, p5] = NEWS_PARAGRAPHS;
  return [
    MENU,
    '',
    NEWS_TITLE,
    'By Maria Gonzalez',
    'March 4, 2024 7:15 pm ET',
    '',
    p1,
    '',
    p2,
    '',
    PROMPTS[0],
    '',
    p3,
    '',
    p4,
    '',
    PROMPTS[1],
    '',
    p5,
    '',
    PROMPTS[2],
    FOOTER,
  ].join('\n');
}

describe('cleanText with calls to action in the article column', () => {
  it('drops the prompts and keeps every paragraph', () => {
    const kept = cleanText(pasteWithPrompts()).blocks.map((b) => b.text);
    for (const prompt of PROMPTS.slice(0, 3)) expect(kept, prompt).not.toContain(prompt);
    for (const paragraph of NEWS_PARAGRAPHS) expect(kept).toContain(paragraph);
  });
});
