/** A line of input, or the fact that a line was over the cap (and skipped), with its first bytes. */
export type LineItem = { line: string } | { tooLarge: true; head: string };

/** Bytes of an oversized line kept, to find its `id` for the error line. */
const HEAD_BYTES = 4096;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines (without their `\n` or `\r\n`), holding at most `maxBytes` of a line:
 * a longer line is dropped as soon as it passes the cap and the stream skipped to its end, so memory stays
 * bounded whatever one line holds. Pulls a chunk only when the previous lines were taken (back-pressure).
 */
export async function* readLines(input: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<LineItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let head: string | undefined;
  const take = (): LineItem => {
    const item: LineItem = head === undefined ? { line: stripCr(Buffer.concat(parts, size).toString('utf8')) } : { tooLarge: true, head };
    parts = [];
    size = 0;
    head = undefined;
    return item;
  };
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      if (head === undefined && size + piece.length > maxBytes) {
        head = headOf([...parts, piece]);
        parts = [];
        size = 0;
      } else if (head === undefined) {
        // A copy, so a short line kept across chunks does not pin a whole chunk.
        parts.push(Buffer.from(piece));
        size += piece.length;
      }
      if (newline < 0) break;
      yield take();
      start = newline + 1;
    }
  }
  if (size > 0 || head !== undefined) yield take();
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function headOf(parts: Buffer[]): string {
  const bytes = Buffer.concat(parts.map((p) => p.subarray(0, HEAD_BYTES))).subarray(0, HEAD_BYTES);
  return bytes.toString('utf8');
}

/**
 * The `id` an oversized line opens with (`{"id": 7, "html": ...`), read from its first bytes; null when it
 * does not open with one.
 */
export function leadingId(head: string): unknown {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)\s*[,}]/.exec(head);
  return m ? (JSON.parse(m[1]!) as unknown) : null;
}
