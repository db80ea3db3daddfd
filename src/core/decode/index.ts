/**
 * Bytes to a source: what kind of bytes they are (a PDF, another binary format, text), their charset, and
 * whether a text is HTML source.
 */
export { decodeHtml, decodeText } from './decode.js';
export { looksLikeHtml } from './htmlSource.js';
export { sourceFromBytes } from './input.js';
export { sniffBinary, type BinaryKind } from './sniff.js';
