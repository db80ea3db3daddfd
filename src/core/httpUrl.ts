import { SkimError } from './errors.js';

/**
 * Parses a link (relative to `base` for a redirect's Location) and keeps only what may be fetched: http or https,
 * a host, no user name or password. The fragment is dropped; servers never see it. One parser for the fetcher
 * and the cache keys, so that a link is keyed exactly when it can be fetched. Light (no undici): the cache on
 * the bot's main thread loads it.
 * @throws SkimError('BAD_URL'), with a message fit to show a user for a refused scheme or credentials.
 */
export function parseHttpUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch (cause) {
    throw new SkimError('BAD_URL', undefined, { cause, details: { url: input } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SkimError('BAD_URL', 'Only http and https links can be fetched.', { details: { scheme: url.protocol } });
  }
  if (url.username || url.password) {
    throw new SkimError('BAD_URL', "Links with a user name or password can't be fetched.");
  }
  if (!url.hostname) throw new SkimError('BAD_URL', undefined, { details: { url: input } });
  url.hash = '';
  return url;
}
