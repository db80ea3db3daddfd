import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * The CLI's results stream, watched for its reader going away (`skim ... | head -1`): a write to a closed
 * pipe fails with EPIPE, which would otherwise crash the process with a stack trace. Once closed, `signal`
 * aborts, so the caller stops reading and working, and writes are dropped.
 */
export interface Output {
  /** Writes a line, waiting while the stream is full; resolves at once when the reader has gone. */
  writeLine(line: string): Promise<void>;
  /** Aborted when the reader has gone. */
  readonly signal: AbortSignal;
  /** Whether the reader has gone. */
  readonly closed: boolean;
}

/** Errors that mean the reader went away, not that something is wrong. */
const GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ECONNRESET']);

/** Watches a stream for its reader going away; any other write error is rethrown as before. */
export function watchOutput(stream: Writable): Output {
  const controller = new AbortController();
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!GONE.has(error.code ?? '')) throw error;
    controller.abort();
  });
  return {
    signal: controller.signal,
    get closed() {
      return controller.signal.aborted;
    },
    async writeLine(line) {
      if (controller.signal.aborted) return;
      if (stream.write(`${line}\n`)) return;
      await once(stream, 'drain', { signal: controller.signal }).catch(() => undefined);
    },
  };
}

/** Keeps a stream's write errors from crashing the process: for stderr, where a closed reader changes nothing. */
export function ignoreWriteErrors(stream: Writable): void {
  stream.on('error', () => undefined);
}
