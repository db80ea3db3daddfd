/**
 * Tells binary content from text by its bytes, wherever bytes come in (files, stdin, attachments, responses):
 * the magic numbers of the formats people share, then what no text encoding would hold. Binary is never
 * summarized as text: a PDF goes to its reader, anything else is refused naming what it looks like.
 */

/** What binary bytes look like: a media type and how a user would call it ("a PNG image"). */
export interface BinaryKind {
  type: string;
  name: string;
}

export const PDF: BinaryKind = { type: 'application/pdf', name: 'a PDF' };

interface Signature {
  kind: BinaryKind;
  /** Bytes at offsets, all of which must match: one magic number, or one and a check that rules out text. */
  parts: Array<[at: number, magic: number[] | string]>;
}

const sig = (type: string, name: string, ...parts: Signature['parts']): Signature => ({ kind: { type, name }, parts });
const RIFF: [number, string] = [0, 'RIFF'];

const SIGNATURES: Signature[] = [
  sig('image/png', 'a PNG image', [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]),
  sig('image/jpeg', 'a JPEG image', [0, [0xff, 0xd8, 0xff]]),
  sig('image/gif', 'a GIF image', [0, 'GIF87a']),
  sig('image/gif', 'a GIF image', [0, 'GIF89a']),
  sig('image/webp', 'a WebP image', RIFF, [8, 'WEBP']),
  sig('image/tiff', 'a TIFF image', [0, [0x49, 0x49, 0x2a, 0x00]]),
  sig('image/tiff', 'a TIFF image', [0, [0x4d, 0x4d, 0x00, 0x2a]]),
  // "BM" alone starts English words; the reserved bytes after the file size are zero in a real bitmap.
  sig('image/bmp', 'a BMP image', [0, 'BM'], [6, [0, 0, 0, 0]]),
  sig('image/heic', 'a HEIC image', [4, 'ftypheic']),
  sig('image/avif', 'an AVIF image', [4, 'ftypavif']),
  sig('audio/wav', 'a WAV audio file', RIFF, [8, 'WAVE']),
  sig('video/x-msvideo', 'an AVI video', RIFF, [8, 'AVI ']),
  sig('audio/mpeg', 'an MP3 audio file', [0, 'ID3'], [4, [0]]),
  sig('audio/ogg', 'an Ogg audio or video file', [0, 'OggS'], [4, [0]]),
  sig('audio/flac', 'a FLAC audio file', [0, 'fLaC'], [5, [0]]),
  sig('audio/mp4', 'an M4A audio file', [4, 'ftypM4A']),
  sig('video/mp4', 'an MP4 or QuickTime video', [4, 'ftyp']),
  sig('video/webm', 'a WebM or Matroska video', [0, [0x1a, 0x45, 0xdf, 0xa3]]),
  sig('application/zip', 'a ZIP archive', [0, [0x50, 0x4b, 0x03, 0x04]]),
  sig('application/zip', 'a ZIP archive', [0, [0x50, 0x4b, 0x05, 0x06]]),
  sig('application/x-ole-storage', 'an old Microsoft Office document', [0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]),
  sig('application/gzip', 'a gzip archive', [0, [0x1f, 0x8b, 0x08]]),
  sig('application/x-7z-compressed', 'a 7-Zip archive', [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]]),
  sig('application/vnd.rar', 'a RAR archive', [0, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]]),
  sig('application/x-executable', 'a program', [0, [0x7f, 0x45, 0x4c, 0x46]]),
  sig('font/woff', 'a font', [0, 'wOFF']),
  sig('font/woff2', 'a font', [0, 'wOF2']),
];

/** MPEG audio frames start with 11 set bits (layer III, MPEG 1 and 2): an MP3 without an ID3 tag. */
function isMpegAudio(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && (bytes[1] === 0xfb || bytes[1] === 0xf3 || bytes[1] === 0xf2);
}

