import type { Block, BlockType } from '../../types.js';

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose text stands as its own block. */
const BLOCK_TYPES: Record<string, BlockType> = {
  P: 'paragraph', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'list-item', DD: 'list-item', BLOCKQUOTE: 'quote', PRE: 'preformatted',
  FIGCAPTION: 'paragraph', CAPTION: 'paragraph', TR: 'paragraph',
};

/** Containers that break inline text into separate blocks but have no type of their own. */
const CONTAINERS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'UL', 'OL', 'DL', 'TABLE', 'THEAD',
  'TBODY', 'TFOOT', 'FIGURE', 'FORM', 'FIELDSET', 'DETAILS', 'SUMMARY', 'CENTER', 'ADDRESS', 'HR', 'BODY',
  'HGROUP', 'PICTURE',
]);

/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT']);

/** A block with the element it came from, for pruning by markup. */
export interface SourcedBlock extends Block {
  element: Element;
  /** Share of the block's characters that sit inside links. */
  linkDensity: number;
}

/**
 * Turns an article element into blocks: paragraphs, headings and list items each their own block, text
 * normalised to single spaces, nothing of the markup left.
 */
export function blocksFrom(root: Element): SourcedBlock[] {
  const out: SourcedBlock[] = [];
  walk(root, 'paragraph', out);
  return out;
}

function walk(container: Element, type: BlockType, out: SourcedBlock[]): void {
  let inline = '';
  let linkChars = 0;
  const flush = () => {
    const text = normalize(inline);
    if (text) out.push({ type, text, element: container, linkDensity: Math.min(1, linkChars / Math.max(1, inline.trim().length)) });
    inline = '';
    linkChars = 0;
  };
  for (const node of Array.from(container.childNodes)) {
    if (node.nodeType === TEXT) {
      inline += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    if (tag === 'BR') {
      inline += '\n';
      continue;
    }
    const blockType = BLOCK_TYPES[tag];
    if (blockType || CONTAINERS.has(tag) || hasBlockChild(el)) {
      flush();
      walk(el, blockType ?? (type === 'list-item' || type === 'quote' ? type : 'paragraph'), out);
    } else {
      // Table cells are inline within their row, but must not run into each other.
      const text = tag === 'TD' || tag === 'TH' ? ` ${el.textContent ?? ''} ` : (el.textContent ?? '');
      inline += text;
      linkChars += tag === 'A' ? text.trim().length : linkTextLength(el);
    }
  }
  flush();
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += (a.textContent ?? '').trim().length;
  return n;
}

function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) {
    const tag = child.tagName.toUpperCase();
    if (BLOCK_TYPES[tag] || CONTAINERS.has(tag)) return true;
  }
  return false;
}

/** Collapses whitespace (keeping no line breaks) and drops invisible characters. */
export function normalize(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // Only what differs from a single space: a plain space matched too would cost a match per word.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}
