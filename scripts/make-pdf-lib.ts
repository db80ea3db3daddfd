/**
 * A small PDF writer for test fixtures and benches: pages of positioned text in the standard fonts (never
 * embedded), optional gray images, an Info title, and the standard security handler (RC4, revision 2), all
 * written as PDF syntax by hand so that every byte of a fixture is known. Text is laid out by
 * {@link flowPages}: paragraphs wrapped into one or more columns, with running headers, footers, page numbers
 * and words hyphenated at line ends when asked.
 */
import { createHash } from 'node:crypto';

/** One run of text at a baseline position, in points from the page's bottom-left corner. */
export interface TextRun {
  x: number;
  y: number;
  size: number;
  font?: 'regular' | 'bold';
  text: string;
  /** Runs the text up the page (a stamp in the margin) instead of across it. */
  vertical?: boolean;
}

/** A gray image drawn at a box (a "scan"). */
export interface ImageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page to write. */
export interface PageSpec {
  runs: TextRun[];
  images?: ImageBox[];
}

/** Document options: metadata title, and a password (the file then needs it to be read). */
export interface PdfOptions {
  title?: string;
  /** Encrypts with these passwords; an empty user password makes a file anyone may open but not edit. */
  encrypt?: { user: string; owner: string };
}

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

/** Body text in Courier, whose every glyph is 0.6 em wide: lines are wrapped exactly as a typesetter would. */
const FONTS = { regular: 'Courier', bold: 'Helvetica-Bold' } as const;

/** The standard security handler's padding string (PDF 32000-1, 7.6.3.3). */
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

/** Writes a PDF file of the given pages. */
export function buildPdf(pages: PageSpec[], options: PdfOptions = {}): Buffer {
  const objects: Array<(encrypt: Encryptor) => Buffer> = [];
  const add = (make: (encrypt: Encryptor) => Buffer): number => objects.push(make);
  const catalog = add(() => Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  const pagesId = catalog + 1;
  const kids: number[] = [];
  const fontIds: Record<string, number> = {};
  add(() => Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`));
  for (const [key, base] of Object.entries(FONTS)) {
    fontIds[key] = add(() => Buffer.from(`<< /Type /Font /Subtype /Type1 /BaseFont /${base} /Encoding /WinAnsiEncoding >>`));
  }
  const fontDict = Object.entries(fontIds).map(([key, id]) => `/${fontName(key)} ${id} 0 R`).join(' ');
  const image: number = pages.some((p) => p.images?.length) ? add((enc): Buffer => grayImage(enc, image)) : 0;
  for (const page of pages) {
    const contentId: number = add((enc): Buffer => stream(enc, contentId, Buffer.from(pageContent(page), 'latin1')));
    const xobjects = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(
      add(() => Buffer.from(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << ${fontDict} >>${xobjects} >> /Contents ${contentId} 0 R >>`)),
    );
  }
  const id = createHash('md5').update(JSON.stringify(pages)).digest();
  const security = options.encrypt ? securityHandler(options.encrypt, id) : undefined;
  const info = options.title && !security ? add(() => Buffer.from(`<< /Title ${pdfString(options.title!)} /Producer (skim fixtures) >>`)) : 0;
  const encryptId = security ? add(() => Buffer.from(security.dictionary)) : 0;
  return serialize(objects, security?.encryptor ?? plain, {
    root: catalog,
    info,
    encrypt: encryptId,
    id: id.toString('hex'),
  });
}

function fontName(key: string): string {
  return key === 'bold' ? 'F2' : 'F1';
}

/** Encrypts the bytes of object `id` (streams and strings); the identity without a password. */
type Encryptor = (id: number, bytes: Buffer) => Buffer;
const plain: Encryptor = (_id, bytes) => bytes;

