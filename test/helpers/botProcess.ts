/**
 * Runs the bot's real entry point (`src/index.ts`) as a child process, as `npm start` does, and reads its JSON
 * log lines (pino, on stderr) as they come. The process may fetch pages from 127.0.0.1 (see loopbackFetch/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const loopbackFetch = fileURLToPath(new URL('./loopbackFetch/register.ts', import.meta.url));

/** A log record of the bot process (or of one of its shards, whose output it inherits). */
export type LogRecord = Record<string, unknown> & { level: number; msg?: string; name?: string; pid?: number };

/** A running bot process. */
export interface BotProcess {
  readonly child: ChildProcess;
  /** Parsed log lines so far, in order. */
  readonly logs: LogRecord[];
  /** Lines of stdout and stderr that were not JSON (for failure messages). */
  readonly otherOutput: string[];
  /** Resolves with the first log record (past or future) that matches; rejects on timeout or exit. */
  waitForLog(test: (record: LogRecord) => boolean, timeoutMs: number, what: string): Promise<LogRecord>;
  /** Sends `signal` and resolves with the exit code; SIGKILLs and rejects if it has not exited in time. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<number | null>;
}

/**
 * Starts `node --import tsx src/index.ts` (or `script` with `nodeArgs`: `dist/src/index.js` and none, as the image
 * runs it) in the project root with exactly `env` (plus PATH and HOME): no `.env`
 * or test-runner variables leak in. A process left running when the test process exits is killed.
 */
export function startBotProcess(env: Record<string, string>, script = 'src/index.ts', nodeArgs = ['--import', 'tsx', '--import', loopbackFetch]): BotProcess {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  const logs: LogRecord[] = [];
  const otherOutput: string[] = [];
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.trim() !== '')) {
        const record = parseRecord(line);
        if (record) logs.push(record);
        else otherOutput.push(line);
      }
      notify();
    });
  }
  child.once('exit', notify);

  const waitForLog: BotProcess['waitForLog'] = (test, timeoutMs, what) =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = logs.find(test);
        if (found) finish(() => resolve(found));
        else if (child.exitCode !== null || child.signalCode !== null) finish(() => reject(failure(`exited before ${what}`)));
      };
      const timer = setTimeout(() => finish(() => reject(failure(`no ${what} within ${timeoutMs} ms`))), timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const failure = (message: string): Error => {
    const recent = [...logs.slice(-15).map((r) => JSON.stringify(r)), ...otherOutput.slice(-15)].join('\n');
    return new Error(`bot process ${message}; recent output:\n${recent}`);
  };

  return {
    child,
    logs,
    otherOutput,
    waitForLog,
    async stop(signal, timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(failure(`did not exit within ${timeoutMs} ms of ${signal}`));
        }, timeoutMs);
      });
      try {
        const [code] = await Promise.race([exited, late]);
        return code;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function parseRecord(line: string): LogRecord | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return value !== null && typeof value === 'object' && typeof (value as LogRecord).level === 'number' ? (value as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id still exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The ids of a process's descendants (children, their children...), read from /proc; undefined where there is no
 * /proc (not Linux).
 */
export function descendantProcessIds(pid: number): number[] | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const children = childProcessIds(pid);
  return [...children, ...children.flatMap((child) => descendantProcessIds(child) ?? [])];
}

function childProcessIds(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Fields after the command name (which may hold spaces, in parentheses): state, then the parent's id.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}
