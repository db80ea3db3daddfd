import { parentPort } from 'node:worker_threads';
import { serializeError, type WorkerReply } from './workerPool.js';

/**
 * Serves jobs in a worker thread: each message `{id, input}` is answered with `{id, ok, value | error}`.
 * Worker modules call this with their job function.
 */
export function serveJobs<I, O>(handle: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', async ({ id, input }: { id: number; input: I }) => {
    let reply: WorkerReply<O>;
    try {
      reply = { id, ok: true, value: await handle(input) };
    } catch (error) {
      reply = { id, ok: false, error: serializeError(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}
