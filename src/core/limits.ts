/**
 * Input size limits and how they are said to users: a module of its own, with no imports, so that the
 * CLI's help can name the limits without loading the pipeline.
 */

/** Largest file, stdin, attachment or `--jsonl` line accepted, in bytes. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A byte count as users read it: "10 MB" (binary megabytes, as the limits are set). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The refusal for an input over {@link MAX_INPUT_BYTES}, naming the limit: `what` is "That input", a file name... */
export function tooLargeMessage(what: string): string {
  return `${what} is larger than ${formatBytes(MAX_INPUT_BYTES)}, the most Skim reads.`;
}

/** Pages of a PDF that are read; the rest of a longer one is left out of its summary. */
export const MAX_PDF_PAGES = 300;

/** Time a PDF may take to read, within the worker's own job budget (20 s) so that the worker is not killed. */
export const PDF_READ_MS = 15_000;
