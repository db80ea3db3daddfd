/**
 * Small real files of the binary kinds people attach or link, made here byte by byte: each is a valid file
 * of its format (a 2×2 PNG, a GIF, a JPEG header, a WAV of silence, a ZIP and a Word document with real
 * entries and checksums, a gzip stream, an MP3 frame, an MP4 box...).
 */
import { crc32, deflateSync, gzipSync } from 'node:zlib';

const u32be = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const u32le = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
const u16le = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

/** A 2×2 grey PNG. */
export function png(): Buffer {
  const header = Buffer.concat([u32be(2), u32be(2), Buffer.from([8, 0, 0, 0, 0])]);
  const rows = Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A 1×1 GIF. */
export function gif(): Buffer {
  return Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');
}

/** The start of a JPEG: SOI and a JFIF APP0 segment. */
export function jpeg(): Buffer {
  return Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
}

/** A WAV of 100 samples of silence. */
export function wav(): Buffer {
  const samples = Buffer.alloc(200);
  const fmt = Buffer.concat([Buffer.from('fmt ', 'latin1'), u32le(16), u16le(1), u16le(1), u32le(8000), u32le(16000), u16le(2), u16le(16)]);
  const data = Buffer.concat([Buffer.from('data', 'latin1'), u32le(samples.length), samples]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(4 + fmt.length + data.length), Buffer.from('WAVE', 'latin1'), fmt, data]);
}

/** An MP3 with an ID3v2.4 tag and one MPEG-1 layer III frame header. */
export function mp3(): Buffer {
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
}

/** An MP4: an ftyp box and an empty mdat box. */
export function mp4(): Buffer {
  const ftyp = Buffer.concat([u32be(24), Buffer.from('ftypisom', 'latin1'), u32be(0x200), Buffer.from('isomiso2', 'latin1')]);
  return Buffer.concat([ftyp, u32be(8), Buffer.from('mdat', 'latin1')]);
}

/** A gzip stream of some text. */
export function gzip(): Buffer {
  return gzipSync(Buffer.from('compressed words '.repeat(50)));
}

/** A ZIP archive of stored entries, with their checksums and central directory. */
export function zip(entries: Array<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const common = Buffer.concat([u16le(20), u16le(0), u16le(0), u16le(0), u16le(0), u32le(crc32(data)), u32le(data.length), u32le(data.length), u16le(nameBytes.length), u16le(0)]);
    const local = Buffer.concat([u32le(0x04034b50), common, nameBytes, data]);
    centrals.push(Buffer.concat([u32le(0x02014b50), u16le(20), common, u16le(0), u16le(0), u16le(0), u32le(0), u32le(offset), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32le(0x06054b50), u16le(0), u16le(0), u16le(entries.length), u16le(entries.length), u32le(directory.length), u32le(offset), u16le(0)]);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word document (.docx): a ZIP with its content types and document part. */
export function docx(): Buffer {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>'],
  ]);
}

/** Compressed data with every NUL byte replaced: binary that only its share of control codes gives away. */
export function noisyBinary(): Buffer {
  let seed = 7;
  const letters = Array.from({ length: 20_000 }, () => String.fromCharCode(32 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 90)));
  const bytes = deflateSync(Buffer.from(letters.join('')));
  return Buffer.from(bytes.map((b) => (b === 0 ? 1 : b)));
}
