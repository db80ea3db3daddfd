/**
 * The record of every REST call the fake answered, with matchers and waits a test can use on it.
 */
import { EventEmitter } from 'node:events';

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

/** One REST call as the fake saw and answered it. */
export interface RecordedCall {
  method: string;
  /** Path under `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  /** The matched route, e.g. `POST /channels/:channel/messages`, or `METHOD (unknown)`. */
  route: string;
  /** Route parameters by name (`channel`, `message`, `token`...). */
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body; for multipart requests, the parsed `payload_json`. */
  body: unknown;
  /** Files of a multipart request. */
  files: RecordedFile[];
  /** Whether the request carried the bot's token (`Authorization: Bot ...`). */
  authorized: boolean;
  status: number;
  /** What the fake answered (undefined for 204). */
  response: unknown;
  /** Date.now() when answered. */
  at: number;
}

/**
 * Picks calls: a predicate, a RegExp tested on `"METHOD /path"`, or a string `"METHOD /route"` whose
 * segments are literal (`/channels/123/messages`) or placeholders (`:id`, `*`), e.g. `"POST /channels/:id/messages"`.
 */
export type CallMatcher = ((call: RecordedCall) => boolean) | RegExp | string;

/** Turns a matcher into a predicate on method and path. */
export function compileMatcher(matcher: CallMatcher): (call: Pick<RecordedCall, 'method' | 'path'>) => boolean {
  if (typeof matcher === 'function') return matcher as (call: Pick<RecordedCall, 'method' | 'path'>) => boolean;
  if (matcher instanceof RegExp) return (call) => matcher.test(`${call.method} ${call.path}`);
  const [method, pattern] = matcher.trim().split(/\s+/, 2);
  if (!method || !pattern) throw new Error(`fake Discord: a matcher string is "METHOD /route", got "${matcher}"`);
  const parts = pattern.split('/');
  return (call) => {
    if (method !== '*' && call.method !== method.toUpperCase()) return false;
    const segments = call.path.split('/');
    return segments.length === parts.length &&
      parts.every((p, i) => p === '*' || p.startsWith(':') || p === segments[i]);
  };
}

/** A one-line summary of a call, for error messages. */
export function describeCall(call: RecordedCall): string {
  const body = call.body === undefined ? '' : ` ${JSON.stringify(call.body).slice(0, 120)}`;
  return `${call.method} ${call.path} -> ${call.status}${body}`;
}

const POLL_MS = 20;

/** Keeps calls in order and wakes waiters whenever something changes. */
export class CallLog {
  readonly calls: RecordedCall[] = [];
  /** Emits `change` after every call and every state change a test may wait on. */
  readonly changes = new EventEmitter();

  constructor() {
    this.changes.setMaxListeners(0);
  }

  add(call: RecordedCall): void {
    this.calls.push(call);
    this.changed();
  }

  changed(): void {
    this.changes.emit('change');
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** The last few calls, one a line, for timeout messages. */
  recent(count = 15): string {
    const lines = this.calls.slice(-count).map((c) => `  ${describeCall(c)}`);
    return lines.length ? lines.join('\n') : '  (no REST calls)';
  }

  /**
   * Resolves with the first value `check` returns that is not undefined, checking now, after every change and
   * every few milliseconds;
   * rejects after `timeoutMs` with `what` and the recent calls.
   */
  waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}. Recent REST calls:\n${this.recent()}`));
      }, timeoutMs);
      // Conditions on the client's side (its cache) change without telling the fake: poll them too.
      const poll = setInterval(onChange, POLL_MS);
      const finish = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.changes.off('change', onChange);
      };
      this.changes.on('change', onChange);
    });
  }

  /** The first call (past or future) that matches. */
  waitFor(matcher: CallMatcher, timeoutMs: number): Promise<RecordedCall> {
    const match = compileMatcher(matcher);
    return this.waitUntil(() => this.calls.find((c) => match(c)), timeoutMs, `a REST call matching ${String(matcher)}`);
  }
}
