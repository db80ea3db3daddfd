import type { Article, Block } from '../../../../src/core/types.js';

/** Paragraph blocks of the given texts. */
export const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }));
/** An article of the given blocks, English unless told. */
export const article = (blocks: Block[], lang: string | undefined = 'en', title = ''): Article => ({ title, source: 'text', lang, blocks });

/** A news story: the lead says it all, short paragraphs repeat and detail it. */
export const NEWS = article(paragraphs(
  'Flood waters forced 2,000 people from their homes in the river town of Marlow on Tuesday, officials said.',
  'The river rose two metres overnight after three days of heavy rain, flooding streets and homes near the bridge.',
  'Emergency crews used boats to reach families trapped in their homes, the fire service said.',
  'Schools in the town were closed and the mayor opened the sports hall as a shelter for families.',
  '"We have never seen the river this high," said one resident, who has lived in the town for forty years.',
  'Forecasters expect more rain on Thursday, and officials warned that the river could rise again.',
  'The town last flooded in 1998, when the river rose a metre and a half.',
));
