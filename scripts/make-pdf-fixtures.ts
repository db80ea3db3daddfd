/**
 * Writes the PDF test fixtures (test/fixtures/pdf/*.pdf), a few KB each, from the texts below:
 *
 *   npx tsx scripts/make-pdf-fixtures.ts
 *
 * one column, two columns, words hyphenated at line ends, running headers, footers and page numbers, a
 * password-protected file, one that only restricts editing (readable), an image-only "scan", and a
 * truncated file. The output is deterministic: running it again gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPdf, flowPages } from './make-pdf-lib.js';
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
}

main();
