/**
 * `npm run bench [-- --runs N] [--data DIR] [--only part,...]`: speed and memory of the pipeline, each with a
 * baseline run in the same process. Parts: throughput, eventloop, cache, memory, startup.
 */
import { flag } from './lib/data.js';

const PARTS = ['throughput', 'eventloop', 'cache', 'memory', 'startup'] as const;

const args = process.argv.slice(2);
const only = flag(args, 'only')?.split(',') ?? [...PARTS];
for (const part of PARTS) {
  if (!only.includes(part)) continue;
  const module = (await import(`./speed/${part}.ts`)) as { run(args: string[]): Promise<void> };
  console.log(`\n== ${part}`);
  await module.run(args);
}
process.exit(0);
