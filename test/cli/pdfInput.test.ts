import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/cli/input.js';
import { digestSource, toSummaryJson } from '../../src/core/pipeline.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const noStdin = () => Promise.reject(new Error('no stdin'));
const deps = { fetchPage: () => Promise.reject(new Error('no fetching here')) };

describe('resolveInput with PDFs', () => {
  it('reads a .pdf file as a PDF, and summarizes it as --json shows it', async () => {
    const file = join(dir, 'two-columns.pdf');
    const source = await resolveInput(file, noStdin);
    expect(source).toMatchObject({ url: pathToFileURL(file).href });
    const json = toSummaryJson((await digestSource(source, deps)).digest);
    expect(json.title).toBe('Harbour Survey Finds Rising Water Temperatures');
    expect(json.url).toBeNull();
    expect(json.lang).toBe('en');
    expect(json.text).toContain('reaching an average of fourteen degrees during the spring months.');
  });

  it('reads a PDF on stdin', async () => {
    const bytes = readFileSync(join(dir, 'one-column.pdf'));
    const source = await resolveInput('-', async () => bytes);
    expect('pdf' in source && Buffer.from(source.pdf).equals(bytes)).toBe(true);
  });

  it('refuses a password-protected PDF file with one clear line', async () => {
    const source = await resolveInput(join(dir, 'encrypted.pdf'), noStdin);
    await expect(digestSource(source, deps)).rejects.toMatchObject({ code: 'BAD_INPUT', message: "That PDF is locked with a password; Skim can't read it." });
  });
});