/** The Office formats that are ZIP archives, told apart by the folder of their first entries. */
const OFFICE_PARTS: Array<[string, BinaryKind]> = [
  ['word/', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'a Word document' }],
  ['xl/', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'an Excel spreadsheet' }],
  ['ppt/', { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', name: 'a PowerPoint presentation' }],
  ['mimetypeapplication/epub+zip', { type: 'application/epub+zip', name: 'an EPUB e-book' }],
  ['mimetypeapplication/vnd.oasis.opendocument', { type: 'application/vnd.oasis.opendocument', name: 'an OpenDocument file' }],
];

/** How far into the bytes "%PDF-" may start: readers accept a little junk before it (PDF 32000-1, annex H). */
const PDF_HEADER_WINDOW = 1024;
/** The stretch of bytes the statistical tests read: enough to judge, cheap on a 10 MB input. */
const SAMPLE_BYTES = 64 * 1024;
/**
 * Largest share of control bytes (C0 codes other than tab, line feed, vertical tab, form feed, carriage return
 * and escape; and DEL) that text may hold. Text in any encoding Skim reads has next to none; compressed or
 * encrypted data has about 9% (22 of 256 byte values); one control byte in a hundred leaves room for a stray
 * one in a paste.
 */
const MAX_CONTROL_SHARE = 0.01;

/**
 * What binary bytes look like, or undefined for text. PDFs are found by their header; other formats by their
 * magic number; anything else by NUL bytes or control codes that no text holds. UTF-16 text with a byte
 * order mark is text (its NULs are half of each ASCII character).
 */
export function sniffBinary(bytes: Uint8Array): BinaryKind | undefined {
  if (isPdf(bytes)) return PDF;
  if (hasUtf16Bom(bytes)) return undefined;
  const signature = SIGNATURES.find((s) => s.parts.every(([at, magic]) => matches(bytes, at, magic)));
  if (signature) return signature.kind.type === 'application/zip' ? zipKind(bytes, signature.kind) : signature.kind;
  if (isMpegAudio(bytes)) return { type: 'audio/mpeg', name: 'an MP3 audio file' };
  return controlShare(bytes.subarray(0, SAMPLE_BYTES)) > MAX_CONTROL_SHARE ? { type: 'application/octet-stream', name: 'a binary file' } : undefined;
}

/**
 * Whether the bytes are a PDF: "%PDF-" and a version at the start (after white space), or further into the
 * first kilobyte after junk that is not text, as readers allow. Text that only mentions the header (an
 * article about PDF files) stays text.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_HEADER_WINDOW));
  const match = /%PDF-\d/.exec(head.toString('latin1'));
  if (!match) return false;
  const before = head.subarray(0, match.index);
  return before.every((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d)) || controlShare(before) > 0;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function matches(bytes: Uint8Array, at: number, magic: number[] | string): boolean {
  const expected = typeof magic === 'string' ? [...Buffer.from(magic, 'latin1')] : magic;
  return expected.every((b, i) => bytes[at + i] === b);
}

function zipKind(bytes: Uint8Array, zip: BinaryKind): BinaryKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return OFFICE_PARTS.find(([part]) => head.includes(part))?.[1] ?? zip;
}

/** The share of bytes that no text holds: NUL and the other C0 controls but whitespace and escape, and DEL. */
function controlShare(sample: Uint8Array): number {
  if (sample.byteLength === 0) return 0;
  let controls = 0;
  for (const b of sample) {
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) controls++;
  }
  // A NUL in the first kilobytes settles it: no text encoding without a byte order mark has one.
  if (sample.subarray(0, 8192).includes(0)) return 1;
  return controls / sample.byteLength;
}

/** The refusal line for binary content that Skim has no reader for: "That file looks like a PNG image, not text." */
export function binaryRefusal(what: string, kind: BinaryKind): string {
  return `${what} looks like ${kind.name}, not text; Skim reads web pages, text, HTML and PDF.`;
}
