import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Creates the process logger. Logs go to stderr so that the CLI's stdout carries only results. Errors and
 * URLs pass through {@link LOG_SERIALIZERS}, so no log line carries a message Skim tried to post or a
 * link's query string.
 */
export function createLogger(level: string = 'info', name = 'skim'): Logger {
  return pino({ name, level, base: { pid: process.pid }, serializers: LOG_SERIALIZERS }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * A URL without its query string and fragment, which may carry tokens, e-mail addresses or tracking ids:
 * the origin and path of a link are enough to find a problem again. Anything that is not a URL is kept.
 */
export function urlForLog(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return value.replace(/[?#].*$/s, '');
  }
}

/**
 * An error as a log field: name, message, code and stack, and its causes, but never a request body
 * (discord.js keeps the message it tried to send in `requestBody`) nor a URL's query string. A Discord
 * REST error is told by its code, status, method and route.
 */
export function errorForLog(error: unknown): unknown {
  const out = pino.stdSerializers.errWithCause(error as Error) as unknown;
  return scrub(out, 0);
}

function scrub(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  const record = { ...(value as Record<string, unknown>) };
  delete record.requestBody;
  if ('method' in record && 'status' in record && typeof record.url === 'string') {
    record.route = routeOf(record.url);
    delete record.url;
  } else if ('url' in record) {
    record.url = urlForLog(record.url);
  }
  for (const key of ['details', 'cause', 'rawError']) {
    if (key in record) record[key] = scrub(record[key], depth + 1);
  }
  return record;
}

/** The path of a REST request ("/api/v10/channels/1/messages"), without host or query. */
function routeOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/[?#].*$/s, '');
  }
}

/** How the logger writes errors and URLs. */
export const LOG_SERIALIZERS = { err: errorForLog, url: urlForLog };
