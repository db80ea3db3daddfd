#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm ci` through the `prepare` script, or `npm run build`).
import process from 'node:process';

try {
  await import('../dist/src/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli.js')) throw error;
  process.stderr.write('skim: the CLI is not built yet: run `npm run build` (npm ci does it too).\n');
  process.exitCode = 2;
}
