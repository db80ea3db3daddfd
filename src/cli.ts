import { parseCommandLine, UsageError, type Invocation, type Options } from './cli/args.js';
import { ignoreWriteErrors, watchOutput, type Output } from './cli/output.js';
import { terminalWidth } from './cli/wrap.js';
import type { Services } from './services.js';

async function summarizeOne(options: Options, deps: Services): Promise<string> {
  const { readStdin, resolveInput } = await import('./cli/input.js');
  const { digestSource, toSummaryJson } = await import('./core/pipeline.js');
  const { renderEntities, renderSummary } = await import('./cli/render.js');
  const source = await resolveInput(options.input, readStdin);
  const { digest, cached } = await digestSource(source, deps, { refresh: options.noCache });
  const width = terminalWidth(process.stdout);
  if (options.command === 'ask') {
    const { askOutput } = await import('./cli/ask.js');
    return askOutput(digest, options.question ?? '', { json: options.json, ...(width ? { width } : {}) });
  }
  const json = toSummaryJson(digest, options.sentences);
  if (options.command === 'entities') {
    return options.json ? JSON.stringify(json.entities) : renderEntities(json.entities, width ? { width } : {}) || '(no entities found)';
  }
  return options.json ? JSON.stringify(json) : renderSummary(json, { cached, ...(width ? { width } : {}) });
}

async function runBatchCommand(options: Options, services: Services, output: Output): Promise<void> {
  const { runBatch, summaryLines } = await import('./cli/jsonl.js');
  const { createProgress } = await import('./cli/progress.js');
  const { askLines } = await import('./cli/askJsonl.js');
  const refresh = options.noCache;
  const handle =
    options.command === 'ask'
      ? askLines(services, { refresh })
      : summaryLines(services, { refresh, entitiesOnly: options.command === 'entities', ...(options.sentences ? { sentences: options.sentences } : {}) });
  const progress = createProgress(process.stderr, { tty: process.stderr.isTTY === true, outputOnTerminal: process.stdout.isTTY === true });
  await runBatch(process.stdin, output, handle, { progress });
}

function parse(argv: string[]): Invocation | number {
  try {
    return parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.line);
    return 2;
  }
}

/** Runs the CLI and returns its exit status. A closed stdout ends it quietly with status 0. */
export async function main(argv: string[], output: Output): Promise<number> {
  const invocation = parse(argv);
  if (typeof invocation === 'number') return invocation;
  if (invocation.kind === 'help') {
    await output.writeLine(invocation.text);
    return 0;
  }
  if (invocation.kind === 'version') {
    const { VERSION } = await import('./version.js');
    await output.writeLine(VERSION);
    return 0;
  }
  const { options } = invocation;
  // Loaded after the help and version paths: zod alone costs more than the rest of `skim --help`.
  const { ConfigError, loadConfig } = await import('./config.js');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  // The pipeline (jsdom, natural) loads only once a command needs it, so --help and usage errors are instant.
  const { isSkimError, toUserError } = await import('./core/errors.js');
  if (!options.jsonl && /^[a-z][a-z0-9+.-]*:\/\//i.test(options.input)) {
    // A URL that can never be fetched (a private address, another scheme) fails before anything loads.
    const { precheckUrl } = await import('./core/fetch/index.js');
    try {
      precheckUrl(options.input);
    } catch (error) {
      console.error(`skim: ${toUserError(error).message}`);
      return 1;
    }
  }
  const { createLogger } = await import('./logger.js');
  const { createServices } = await import('./services.js');
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'skim-cli');
  // Once the reader has gone, work abandoned mid-way (a cache write after close) has nothing to report.
  output.signal.addEventListener('abort', () => (logger.level = 'silent'), { once: true });
  // A batch runs its pages in the worker pool, as the bot does: a fresh worker heap keeps a long batch's
  // memory near that of one page (70 aeb pages: 439 MB inline, about 290 MB in one worker), and a page that
  // overruns the cap or the time limit fails on its own line. One summary stays inline: no worker to start.
  const services = await createServices(config, logger, { pool: options.jsonl === true, workerHeapMb: BATCH_WORKER_HEAP_MB });
  try {
    if (options.jsonl) await runBatchCommand(options, services, output);
    else await output.writeLine(await summarizeOne(options, services));
    return 0;
  } catch (error) {
    if (output.closed) return 0;
    if (!isSkimError(error)) logger.error({ err: error }, 'unexpected error');
    console.error(`skim: ${toUserError(error).message}`);
    return 1;
  } finally {
    await services.close();
  }
}

/**
 * The heap cap of a batch's worker. The bot caps its workers at 256 MB, several to a host; the one worker of
 * a batch gets more room, so that it collects garbage less often: 70 aeb pages took 1.05x Readability's
 * time at 256 MB and 0.94-0.98x at 400 MB, at the same peak RSS (0.74x).
 */
const BATCH_WORKER_HEAP_MB = 400;

const output = watchOutput(process.stdout);
ignoreWriteErrors(process.stderr);
const status = await main(process.argv.slice(2), output);
// Work still in flight when the reader went away (a fetch, a digest) would only delay the exit: end now,
// the cache and workers being closed.
if (output.closed) process.exit(status);
process.exitCode = status;
