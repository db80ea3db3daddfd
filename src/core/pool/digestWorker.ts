import { digestRaw, type RawInput } from '../analyse.js';
import { serveJobs } from './workerMain.js';

/** The worker that runs the CPU-heavy part of the pipeline: decode, clean, rank, find entities. */
serveJobs(({ raw, key }: { raw: RawInput; key: string }) => digestRaw(raw, key));
