import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/discord/queue.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkQueue', () => {
  it('runs up to its concurrency at once and queues the rest in order', async () => {
    const queue = new WorkQueue({ concurrency: 2, capacity: 5 });
    const gates = [deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        order.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(queue.active).toBe(2);
    expect(queue.pending).toBe(1);
    expect(order).toEqual([0, 1]);
    gates[0]!.resolve();
    expect(await runs[0]).toBe(0);
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(queue.active).toBe(0);
  });

  it('refuses work with BUSY when the queue is full', async () => {
    const queue = new WorkQueue({ concurrency: 1, capacity: 1 });
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    const second = queue.run(async () => 'second');
    await expect(queue.run(async () => 'third')).rejects.toMatchObject({ code: 'BUSY' });
    gate.resolve();
    await first;
    expect(await second).toBe('second');
  });

  it('frees the slot when a task fails', async () => {
    const queue = new WorkQueue({ concurrency: 1, capacity: 0 });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
