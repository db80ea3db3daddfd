import { SkimError } from '../errors.js';

/** Certificate and handshake failures as Node and OpenSSL name them. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;

const DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'ENONAME']);
const DNS_RETRY_CODES = new Set(['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT']);

/** The `code` of an error or of any error in its cause chain (undici wraps socket errors). */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/** Turns a failed name lookup into a user-facing DNS error. */
export function dnsError(error: unknown): SkimError {
  const retry = errorCodes(error).some((c) => DNS_RETRY_CODES.has(c));
  const message = retry ? "That site's name couldn't be looked up right now." : undefined;
  return new SkimError('DNS', message, { cause: error });
}

/**
 * Maps whatever undici, Node's sockets or zlib threw while talking to a site to a SkimError with a short,
 * user-safe message. SkimErrors pass through unchanged.
 */
export function toFetchError(error: unknown): SkimError {
  if (error instanceof SkimError) return error;
  const codes = errorCodes(error);
  const has = (code: string): boolean => codes.includes(code);
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return new SkimError('TIMEOUT', 'The site took too long to start answering.', { cause: error });
  }
  if (has('UND_ERR_BODY_TIMEOUT') || has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return new SkimError('TIMEOUT', undefined, { cause: error });
  }
  if (has('UND_ERR_HEADERS_OVERFLOW')) {
    return new SkimError('TOO_LARGE', "The site's response headers are too large.", { cause: error });
  }
  if (has('UND_ERR_RES_EXCEEDED_MAX_SIZE')) return new SkimError('TOO_LARGE', undefined, { cause: error });
  if (codes.some((c) => TLS_CODE.test(c))) return new SkimError('TLS', undefined, { cause: error });
  if (codes.some((c) => DNS_CODES.has(c) || DNS_RETRY_CODES.has(c))) return dnsError(error);
  if (codes.some((c) => c.startsWith('Z_'))) {
    return new SkimError('PARSE_FAILED', "The site sent a damaged compressed page.", { cause: error });
  }
  if (codes.some((c) => c.startsWith('HPE_'))) {
    return new SkimError('CONNECTION', 'The site sent a malformed response.', { cause: error });
  }
  return new SkimError('CONNECTION', undefined, { cause: error });
}
