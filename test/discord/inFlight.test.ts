import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/discord/inFlight.js';

describe('InFlight', () => {
  it('waits for tracked work when closing, and stops accepting', async () => {
    const inFlight = new InFlight();
    let finish!: () => void;
    let done = false;
    void inFlight.track(new Promise<void>((resolve) => (finish = resolve)).then(() => void (done = true)));
    expect(inFlight.size).toBe(1);
    const closed = inFlight.close(1_000);
    expect(inFlight.accepting).toBe(false);
    finish();
    expect(await closed).toBe(true);
    expect(done).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('gives up waiting after the bound', async () => {
    const inFlight = new InFlight();
    void inFlight.track(new Promise(() => {}));
    expect(await inFlight.close(20)).toBe(false);
  });

  it('forgets work that failed, leaving the failure to its caller', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.track(Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(inFlight.size).toBe(0);
  });
});
