import { SkimError } from '../../src/core/errors.js';
import { serveJobs } from '../../src/core/pool/workerMain.js';

/** A worker for pool tests that misbehaves on request. */
serveJobs(async (input: { action: string; value?: number; ms?: number }) => {
  switch (input.action) {
    case 'echo':
      return input.value;
    case 'sleep':
      await new Promise((r) => setTimeout(r, input.ms ?? 100));
      return input.value;
    case 'hang':
      for (;;) {
        // A page that never finishes parsing: only termination stops it.
      }
    case 'crash':
      setImmediate(() => {
        throw new Error('worker blew up');
      });
      return new Promise(() => undefined);
    case 'exit':
      return process.exit(3);
    case 'skim-error':
      throw new SkimError('NOT_AN_ARTICLE', 'nothing here', { details: { words: 3 } });
    default:
      throw new TypeError(`unknown action ${input.action}`);
  }
});
