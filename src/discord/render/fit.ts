/** Helpers that shorten text to a length without cutting through a sentence or a list item. */

const ELLIPSIS = '…';

/** The longest prefix of `items` whose join with `separator` fits in `max` characters. */
export function fitItems(items: readonly string[], max: number, separator: string): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    const added = item.length + (kept.length > 0 ? separator.length : 0);
    if (length + added > max) break;
    kept.push(item);
    length += added;
  }
  return kept;
}

/**
 * Shortens `text` to at most `max` characters: whole when it fits, else cut after the last full sentence
 * that fits, else (one very long sentence) after the last whole word, marked with an ellipsis.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return '';
  const room = text.slice(0, max - ELLIPSIS.length + 1);
  const sentenceEnd = lastSentenceEnd(room);
  if (sentenceEnd > 0) return text.slice(0, sentenceEnd).trimEnd();
  const space = room.lastIndexOf(' ');
  const cut = space > 0 ? text.slice(0, space) : text.slice(0, max - ELLIPSIS.length);
  return `${cut.replace(/[\s\\]+$/u, '')}${ELLIPSIS}`;
}

/** Index just after the last sentence-ending punctuation followed by a space or the end, or -1. */
function lastSentenceEnd(text: string): number {
  let end = -1;
  for (const match of text.matchAll(/[.!?…。！？]["'”’)\]]*(?=\s|$)/gu)) end = match.index + match[0].length;
  return end;
}
