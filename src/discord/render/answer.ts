import { subtext } from 'discord.js';
import { NOT_FOUND_MESSAGE, type Answer } from '../../core/answer/index.js';
import { escapeText } from '../escape.js';
import { cutText } from './fit.js';
import { CONTENT_LIMIT, titleLine } from './text.js';

/**
 * An answer as message content: each passage quoted, with where it stands in the article under it, best
 * first, whole passages only; the not-found sentence when nothing answers. With `title`, a heading names the
 * article (a message that summarized several).
 */
export function renderAnswer(answer: Answer, options: { title?: string; max?: number } = {}): string {
  const max = Math.min(options.max ?? CONTENT_LIMIT, CONTENT_LIMIT);
  const heading = options.title === undefined ? '' : `${titleLine(options.title)}\n`;
  if (!answer.found || answer.passages.length === 0) return cutText(`${heading}${NOT_FOUND_MESSAGE}`, max);
  const blocks: string[] = [];
  let length = heading.length;
  for (const passage of answer.passages) {
    const { paragraph, percent } = passage.position;
    const where = subtext(`Paragraph ${paragraph + 1}, about ${percent}% of the way into the article`);
    const block = `> ${escapeText(passage.sentences.join(' '))}\n${where}`;
    const added = block.length + (blocks.length > 0 ? 1 : 0);
    if (length + added > max) {
      if (blocks.length === 0) blocks.push(`> ${cutText(escapeText(passage.sentences.join(' ')), max - length - where.length - 3)}\n${where}`);
      break;
    }
    blocks.push(block);
    length += added;
  }
  return `${heading}${blocks.join('\n')}`;
}
