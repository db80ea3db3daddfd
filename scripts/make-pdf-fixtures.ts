/**
 * Writes the PDF test fixtures (test/fixtures/pdf/*.pdf), a few KB each, from the texts below:
 *
 *   npx tsx scripts/make-pdf-fixtures.ts
 *
 * one column, two columns, words hyphenated at line ends, running headers, footers and page numbers, a
 * password-protected file, one that only restricts editing (readable), an image-only "scan", a
 * truncated file, and a page with links as a browser prints them (menu, teaser, related stories, footer).
 * The output is deterministic: running it again gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPdf, flowPages, type PageSpec, type TextRun } from './make-pdf-lib.js';
import { LINKED_PAGE } from '../test/fixtures/pdf/links-page.js';
import { HYPHENATED, REPORT, REPORT_TITLE } from './make-pdf-texts.js';

const root = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf');

function main(): void {
  mkdirSync(root, { recursive: true });
  const write = (name: string, bytes: Buffer) => {
    writeFileSync(join(root, name), bytes);
    console.log(`${name} ${bytes.length} bytes`);
  };
  // A stamp up the left margin, as preprint servers add: rotated text is not part of the running text.
  const oneColumn = flowPages(REPORT, { title: REPORT_TITLE });
  oneColumn[0]!.runs.push({ x: 30, y: 300, size: 14, text: 'harbour-archive:2026.04117v2 [ocean] 7 Apr 2026', vertical: true });
  write('one-column.pdf', buildPdf(oneColumn, { title: REPORT_TITLE }));
  write('two-columns.pdf', buildPdf(flowPages(REPORT, { title: REPORT_TITLE, columns: 2, indent: true, fontSize: 14 })));
  write('hyphenated.pdf', buildPdf(flowPages(HYPHENATED, { title: 'Harbour Instruments', columns: 2, hyphenate: true, fontSize: 14 })));
  const paged = flowPages([...REPORT, ...REPORT.map((p) => p.replace(/\.$/, ' again.')), ...REPORT.map((p) => p.replace(/\.$/, ' once more.'))], {
    title: REPORT_TITLE,
    fontSize: 14,
    header: 'Coastal Institute Annual Harbour Survey',
    footer: 'Page {page}',
  });
  write('headers-footers.pdf', buildPdf(paged, { title: REPORT_TITLE }));
  write('encrypted.pdf', buildPdf(flowPages(REPORT), { encrypt: { user: 'tide', owner: 'harbour' } }));
  write('restricted.pdf', buildPdf(flowPages(REPORT, { title: REPORT_TITLE }), { encrypt: { user: '', owner: 'harbour' } }));
  write('scanned.pdf', buildPdf([{ runs: [], images: [{ x: 40, y: 40, width: 532, height: 712 }] }]));
  const whole = buildPdf(flowPages(REPORT, { title: REPORT_TITLE }));
  // Cut inside the first page's content stream: no cross-reference table, no trailer, no page tree.
  write('truncated.pdf', whole.subarray(0, whole.indexOf('stream') + 60));
  write('links.pdf', linkedPage());
}

/** Courier's advance: every glyph is 0.6 em wide (as make-pdf-lib lays text out). */
const ADVANCE = 0.6;

/**
 * A news page as a browser prints it: a menu, the article with a link inside one of its lines and a teaser
 * between its paragraphs, related stories and footer links, each `<a href>` a link annotation over its text.
 */
function linkedPage(): Buffer {
  const { menu, article, inline, teaser, related, footer } = LINKED_PAGE;
  const pages = flowPages([...article.slice(0, 2), teaser, ...article.slice(2), 'Related stories', ...related], { title: REPORT_TITLE, fontSize: 10 });
  const first = pages[0]!;
  menu.forEach((text, i) => first.runs.push({ x: 60, y: 776 - i * 11, size: 8, text }));
  const last = pages[pages.length - 1]!;
  footer.forEach((text, i) => last.runs.push({ x: 60 + i * 120, y: 30, size: 8, text }));
  const whole = (text: string) => (run: TextRun) => run.text === text;
  const links = pages.map((page) => [
    ...[...menu, teaser, ...related, ...footer].flatMap((text) => page.runs.filter(whole(text)).map((run) => box(run, 0, text.length))),
    ...page.runs.filter((run) => run.text.includes(inline)).map((run) => box(run, run.text.indexOf(inline), inline.length)),
  ]);
  return addLinks(buildPdf(pages, { title: REPORT_TITLE }), pages, links);
}

/** The rectangle of characters `from` to `from + count` of a run, in page space: [x1 y1 x2 y2]. */
function box(run: TextRun, from: number, count: number): number[] {
  const em = run.size * ADVANCE;
  return [run.x + from * em, run.y - 0.25 * run.size, run.x + (from + count) * em, run.y + 0.9 * run.size];
}

/**
 * Adds link annotations to a PDF from make-pdf-lib by an incremental update (PDF 32000-1, 7.5.6): each page
 * object again with its /Annots, the annotations, and a cross-reference section for them after the file.
 */
function addLinks(pdf: Buffer, pages: PageSpec[], links: number[][][]): Buffer {
  const text = pdf.toString('latin1');
  const pageObjects = [...text.matchAll(/(\d+) 0 obj\n(<< \/Type \/Page \/Parent[^\n]*>>)\nendobj/g)];
  if (pageObjects.length !== pages.length) throw new Error('page objects not found');
  let size = Number(/\/Size (\d+)/.exec(text)![1]);
  const previous = Number(/startxref\n(\d+)/.exec(text)![1]);
  const objects: Array<[number, string]> = [];
  pageObjects.forEach((match, i) => {
    const ids = links[i]!.map((rect) => {
      const id = size++;
      const r = rect.map((n) => n.toFixed(2)).join(' ');
      objects.push([id, `<< /Type /Annot /Subtype /Link /Rect [${r}] /Border [0 0 0] /A << /S /URI /URI (https://example.org/${id}) >> >>`]);
      return id;
    });
    if (ids.length > 0) objects.push([Number(match[1]), match[2]!.replace(/>>$/, `/Annots [${ids.map((id) => `${id} 0 R`).join(' ')}] >>`)]);
  });
  let offset = pdf.length;
  const bodies: string[] = [];
  const entries = objects.map(([id, body]) => {
    const chunk = `${id} 0 obj\n${body}\nendobj\n`;
    bodies.push(chunk);
    const entry = `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
    offset += chunk.length;
    return entry;
  });
  const root = /\/Root (\d+) 0 R/.exec(text)![1];
  const info = /\/Info (\d+) 0 R/.exec(text)?.[1];
  const trailer = `<< /Size ${size} /Root ${root} 0 R${info ? ` /Info ${info} 0 R` : ''} /Prev ${previous} >>`;
  const update = `${bodies.join('')}xref\n${entries.join('')}trailer\n${trailer}\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

main();
