import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../../src/core/cache/singleFlight.js';

describe('SingleFlight', () => {
  it('shares one run among concurrent callers of a key', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const work = async (): Promise<number> => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return runs;
    };
    const results = await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)]);
    expect(runs).toBe(2);
    expect(results[0]).toBe(results[1]);
    expect(flights.size).toBe(0);
  });

  it('frees the key after a failure so the next call runs again', async () => {
    const flights = new SingleFlight<string>();
    await expect(flights.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(flights.run('k', async () => 'ok')).resolves.toBe('ok');
  });
});
