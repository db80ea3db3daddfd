/**
 * `npm run eval -- <part> [args]`: loads `bench/eval/<part>.ts` and runs its `run(args)`.
 * An unknown part lists the parts found and exits with status 2.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface EvalPart {
  run(args: string[]): Promise<void>;
}

const partsDir = join(dirname(fileURLToPath(import.meta.url)), 'eval');

function availableParts(): string[] {
  return readdirSync(partsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [part, ...args] = argv;
  const parts = availableParts();
  if (!part || !parts.includes(part)) {
    console.error(`usage: npm run eval -- <part> [args]\nparts: ${parts.join(', ')}`);
    return 2;
  }
  const mod = (await import(pathToFileURL(join(partsDir, `${part}.ts`)).href)) as Partial<EvalPart>;
  if (typeof mod.run !== 'function') {
    console.error(`bench/eval/${part}.ts does not export run(args)`);
    return 2;
  }
  await mod.run(args);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
