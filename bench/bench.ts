/**
 * `npm run bench [-- --runs N] [--data DIR] [--only part,...]`: speed and memory of the pipeline, each with a
 * baseline run in the same process. Parts: throughput, eventloop, cache, memory, startup, hugeBlock, jsonlBatch,
 * queuedCache, cliBatch, pdf, entities. Each part runs in a process of its own, so that one part's heap and loaded modules do not colour
 * another's figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { flag } from './lib/data.js';

const PARTS = ['throughput', 'eventloop', 'cache', 'memory', 'startup', 'hugeBlock', 'jsonlBatch', 'queuedCache', 'cliBatch', 'pdf', 'entities'] as const;

const args = process.argv.slice(2);
const only = flag(args, 'only')?.split(',') ?? [...PARTS];
const child = args.includes('--child');
let failed = false;
for (const part of PARTS) {
  if (!only.includes(part)) continue;
  if (child) {
    const module = (await import(`./speed/${part}.ts`)) as { run(args: string[]): Promise<void> };
    await module.run(args);
    continue;
  }
  console.log(`\n== ${part}`);
  const rest = args.filter((a, i) => a !== '--only' && args[i - 1] !== '--only');
  const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', part, '--child', ...rest], {
    stdio: 'inherit',
  });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
