import { describe, expect, it } from 'vitest';
import { createProgress, progressText } from '../../src/cli/progress.js';

function recorder() {
  const writes: string[] = [];
  return { writes, stream: { write: (t: string) => writes.push(t) } };
}

describe('progressText', () => {
  it('says lines done, pages a second and errors so far', () => {
    expect(progressText(12, 1, 4000)).toBe('12 lines · 3.0 pages/s · 1 error');
    expect(progressText(1, 0, 0)).toBe('1 line · 0.0 pages/s · 0 errors');
    expect(progressText(300, 2, 10_000)).toBe('300 lines · 30 pages/s · 2 errors');
  });
});

describe('createProgress', () => {
  it('redraws in place on a terminal, at most once per interval, and ends its line', () => {
    const { writes, stream } = recorder();
    let t = 0;
    const progress = createProgress(stream, { tty: true, now: () => t, redrawMs: 100 });
    t = 500;
    progress.lineDone(false);
    t = 550;
    progress.lineDone(true);
    t = 1000;
    progress.lineDone(false);
    progress.finish();
    expect(writes).toEqual([
      '\r\x1b[2K1 line · 2.0 pages/s · 0 errors',
      '\r\x1b[2K3 lines · 3.0 pages/s · 1 error',
      '\r\x1b[2K3 lines · 3.0 pages/s · 1 error',
      '\n',
    ]);
  });

  it('clears its line before a result goes to the same terminal, and draws again after', () => {
    const { writes, stream } = recorder();
    let t = 0;
    const progress = createProgress(stream, { tty: true, outputOnTerminal: true, now: () => t });
    t = 1000;
    progress.lineDone(false);
    progress.clear();
    t = 1010;
    progress.lineDone(false);
    expect(writes).toEqual(['\r\x1b[2K1 line · 1.0 pages/s · 0 errors', '\r\x1b[2K', '\r\x1b[2K2 lines · 2.0 pages/s · 0 errors']);
  });

  it('stays drawn while results go elsewhere (a file or a pipe)', () => {
    const { writes, stream } = recorder();
    let t = 0;
    const progress = createProgress(stream, { tty: true, outputOnTerminal: false, now: () => t });
    t = 1000;
    progress.lineDone(false);
    progress.clear();
    t = 1010;
    progress.lineDone(false);
    expect(writes).toEqual(['\r\x1b[2K1 line · 1.0 pages/s · 0 errors']);
  });

  it('prints nothing when stderr is not a terminal', () => {
    const { writes, stream } = recorder();
    const progress = createProgress(stream, { tty: false });
    progress.lineDone(true);
    progress.clear();
    progress.finish();
    expect(writes).toEqual([]);
  });
});
