/**
 * Chinese, Japanese and Thai paragraphs get the same word count from every stage that counts: the pasted-text
 * cleaner's block features, the text layer (which the HTML pruning pass asks), the summary's sentence lengths and
 * the digest's wordCount.
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.js';
import { localFeatures } from '../../../src/core/extract/plain/features.js';
import { countRunWords, countWords, countWordsUpTo } from '../../../src/core/text/index.js';
import type { Article } from '../../../src/core/types.js';

const PARAGRAPHS: Record<string, string> = {
  zh: '市议会周二投票决定重建旧港口的防波堤。过去十年里，风暴两次冲垮了这道墙，修缮费用将由港口费支付。',
  ja: '市議会は火曜日、古い港の防波堤を再建することを決めた。過去十年で嵐が二度この壁を壊しており、費用は港湾料金で賄う。',
  th: 'สภาเมืองลงมติเมื่อวันอังคาร ให้สร้างกำแพงท่าเรือเก่าขึ้นใหม่ พายุพัดกำแพงพังสองครั้งในรอบสิบปี',
  mixed: '华为周二发布了Mate 60手机，售价5999元。iPhone的销量因此下降了10%。',
};

/** The word count of the block features that the pasted-text classifier reads. */
function featureWords(text: string): number {
  return localFeatures([{ text, marker: 'none', blankBefore: true, blankAfter: true }], new Set()).stats[0]!.words;
}

function digestWords(text: string, lang: string): number {
  const article: Article = { title: '', source: 'text', lang, blocks: [{ type: 'paragraph', text }] };
  return analyseArticle(article, 'text:test').wordCount;
}

describe('word counts in scripts written without spaces', () => {
  it.each(Object.entries(PARAGRAPHS))('gives the %s paragraph one count in every stage', (lang, text) => {
    const words = countWords(text);
    expect(words).toBeGreaterThan(5);
    expect(featureWords(text)).toBe(words);
    expect(countWordsUpTo(text)).toBe(words);
    expect(countRunWords(text)).toBe(words);
    expect(digestWords(text, lang === 'mixed' ? 'zh' : lang)).toBe(words);
  });
});
