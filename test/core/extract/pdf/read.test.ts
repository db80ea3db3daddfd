import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PDF_PAGES } from '../../../../src/core/limits.js';
import { pdfToArticle, readPdfText } from '../../../../src/core/extract/pdf/index.js';
import { isPlausibleTitle, loadPdf } from '../../../../src/core/extract/pdf/load.js';
import { buildPdf } from '../../../../scripts/make-pdf-lib.js';
import { HYPHENATED, REPORT, REPORT_TITLE } from '../../../../scripts/make-pdf-texts.js';
import { LINKED_PAGE } from '../../../fixtures/pdf/links-page.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'pdf', name)));

/** The body paragraphs read, without the title line. */
async function bodyOf(name: string): Promise<string[]> {
  const { title, paragraphs } = await readPdfText(fixture(name));
  return paragraphs.filter((p) => p !== title);
}

describe('readPdfText', () => {
  it('reads a one-column PDF as its paragraphs, titled by its metadata', async () => {
    const { title, paragraphs } = await readPdfText(fixture('one-column.pdf'));
    expect(title).toBe(REPORT_TITLE);
    expect(paragraphs).toEqual([REPORT_TITLE, ...REPORT]);
  });

  it('reads two columns column by column, joining a paragraph that runs on into the next column', async () => {
    expect(await bodyOf('two-columns.pdf')).toEqual(REPORT);
  });

  it('takes the largest text on the first page as the title when the metadata has none', async () => {
    expect((await readPdfText(fixture('two-columns.pdf'))).title).toBe(REPORT_TITLE);
  });

  it('rejoins words hyphenated at line ends, and keeps the hyphen of a compound the text spells with one', async () => {
    const body = await bodyOf('hyphenated.pdf');
    expect(body).toEqual(HYPHENATED);
  });

  it('drops running headers, footers and page numbers, and joins paragraphs across page breaks', async () => {
    const { paragraphs } = await readPdfText(fixture('headers-footers.pdf'));
    const text = paragraphs.join('\n');
    expect(text).not.toMatch(/Coastal Institute Annual Harbour Survey|Page \d/);
    expect(paragraphs).toEqual([
      REPORT_TITLE,
      ...REPORT,
      ...REPORT.map((p) => p.replace(/\.$/, ' again.')),
      ...REPORT.map((p) => p.replace(/\.$/, ' once more.')),
    ]);
  });

  it('reads a PDF that restricts only editing (encrypted with an empty user password)', async () => {
    expect(await bodyOf('restricted.pdf')).toEqual(REPORT);
  });

  it('refuses a password-protected PDF with one clear line', async () => {
    await expect(readPdfText(fixture('encrypted.pdf'))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: "That PDF is locked with a password; Skim can't read it.",
    });
  });

  it('says that a PDF without a text layer looks scanned', async () => {
    await expect(readPdfText(fixture('scanned.pdf'))).rejects.toMatchObject({
      code: 'NOT_AN_ARTICLE',
      message: 'That PDF has no text to read (it looks scanned).',
    });
  });

  it('says that a truncated or malformed PDF is damaged', async () => {
    for (const bytes of [fixture('truncated.pdf'), new TextEncoder().encode('%PDF-1.7\nnot a pdf at all')]) {
      await expect(readPdfText(bytes)).rejects.toMatchObject({ code: 'PARSE_FAILED', message: "That PDF is damaged and couldn't be read." });
    }
  });

  it('marks the lines that were all link (menu, teaser, related stories, footer), not a paragraph with a link inside', async () => {
    const { lines } = await readPdfText(fixture('links.pdf'));
    const links = lines.filter((l) => l.link).map((l) => l.text);
    const text = links.join('\n');
    for (const item of [...LINKED_PAGE.menu, LINKED_PAGE.teaser, ...LINKED_PAGE.related, ...LINKED_PAGE.footer]) expect(text).toContain(item);
    expect(text).not.toContain(LINKED_PAGE.inline);
    expect(links).not.toContain('Related stories');
  });

  it('leaves the bytes it was given whole', async () => {
    const bytes = fixture('one-column.pdf');
    const copy = Buffer.from(bytes);
    await readPdfText(bytes);
    expect(Buffer.from(bytes).equals(copy)).toBe(true);
  });
});

describe('pdfToArticle', () => {
  it('cleans the text into an article under the title, with the URL it came from', async () => {
    const article = await pdfToArticle(fixture('two-columns.pdf'), 'https://harbour.example/survey.pdf');
    expect(article.title).toBe(REPORT_TITLE);
    expect(article.url).toBe('https://harbour.example/survey.pdf');
    expect(article.lang).toBe('en');
    expect(article.blocks.map((b) => b.text)).toEqual(REPORT);
  });

  it('leaves out a line that was all link on the page and that the text cleaner keeps (a teaser between paragraphs)', async () => {
    const article = await pdfToArticle(fixture('links.pdf'));
    expect(article.blocks.map((b) => b.text)).toEqual(LINKED_PAGE.article);
  });
});

describe('loadPdf', () => {
  it('leaves out rotated text, such as a stamp up the margin', async () => {
    const { pages } = await loadPdf(fixture('one-column.pdf'));
    expect(pages[0]!.items.map((i) => i.text).join(' ')).not.toContain('harbour-archive');
  });

  it('marks the runs that lie in link annotations, and not a line with a linked word inside it', async () => {
    const { pages } = await loadPdf(fixture('links.pdf'));
    const linked = pages.flatMap((p) => p.items.filter((i) => i.link).map((i) => i.text));
    expect(linked).toEqual(expect.arrayContaining([...LINKED_PAGE.menu, LINKED_PAGE.teaser, ...LINKED_PAGE.related]));
    expect(linked.join(' ')).not.toContain(LINKED_PAGE.inline);
  });

  it(`reads the first ${MAX_PDF_PAGES} pages of a longer PDF`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => ({ runs: [{ x: 72, y: 700, size: 12, text: `Page ${i + 1} of the long report.` }] }));
    const loaded = await loadPdf(buildPdf(pages));
    expect(loaded.pages).toHaveLength(MAX_PDF_PAGES);
    expect(loaded.pages[MAX_PDF_PAGES - 1]!.items.map((i) => i.text).join(' ')).toBe(`Page ${MAX_PDF_PAGES} of the long report.`);
  });

  it('says that a PDF without pages has none', async () => {
    await expect(loadPdf(buildPdf([]))).rejects.toMatchObject({ code: 'NOT_AN_ARTICLE', message: 'That PDF has no pages.' });
  });

  it('gives up with a clear line when its time is over', async () => {
    await expect(loadPdf(fixture('one-column.pdf'), 0)).rejects.toMatchObject({ code: 'TIMEOUT', message: 'That PDF took too long to read.' });
  });

  it('takes a title from the metadata unless it is a file name or a placeholder', () => {
    expect(isPlausibleTitle('Harbour Survey Finds Rising Water Temperatures')).toBe(true);
    for (const title of ['survey_final_v2.docx', 'Microsoft Word - survey', 'Untitled', '  ', '2026-04']) expect(isPlausibleTitle(title)).toBe(false);
  });
});
