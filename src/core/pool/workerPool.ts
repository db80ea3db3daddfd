import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SkimError, type SkimErrorCode } from '../errors.js';

/** Sizing and budgets of a {@link WorkerPool}. */
export interface PoolOptions {
  /** The worker module (a file URL); a `.ts` module is loaded through tsx. */
  entry: URL;
  /** Workers kept running; `auto` or undefined is one per core but one. */
  size?: number | 'auto';
  /** Jobs that may wait for a worker; past that, `run` rejects with BUSY at once. */
  queueSize: number;
  /** Time one job may take in a worker before the worker is replaced and the job fails. */
  jobTimeoutMs: number;
  /** Heap cap of each worker, so that one huge page kills its worker rather than the process. */
  maxHeapMb?: number;
  /** Told about workers that crashed or timed out (for logs). */
  onWorkerLost?: (reason: string, error?: unknown) => void;
}

/** The message a worker sends back for a job. */
export type WorkerReply<O> =
  | { id: number; ok: true; value: O }
  | { id: number; ok: false; error: SerializedError }
  | { ready: true };

/** An error as it crosses the thread boundary. */
export interface SerializedError {
  code?: SkimErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

interface Job<I, O> {
  id: number;
  input: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

interface Slot<I, O> {
  worker: Worker;
  /** Set once the worker has loaded its module; jobs go only to ready workers, so boot time is not billed to a job. */
  ready: boolean;
  job?: Job<I, O>;
  timer?: NodeJS.Timeout;
}

/**
 * A fixed pool of worker threads with a bounded queue. CPU-heavy work runs here so the main thread keeps
 * answering Discord on time. A worker that crashes or overruns its time budget is replaced, and its job
 * fails with a clean SkimError; a full queue rejects new jobs with BUSY instead of letting them hang.
 */
/** Workers lost in a row before any became ready, after which the pool stops starting them for now. */
const MAX_BOOT_FAILURES = 3;

export class WorkerPool<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private readonly queue: Job<I, O>[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers lost before they were ready, since one last was. */
  private bootFailures = 0;
  readonly size: number;

  constructor(private readonly options: PoolOptions) {
    // One core stays with the main thread, which must answer heartbeats and interactions on time.
    this.size = options.size === undefined || options.size === 'auto' ? Math.max(1, availableParallelism() - 1) : Math.max(1, options.size);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Jobs waiting for a worker. */
  get pending(): number {
    return this.queue.length;
  }

  /** Jobs running now. */
  get running(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Runs one job. @throws SkimError BUSY when the queue is full, TIMEOUT or PARSE_FAILED when its worker is lost. */
  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new SkimError('BUSY', 'Skim is shutting down; try again shortly.'));
    this.refill();
    if (this.queue.length >= this.options.queueSize) {
      return Promise.reject(new SkimError('BUSY'));
    }
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; queued jobs are rejected with BUSY. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SkimError('BUSY', 'Skim is shutting down; try again shortly.'));
    await Promise.all(
      this.slots.map(async (slot) => {
        clearTimeout(slot.timer);
        slot.job?.reject(new SkimError('BUSY', 'Skim is shutting down; try again shortly.'));
        slot.job = undefined;
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot<I, O> {
    const worker = startWorker(this.options.entry, this.options.maxHeapMb);
    const slot: Slot<I, O> = { worker, ready: false };
    worker.on('message', (reply: WorkerReply<O>) => this.settle(slot, reply));
    worker.on('error', (error) => this.lose(slot, 'crashed', new SkimError('PARSE_FAILED', undefined, { cause: error })));
    worker.on('exit', (code) => this.lose(slot, `exited (${code})`, new SkimError('PARSE_FAILED')));
    // Referenced while booting, so queued jobs keep the process alive; idle workers never do.
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.lose(slot, 'timed out', new SkimError('TIMEOUT', 'That page took too long to process.')),
        this.options.jobTimeoutMs,
      );
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, input: job.input });
    }
  }

  private settle(slot: Slot<I, O>, reply: WorkerReply<O>): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.bootFailures = 0;
      this.dispatch();
      if (!slot.job) slot.worker.unref();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (reply.ok) job.resolve(reply.value);
    else job.reject(deserializeError(reply.error));
    this.dispatch();
  }

  /** Fails the worker's job, if any, and puts a fresh worker in its place. */
  private lose(slot: Slot<I, O>, reason: string, error: SkimError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (this.closed) {
      this.slots.splice(index, 1);
      return;
    }
    this.options.onWorkerLost?.(reason, error.cause);
    if (!slot.ready && ++this.bootFailures >= MAX_BOOT_FAILURES) {
      this.giveUpBooting(index);
      return;
    }
    this.slots[index] = this.spawn();
    job?.reject(error);
    this.dispatch();
  }

  /**
   * Workers that die before loading their module (a broken install, a bad flag) would die again: stop
   * starting them, and fail the waiting jobs when no worker is left to run them, instead of letting them
   * hang. The next job tries again ({@link refill}).
   */
  private giveUpBooting(index: number): void {
    this.slots.splice(index, 1);
    if (this.slots.some((s) => s.ready)) return;
    for (const job of this.queue.splice(0)) job.reject(new SkimError('BUSY', 'Skim could not start its workers; try again shortly.'));
  }

  /** Starts workers in the places {@link giveUpBooting} left empty. */
  private refill(): void {
    if (this.slots.length >= this.size) return;
    this.bootFailures = 0;
    while (this.slots.length < this.size) this.slots.push(this.spawn());
  }
}

/**
 * Starts a worker; a `.ts` module is loaded through tsx's loader, as in development and tests. The worker gets
 * none of the parent's Node flags: it only digests, and a parent's `--import` hooks (a test's loopback
 * network, a profiler) are not its business; one written in TypeScript cannot even load in a worker.
 */
function startWorker(entry: URL, maxHeapMb: number | undefined): Worker {
  const resourceLimits = { execArgv: [], ...(maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}) };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, resourceLimits);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, ...resourceLimits });
}

/** Turns a thrown value into something that crosses threads. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof SkimError) return { code: error.code, message: error.message, details: error.details };
  return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function deserializeError(error: SerializedError): Error {
  if (error.code) return new SkimError(error.code, error.message, { details: error.details ?? {} });
  return new Error(error.message);
}
