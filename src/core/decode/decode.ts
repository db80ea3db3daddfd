import iconv from 'iconv-lite';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** WHATWG label aliases iconv-lite does not know by the same name. */
const LABEL_ALIASES: Record<string, string> = {
  'x-sjis': 'shift_jis',
  'ms932': 'shift_jis',
  'windows-31j': 'shift_jis',
  'x-gbk': 'gbk',
  'gb2312': 'gbk', // WHATWG decodes gb2312 as GBK, a superset
  'iso-8859-1': 'windows-1252', // browsers read Latin-1 labels as Windows-1252
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'ks_c_5601-1987': 'euc-kr',
  'unicode': 'utf-16le',
};

function normalizeLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = LABEL_ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : undefined;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  }
  return undefined;
}

/** Finds `<meta charset>` or `<meta http-equiv=content-type content="...charset=...">` in the first bytes. */
function metaCharset(bytes: Uint8Array): string | undefined {
  // The HTML spec's prescan looks at the first 1024 bytes; real pages often put it later, so look further.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return direct?.[1];
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes page bytes to a string, choosing the encoding the way browsers do: a byte-order mark, then the
 * HTTP charset, then `<meta charset>`/`http-equiv`, then UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
  const declared = normalizeLabel(headerCharset) ?? normalizeLabel(metaCharset(bytes));
  // A page that declares a single-byte charset but is valid UTF-8 with non-ASCII bytes was almost surely
  // mislabelled by its server; UTF-8 multi-byte sequences are very unlikely to occur by chance.
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    if (/^(windows-125\d|iso-8859-\d+)$/.test(declared) && hasNonAscii(bytes) && isValidUtf8(bytes)) {
      return Buffer.from(bytes).toString('utf8');
    }
    return iconv.decode(Buffer.from(bytes), declared);
  }
  if (declared || isValidUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  return iconv.decode(Buffer.from(bytes), 'windows-1252');
}

/** Decodes plain-text bytes: BOM, the given charset, UTF-8 when valid, else Windows-1252. */
export function decodeText(bytes: Uint8Array, headerCharset?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
  const declared = normalizeLabel(headerCharset);
  if (declared) return iconv.decode(Buffer.from(bytes), declared);
  if (isValidUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  return iconv.decode(Buffer.from(bytes), 'windows-1252');
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
