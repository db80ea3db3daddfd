import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import type { Logger } from '../logger.js';
import { plainText } from './escape.js';
import { isRefusal } from './permissions.js';
import { cutText } from './render/fit.js';
import type { ThreadLink, ThreadLinks } from './threadLinks.js';

/** Discord's limit on a thread's name. */
export const THREAD_NAME_LIMIT = 100;

/** A thread's name from an article's title: one line, at most 100 characters, cut between words. */
export function threadName(title: string): string {
  const name = cutText(plainText(title), THREAD_NAME_LIMIT);
  return name || 'Summary';
}

/** How follow-up questions reach a summary. */
export type FollowUpMode = 'thread' | 'button' | 'none';

/** A summary just posted, and how to offer questions about it. */
export interface FollowUpRequest {
  message: Message;
  link: ThreadLink;
  /** Whether to try a thread; when it fails (or is not tried) the message gets the button. */
  canThread: boolean;
  /** Whether the message already carries the "Ask a question" button. */
  hasButton: boolean;
  /** Adds the button to the message (after a failed thread). */
  addButton: () => Promise<unknown>;
}

/**
 * Stores what the summary is about and opens a thread named from the first article's title, archiving after
 * a day; when the thread cannot be made, the summary gets the "Ask a question" button instead. Discord's
 * refusals are logged and never retried. Never throws: the summary is already posted, and a failure here
 * must not replace it with an error.
 */
export async function offerFollowUps(request: FollowUpRequest, links: ThreadLinks, logger: Logger): Promise<FollowUpMode> {
  const { message, link } = request;
  try {
    await links.set(message.id, link);
  } catch (error) {
    // The summary is out already: without its link no question could be answered, so offer none.
    logger.warn({ err: error, messageId: message.id }, 'could not store what the summary is about; no questions offered');
    return 'none';
  }
  if (request.canThread) {
    try {
      const thread = await message.startThread({
        name: threadName(link.articles[0]?.title ?? ''),
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        reason: 'Questions about a summary',
      });
      // A thread started from a message shares its id; storing both keeps lookups by either one simple.
      if (thread.id !== message.id) await links.set(thread.id, link);
      return 'thread';
    } catch (error) {
      logger.info({ err: error, messageId: message.id, refused: isRefusal(error) }, 'could not open a thread; offering the button');
    }
  }
  if (request.hasButton) return 'button';
  try {
    await request.addButton();
    return 'button';
  } catch (error) {
    logger.info({ err: error, messageId: message.id }, 'could not add the question button');
    return 'none';
  }
}
