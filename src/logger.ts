import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Creates the process logger. Logs go to stderr so that the CLI's stdout carries only results.
 */
export function createLogger(level: string = 'info', name = 'skim'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
