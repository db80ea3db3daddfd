import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { SkimError } from '../errors.js';

/** More stacked encodings than this is not a real page. */
const MAX_CODINGS = 2;

/**
 * The encodings Skim asks for. Not deflate: servers send it zlib-wrapped or raw, and every server that speaks
 * deflate also speaks gzip.
 */
export const ACCEPT_ENCODING = 'gzip, br';

type Stage = NodeJS.ReadableStream | NodeJS.ReadWriteStream | NodeJS.WritableStream;

/** `pipeline` over a list whose length is known only at run time (Node supports it; its types do not). */
const pipelineOf = pipeline as unknown as (stages: Stage[], options: { signal: AbortSignal }) => Promise<void>;

function tooLarge(): SkimError {
  return new SkimError('TOO_LARGE');
}

/** Passes bytes through and fails as soon as more than `maxBytes` went by. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.byteLength;
      callback(seen > maxBytes ? tooLarge() : null, chunk);
    },
  });
}

function decoderFor(coding: string): Transform | undefined {
  switch (coding) {
    case 'identity':
    case '':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      // Sync flush on end: a truncated page still yields what arrived, as in browsers.
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      // Not asked for (see ACCEPT_ENCODING); read zlib-wrapped as the spec says if a server sends it anyway.
      return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new SkimError('PARSE_FAILED', "The site sent the page in a compression Skim can't read.", {
        details: { contentEncoding: coding },
      });
  }
}

/** The decoders for a Content-Encoding header, in the order to apply them (the reverse of the header's). */
export function decodersFor(contentEncoding: string | undefined): Transform[] {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  if (codings.length > MAX_CODINGS) {
    throw new SkimError('PARSE_FAILED', "The site sent the page in a compression Skim can't read.");
  }
  return codings.reverse().flatMap((coding) => decoderFor(coding) ?? []);
}

/**
 * Reads a response body while streaming: at most `maxBytes` on the wire and at most `maxBytes` once
 * decompressed, so a huge page or a compression bomb stops at the limit instead of filling memory.
 * @throws SkimError TOO_LARGE past either limit; stream errors are left to the caller to map.
 */
export async function readLimitedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // A Writable rather than an async function: Node 20's pipeline reports an async sink's error as an AbortError.
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      if (size > maxBytes) return callback(tooLarge());
      chunks.push(chunk);
      callback();
    },
  });
  const decoders = decodersFor(contentEncoding);
  await pipelineOf([body, byteLimit(maxBytes), ...decoders, collect], { signal });
  return Buffer.concat(chunks, size);
}
