/** Stable error codes shared by the CLI's JSON output and the bot's replies. */
export type SkimErrorCode =
  | 'BAD_INPUT'
  | 'BAD_URL'
  | 'BLOCKED_ADDRESS'
  | 'DNS'
  | 'TLS'
  | 'CONNECTION'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'HTTP_STATUS'
  | 'PAYWALL'
  | 'NOT_HTML'
  | 'NOT_AN_ARTICLE'
  | 'PARSE_FAILED'
  | 'TOO_MANY_REDIRECTS'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'CACHE'
  | 'PERMISSION'
  | 'INTERNAL';

const DEFAULT_MESSAGES: Record<SkimErrorCode, string> = {
  BAD_INPUT: "That input can't be summarized.",
  BAD_URL: "That doesn't look like a web link (http or https).",
  BLOCKED_ADDRESS: "That address isn't allowed: it points to a private or local network.",
  DNS: "That site's name couldn't be found.",
  TLS: "The site's secure connection (TLS) failed.",
  CONNECTION: "The site couldn't be reached.",
  TIMEOUT: 'The site took too long to answer.',
  TOO_LARGE: 'That page is too large to summarize.',
  HTTP_STATUS: 'The site answered with an error.',
  PAYWALL: 'That page is behind a login or paywall.',
  NOT_HTML: "That link isn't a web page.",
  NOT_AN_ARTICLE: "No article text was found on that page.",
  PARSE_FAILED: "That page couldn't be read.",
  TOO_MANY_REDIRECTS: 'That link redirects too many times.',
  RATE_LIMITED: "You're going a bit fast; try again shortly.",
  BUSY: 'Skim is busy right now; try again shortly.',
  CACHE: 'The cache is unavailable.',
  PERMISSION: "Skim doesn't have permission to do that here.",
  INTERNAL: 'Something went wrong on our side. Sorry!',
};

/** Wordings for pasted text and text files, for the codes whose default speaks of a page. */
const TEXT_INPUT_MESSAGES: Partial<Record<SkimErrorCode, string>> = {
  NOT_AN_ARTICLE: 'There is too little article text in that paste to summarize.',
};

/** Options for a {@link SkimError}. */
export interface SkimErrorOptions {
  /** The underlying error, kept for logs and never shown to users. */
  cause?: unknown;
  /** Extra facts for logs and JSON output (status code, content type, retry delay...). */
  details?: Record<string, unknown>;
}

/**
 * An expected failure with a stable `code` and a message that is safe to show a user as is.
 * Anything thrown that is not a SkimError is a bug, and is shown only as a generic apology.
 */
export class SkimError extends Error {
  readonly code: SkimErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: SkimErrorCode, message: string = DEFAULT_MESSAGES[code], options: SkimErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SkimError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Thrown when a page or text holds no readable article. */
export class NotAnArticleError extends SkimError {
  constructor(message: string = DEFAULT_MESSAGES.NOT_AN_ARTICLE, options?: SkimErrorOptions) {
    super('NOT_AN_ARTICLE', message, options);
    this.name = 'NotAnArticleError';
  }
}

/** Type guard for {@link SkimError}. */
export function isSkimError(error: unknown): error is SkimError {
  return error instanceof SkimError;
}

/** The user-facing code and message for any thrown value; unexpected errors become `INTERNAL`. */
export function toUserError(error: unknown): { code: SkimErrorCode; message: string } {
  if (isSkimError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
}

/** The default user-facing sentence for a code. */
export function defaultMessage(code: SkimErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** The user-facing sentence for a code when the input was pasted text or a text file rather than a page. */
export function textInputMessage(code: SkimErrorCode): string {
  return TEXT_INPUT_MESSAGES[code] ?? DEFAULT_MESSAGES[code];
}
