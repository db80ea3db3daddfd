import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes text from an article (or any outside source) inert in a Discord message or embed: whitespace
 * collapses to single spaces (one sentence stays one line), and markdown, headings, lists, block quotes,
 * masked links, spoilers, user/role/channel mentions, slash-command and emoji tags, and @everyone/@here
 * all show as the characters they are. Bare URLs still show as links: they cannot pretend to be another.
 */
export function escapeText(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  let out = escapeMarkdown(flat, { heading: true, bulletedList: true, numberedList: true });
  // Discord renders [label](url) as a link showing only the label: escaping the brackets shows both.
  out = out.replace(/[[\]]/g, '\\$&');
  // <@id>, <@!id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>, <t:...>: an escaped "<" stops the tag.
  out = out.replace(/<(?=[@#/:a]|t:)/g, '\\<');
  out = out.replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
  // Line-start forms that escapeMarkdown leaves alone: block quotes and "-#" subtext.
  out = out.replace(/^(\s*)(>|-#)/, '$1\\$2');
  return out;
}

/** A plain-text field (thread names, embed author and footer) with no line breaks and no mass mention. */
export function plainText(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}
