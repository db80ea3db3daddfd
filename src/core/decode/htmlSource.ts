/** Telling pasted HTML source apart from text, so callers can send it to the HTML cleaner. */

/** How much of the start of the text is looked at. */
const SAMPLE = 50_000;
const DOCUMENT_START = /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^]{0,2000}?-->\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>])/i;
const TAG = /<\/?(?:html|head|body|div|p|span|a|script|style|meta|link|article|section|header|footer|nav|main|table|tr|td|ul|ol|li|br|img|h[1-6]|figure|iframe|form|input|button)\b[^<>]{0,2000}>/gi;

/**
 * True for HTML source: a document that opens like one, or text in which common HTML tags are
 * frequent and make up a good share of the characters. Markdown with a tag or two is not HTML.
 */
export function looksLikeHtml(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (DOCUMENT_START.test(sample)) return true;
  let count = 0;
  let chars = 0;
  for (const m of sample.matchAll(TAG)) {
    count++;
    chars += m[0].length;
  }
  return count >= 5 && chars >= 0.1 * sample.trim().length;
}