function serialize(objects: Array<(e: Encryptor) => Buffer>, encrypt: Encryptor, trailer: { root: number; info: number; encrypt: number; id: string }): Buffer {
  // The second line's high bytes tell tools the file is binary, as PDF writers do.
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((make, i) => {
    const id = i + 1;
    const body = Buffer.concat([Buffer.from(`${id} 0 obj\n`), make(id === trailer.encrypt ? plain : encrypt), Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    offset += body.length;
    parts.push(body);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const extra = `${trailer.info ? ` /Info ${trailer.info} 0 R` : ''}${trailer.encrypt ? ` /Encrypt ${trailer.encrypt} 0 R` : ''}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${trailer.root} 0 R${extra} /ID [<${trailer.id}> <${trailer.id}>] >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function stream(encrypt: Encryptor, id: number, data: Buffer): Buffer {
  const bytes = encrypt(id, data);
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} >>\nstream\n`), bytes, Buffer.from('\nendstream')]);
}

/** An 8×8 gray noise image, drawn scaled: the only thing on a "scanned" page. */
function grayImage(encrypt: Encryptor, id: number): Buffer {
  const pixels = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
  const bytes = encrypt(id, pixels);
  return Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${bytes.length} >>\nstream\n`),
    bytes,
    Buffer.from('\nendstream'),
  ]);
}

function pageContent(page: PageSpec): string {
  const images = (page.images ?? []).map((b) => `q ${b.width} 0 0 ${b.height} ${b.x} ${b.y} cm /Im1 Do Q`);
  const runs = page.runs.map((r) => `BT /${fontName(r.font ?? 'regular')} ${r.size} Tf ${r.vertical ? '0 1 -1 0' : '1 0 0 1'} ${r.x.toFixed(2)} ${r.y.toFixed(2)} Tm ${pdfString(r.text)} Tj ET`);
  return [...images, ...runs].join('\n');
}

/** WinAnsi codes of the characters above Latin-1 that the standard fonts have. */
const WIN_ANSI: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 };

/** Whether the standard fonts can show a text (WinAnsi): Latin-1 and a few typographic marks. */
export function isWinAnsi(text: string): boolean {
  return [...text].every((c) => c.charCodeAt(0) <= 0xff || c in WIN_ANSI);
}

/** A PDF literal string in WinAnsi bytes; a character outside it becomes "?". */
function pdfString(text: string): string {
  const bytes = [...text].map((c) => (c.charCodeAt(0) <= 0xff ? String.fromCharCode(c.charCodeAt(0)) : c in WIN_ANSI ? String.fromCharCode(WIN_ANSI[c]!) : '?'));
  return `(${bytes.join('').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The /Encrypt dictionary and object encryptor of the standard security handler, revision 2 (40-bit RC4). */
function securityHandler(passwords: { user: string; owner: string }, id: Buffer): { dictionary: string; encryptor: Encryptor } {
  const permissions = -44; // printing allowed, changes and copying not
  const owner = rc4(md5(padded(passwords.owner)).subarray(0, 5), padded(passwords.user));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(Buffer.concat([padded(passwords.user), owner, p, id])).subarray(0, 5);
  const user = rc4(key, PAD);
  const encryptor: Encryptor = (objectId, bytes) => {
    const salt = Buffer.from([objectId & 0xff, (objectId >> 8) & 0xff, (objectId >> 16) & 0xff, 0, 0]);
    return rc4(md5(Buffer.concat([key, salt])).subarray(0, 10), bytes);
  };
  return {
    dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
    encryptor,
  };
}

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
}

function md5(bytes: Buffer): Buffer {
  return createHash('md5').update(bytes).digest();
}

/** RC4, which OpenSSL 3 no longer offers by default. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Layout

/** How {@link flowPages} lays paragraphs out. */
export interface FlowOptions {
  title?: string;
  columns?: number;
  fontSize?: number;
  /** Running header and footer lines on every page; `{page}` is replaced by the page number. */
  header?: string;
  footer?: string;
  /** Hyphenates a word that does not fit at a line end (after its fourth letter) instead of moving it down. */
  hyphenate?: boolean;
  /** Indents the first line of each paragraph instead of leaving a blank line between paragraphs. */
  indent?: boolean;
}

const MARGIN = 60;
const GUTTER = 24;

/**
 * Lays paragraphs out on pages: the title larger than the text (up to 22 points) on the first page, then the paragraphs wrapped into the
 * columns, top to bottom and column by column. A line takes as many words as fit (Courier: 0.6 em a
 * character), as a typesetter fills it.
 */
export function flowPages(paragraphs: string[], options: FlowOptions = {}): PageSpec[] {
  const size = options.fontSize ?? 10;
  const leading = size * 1.25;
  const titleSize = Math.max(size * 1.5, Math.min(size * 2, 22));
  const columns = options.columns ?? 1;
  const columnWidth = (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns;
  const maxChars = Math.floor(columnWidth / (size * 0.6));
  const lines = paragraphs.flatMap((p, i) => [
    ...(i > 0 && !options.indent ? [''] : []),
    ...wrap(p, maxChars, options.indent === true, options.hyphenate === true),
  ]);
  const top = PAGE_HEIGHT - MARGIN - 20;
  const bottom = MARGIN + 20;
  const pages: PageSpec[] = [];
  let page: PageSpec | undefined;
  let column = 0;
  let y = 0;
  const newPage = () => {
    page = { runs: [] };
    pages.push(page);
    const n = pages.length;
    if (options.header) page.runs.push({ x: MARGIN, y: PAGE_HEIGHT - MARGIN + 10, size: 8, text: options.header.replace('{page}', String(n)) });
    if (options.footer) page.runs.push({ x: MARGIN, y: MARGIN - 20, size: 8, text: options.footer.replace('{page}', String(n)) });
    column = 0;
    y = top;
    if (n === 1 && options.title) {
      page.runs.push({ x: MARGIN, y, size: titleSize, font: 'bold', text: options.title });
      y -= size * 4;
    }
  };
  newPage();
  const columnTop = () => (pages.length === 1 && options.title ? top - size * 4 : top);
  for (const line of lines) {
    if (y < bottom) {
      if (column + 1 < columns) {
        column += 1;
        y = columnTop();
      } else newPage();
    }
    if (line === '' && y === columnTop()) continue;
    const indent = line.startsWith('\t') ? size * 2 : 0;
    if (line !== '') page!.runs.push({ x: MARGIN + column * (columnWidth + GUTTER) + indent, y, size, text: line.replace(/^\t/, '') });
    y -= leading;
  }
  return pages;
}

/** Wraps a paragraph greedily; a tab marks an indented first line. */
function wrap(paragraph: string, maxChars: number, indent: boolean, hyphenate: boolean): string[] {
  const lines: string[] = [];
  let current = indent ? '\t' : '';
  const room = () => maxChars - current.replace('\t', '    ').length;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const gap = current.trim() === '' ? 0 : 1;
    if (word.length + gap <= room()) {
      current += (gap ? ' ' : '') + word;
      continue;
    }
    const cut = room() - gap - 1;
    if (hyphenate && /^[a-z]+$/i.test(word) && cut >= 4 && word.length - cut >= 3) {
      lines.push(`${current}${gap ? ' ' : ''}${word.slice(0, cut)}-`);
      current = word.slice(cut);
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current.trim()) lines.push(current);
  return lines;
}
