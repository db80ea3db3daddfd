import type { RawInput } from '../extract/index.js';
import { digestInput } from '../digest.js';
import { serveJobs } from './workerMain.js';

/** The worker that runs the CPU-heavy part of the pipeline: decode (or read a PDF), clean, rank, find entities. */
serveJobs(({ raw, key }: { raw: RawInput; key: string }) => digestInput(raw, key));
