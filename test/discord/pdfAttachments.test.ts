import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceOfMessage } from '../../commands/summarizeMessage.js';
import { attachmentSource, isReadableAttachment, MAX_PDF_ATTACHMENT_BYTES } from '../../src/discord/attachments.js';
import { png } from '../core/decode/binarySamples.js';

const pdf = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'one-column.pdf'));
const served = (bytes: Uint8Array) => async () => bytes;

describe('PDF attachments', () => {
  it('accepts a .pdf attachment, or one typed application/pdf', () => {
    expect(isReadableAttachment({ name: 'report.PDF', size: 1, url: '' })).toBe(true);
    expect(isReadableAttachment({ name: 'download', size: 1, url: '', contentType: 'application/pdf' })).toBe(true);
  });

  it('makes a PDF source that keeps the attachment URL', async () => {
    const file = { name: 'report.pdf', size: pdf.length, url: 'https://cdn.example/attachments/1/2/report.pdf' };
    expect(await attachmentSource(file, served(pdf))).toEqual({ pdf, url: file.url });
  });

  it('takes PDFs up to their own cap, larger than that of text files', async () => {
    const fits = { name: 'big.pdf', size: MAX_PDF_ATTACHMENT_BYTES, url: 'https://cdn.example/big.pdf' };
    expect(await attachmentSource(fits, served(pdf))).toHaveProperty('pdf');
    const over = { ...fits, size: MAX_PDF_ATTACHMENT_BYTES + 1 };
    await expect(attachmentSource(over, served(pdf))).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses an image named .txt by what its bytes are', async () => {
    await expect(attachmentSource({ name: 'notes.txt', size: 100, url: 'https://cdn.example/notes.txt' }, served(png()))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'That file looks like a PNG image, not text; Skim reads web pages, text, HTML and PDF.',
    });
  });

  it('gives the Summarize menu the PDF attached to a message without a link', async () => {
    const message = { content: 'the survey, FYI', attachments: [{ name: 'survey.pdf', size: pdf.length, url: 'https://cdn.example/survey.pdf', contentType: 'application/pdf' }] };
    expect(await sourceOfMessage(message, served(pdf))).toEqual({ pdf, url: 'https://cdn.example/survey.pdf' });
  });
});
