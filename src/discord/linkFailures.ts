import { subtext } from 'discord.js';
import { toUserError } from '../core/errors.js';
import { cutText } from './render/fit.js';
import { CONTENT_LIMIT } from './render/text.js';

/** A link of an auto-summary that could not be summarized, and why. */
export interface LinkFailure {
  url: string;
  error: unknown;
}

/** The reaction left on a message whose links wait for a rate limit or a full queue. */
export const WAIT_REACTION = '⏳';

/** How a link's failure shows: a note in the reply, or only the wait reaction. */
export type FailureKind = 'note' | 'wait';

/** Longest link label in a note: host and path, cut. */
const LABEL_CHARS = 60;

/**
 * Rate limits and a full queue say nothing about the link, only "later": a reaction tells the poster without
 * a message for the channel to read. Every other failure is about the link (not a page, not an article,
 * blocked, too slow...) or an apology for a bug, and is said in a short note.
 */
export function failureKind(error: unknown): FailureKind {
  const { code } = toUserError(error);
  return code === 'RATE_LIMITED' || code === 'BUSY' ? 'wait' : 'note';
}

/**
 * The notes for failed links, as subtext lines: "Couldn't summarize that link: <why>" when the message had
 * one link, else one line per failed link naming it by host and path (in code, so nothing in it formats,
 * mentions or becomes a link). The reason is the error's user-safe sentence, never its details.
 */
export function failureNotes(failures: readonly LinkFailure[], linksInMessage: number): string {
  const lines = failures.map(({ url, error }) => {
    const what = linksInMessage === 1 ? 'that link' : `\`${linkLabel(url)}\``;
    return subtext(`Couldn't summarize ${what}: ${toUserError(error).message}`);
  });
  return cutText(lines.join('\n'), CONTENT_LIMIT);
}

/** "example.com/news/story", at most {@link LABEL_CHARS} characters; the scheme and query are left out. */
export function linkLabel(url: string): string {
  let label: string;
  try {
    const parsed = new URL(url);
    label = `${parsed.hostname}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    label = url;
  }
  // Backticks would end the code span; a URL's path has them percent-encoded, this is for anything else.
  label = label.replace(/`/g, '');
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}
