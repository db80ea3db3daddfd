/**
 * The path a user's document takes: one text or page through `digestSource({ text } | { html }, deps)` as the CLI runs it
 * (no cache, the analysis inline, no network), and the forms in which a user may paste the same text.
 * Evals score Skim on what this gives back, so a refusal by the text cleaner shows up in every figure.
 */
import { isSkimError, type SkimErrorCode } from '../../src/core/errors.js';
import { articleText as textOfArticle, digestSource, type PipelineDeps, type Source } from '../../src/core/pipeline.js';
import type { Digest } from '../../src/core/types.js';

/** What the pipeline gave for one document: a digest, or the code of the SkimError it was refused with. */
export type UserPathResult = { digest: Digest; refusal?: undefined } | { digest?: undefined; refusal: SkimErrorCode };

/** The CLI's dependencies minus the network and the cache: pasted text never fetches, and a cache would hide work. */
const DEPS: PipelineDeps = {
  fetchPage: () => Promise.reject(new Error('evals never fetch: the source is a paste, a page or a file')),
};

/**
 * Digests one pasted text as the CLI does. A SkimError (NOT_AN_ARTICLE, BAD_INPUT...) is a refusal the user
 * sees, so it is returned; anything else is a bug and is thrown.
 */
export async function digestText(text: string): Promise<UserPathResult> {
  return digestUserSource({ text });
}

/**
 * Digests one source (a paste, a saved page, a PDF file) as the CLI does, never fetching; a SkimError is a
 * refusal, as in {@link digestText}.
 */
export async function digestUserSource(source: Source): Promise<UserPathResult> {
  try {
    return { digest: (await digestSource(source, DEPS)).digest };
  } catch (error) {
    if (isSkimError(error)) return { refusal: error.code };
    throw error;
  }
}

/** The article text a user is shown the digest of: its blocks, a blank line apart; '' for a refusal. */
export function articleText(result: UserPathResult): string {
  return result.digest ? textOfArticle(result.digest.article) : '';
}

/** A way of pasting a text: its name in reports and the text it makes. */
export interface TextForm {
  name: string;
  make: (text: string) => string;
}

/** The text as the data file has it. */
export function asIs(text: string): string {
  return text;
}

/** The text on one line: every run of whitespace, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The text hard-wrapped as a mail client or a terminal leaves it: each of its lines is wrapped greedily at
 * `width` columns on spaces (a longer word stands alone on its line); the text's own line breaks, blank lines
 * included, stay, and no blank line is added.
 */
export function hardWrapped(text: string, width = 72): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const words = line.split(/\s+/u).filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) out.push(current);
  return out.join('\n');
}

/** Words of the text used as the title line of {@link titledCrlf}. */
const TITLE_WORDS = 8;

/**
 * The text as pasted from a Windows editor under its headline: the first words of the text as a title line,
 * a blank line, then the text, every line ending in CRLF.
 */
export function titledCrlf(text: string): string {
  const title = oneLine(text).split(' ').slice(0, TITLE_WORDS).join(' ');
  const body = text.replace(/\r\n?/gu, '\n');
  return `${title}\n\n${body}`.replace(/\n/gu, '\r\n');
}

/** The forms every eval checks Skim against, the file's own first. */
export const TEXT_FORMS: readonly TextForm[] = [
  { name: 'as in the file', make: asIs },
  { name: 'one line', make: oneLine },
  { name: 'wrapped at 72', make: (t) => hardWrapped(t, 72) },
  { name: 'title + CRLF', make: titledCrlf },
];
