import { ACCEPT_ENCODING } from './body.js';

/** What Skim accepts, most wanted first, in the shape browsers send so sites serve their normal page. */
export const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/** The Accept-Language sent when the caller names none. */
export const DEFAULT_ACCEPT_LANGUAGE = 'en-US,en;q=0.9';

/**
 * The User-Agent Skim sends: it names Skim and where a site operator can reach whoever runs this bot
 * (OPERATOR_CONTACT_URL in the config), in the usual `compatible` crawler form.
 */
export function skimUserAgent(contactUrl: string, version = '0.1'): string {
  return `Mozilla/5.0 (compatible; Skim/${version}; +${contactUrl})`;
}

/** The request headers of every hop. */
export function requestHeaders(userAgent: string, acceptLanguage: string): Record<string, string> {
  return {
    'user-agent': userAgent,
    accept: ACCEPT,
    'accept-language': acceptLanguage,
    'accept-encoding': ACCEPT_ENCODING,
  };
}

/** One response header as a single string (the last one when the server repeated it). */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
