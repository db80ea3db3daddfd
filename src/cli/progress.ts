/** Where progress is drawn: a terminal's stderr. */
export interface ProgressStream {
  write(text: string): unknown;
}

/** A batch's progress line: lines done, pages a second, errors so far. */
export interface Progress {
  /** One more line done; `failed` when it gave an error line. */
  lineDone(failed: boolean): void;
  /** Takes the line off the screen before a result is printed, when results go to the same terminal. */
  clear(): void;
  /** Draws the last state and ends its line. */
  finish(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Whether the stream is a terminal; progress is drawn only on one. */
  tty: boolean;
  /** Whether results go to the same terminal, so the progress line must make way for each. */
  outputOnTerminal?: boolean;
  /** Milliseconds, monotonic; injected by tests. */
  now?: () => number;
  /** Least time between redraws, so a fast batch does not spend its time drawing. */
  redrawMs?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

/** The progress text: "12 lines · 3.4 pages/s · 1 error". */
export function progressText(done: number, errors: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const lines = `${done} ${done === 1 ? 'line' : 'lines'}`;
  const errorText = `${errors} ${errors === 1 ? 'error' : 'errors'}`;
  return `${lines} · ${rate.toFixed(rate >= 10 ? 0 : 1)} pages/s · ${errorText}`;
}

/**
 * Progress of a `--jsonl` batch on stderr, redrawn in place on a terminal; nothing at all when stderr is not
 * a terminal (a script's log stays clean).
 */
export function createProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  if (!options.tty) return { lineDone: () => undefined, clear: () => undefined, finish: () => undefined };
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  const start = now();
  let done = 0;
  let errors = 0;
  let drawnAt = -Infinity;
  let shown = false;
  const draw = () => {
    drawnAt = now();
    shown = true;
    stream.write(`${CLEAR_LINE}${progressText(done, errors, drawnAt - start)}`);
  };
  return {
    lineDone(failed) {
      done++;
      if (failed) errors++;
      if (now() - drawnAt >= redrawMs) draw();
    },
    clear() {
      if (!shown || !options.outputOnTerminal) return;
      stream.write(CLEAR_LINE);
      shown = false;
      drawnAt = -Infinity;
    },
    finish() {
      if (done === 0) return;
      draw();
      stream.write('\n');
    },
  };
}
