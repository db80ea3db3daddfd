import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import type { PipelineDeps } from './core/pipeline.js';

const HELP = `skim: summarize a web page or pasted text, list its key entities, answer questions about it.

Usage:
  skim summarize [--json | --jsonl] [--sentences N] [--no-cache] <url | file | ->
  skim entities  [--json] [--no-cache] <url | file | ->
  skim ask       [--json] [--no-cache] <url | file | -> "<question>"
  skim ask       --jsonl [--no-cache] -
  skim --help

Input:
  url     an http(s) link (a bare domain such as example.com/page means https)
  file    .html/.htm/.xhtml is read as HTML, .txt/.md as text, anything else by its content
  -       standard input (HTML or text, detected)

Options:
  --json          one JSON object: {title, byline, siteName, url, lang, publishedTime, wordCount, text,
                  summary, entities}; summary is an array of sentences in article order; entities is
                  [{name, type, mentions}], type one of person, organization, place, other
  --jsonl         with input -: stdin holds JSON lines {id, url | html | text}; one output line per input,
                  in order, with its id; a failed input gives {id, error: {code, message}}
  --sentences N   summary length (default: grows with the article, 3 to 7)
  ask             quotes the 1 to 3 sentences of the article that best answer the question, with where
                  they stand, or says "The article doesn't say."; --json prints {answer, found}: answer is
                  the quoted sentences in article order; --jsonl reads lines {id, url | html | text,
                  question} and prints {id, answer, found} (or {id, error}) per line
  --no-cache      compute again and replace the cached entry
  -h, --help      this help

The cache is SQLite in ./data/ unless CACHE_URL says otherwise (see .env.example).
Exit status: 0 success, 1 input error (one line on stderr), 2 usage error.`;

class UsageError extends Error {}

interface Options {
  command: 'summarize' | 'entities' | 'ask';
  input: string;
  /** The question, for `ask` on one input. */
  question?: string;
  json: boolean;
  jsonl: boolean;
  sentences?: number;
  noCache: boolean;
}

function parse(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      sentences: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals[0] === 'help') return 'help';
  const [command, input, ...rest] = positionals;
  if (command !== 'summarize' && command !== 'entities' && command !== 'ask') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  if (!input) throw new UsageError('missing input: a URL, a file or -');
  const question = command === 'ask' && !values.jsonl ? rest.shift() : undefined;
  if (command === 'ask' && !values.jsonl && !question?.trim()) throw new UsageError('missing question: skim ask <url | file | -> "<question>"');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (command === 'ask' && values.sentences !== undefined) throw new UsageError('--sentences is for summarize');
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl are exclusive');
  if (values.jsonl && input !== '-') throw new UsageError('--jsonl reads JSON lines from stdin: use - as the input');
  let sentences: number | undefined;
  if (values.sentences !== undefined) {
    sentences = Number(values.sentences);
    if (!Number.isInteger(sentences) || sentences < 1 || sentences > 50) throw new UsageError('--sentences takes a whole number from 1 to 50');
  }
  return {
    command, input, json: values.json, jsonl: values.jsonl, noCache: values['no-cache'],
    ...(sentences ? { sentences } : {}), ...(question ? { question } : {}),
  };
}

async function summarizeOne(options: Options, deps: PipelineDeps): Promise<string> {
  const { readStdin, resolveInput } = await import('./cli/input.js');
  const { digestSource, toSummaryJson } = await import('./core/pipeline.js');
  const { renderEntities, renderSummary } = await import('./cli/render.js');
  const source = await resolveInput(options.input, readStdin);
  const { digest, cached } = await digestSource(source, deps, { refresh: options.noCache });
  if (options.command === 'ask') {
    const { askOutput } = await import('./cli/ask.js');
    return askOutput(digest, options.question ?? '', options.json);
  }
  const json = toSummaryJson(digest, options.sentences);
  if (options.command === 'entities') {
    return options.json ? JSON.stringify(json.entities) : renderEntities(json.entities) || '(no entities found)';
  }
  return options.json ? JSON.stringify(json) : renderSummary(json, { cached });
}

/** Runs the CLI and returns its exit status. */
export async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`skim: ${(error as Error).message}. Try skim --help.`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
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
    const { precheckUrl } = await import('./core/fetch/target.js');
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
  const services = await createServices(config, logger);
  try {
    if (options.jsonl && options.command === 'ask') {
      const { runAskLines } = await import('./cli/askJsonl.js');
      await runAskLines(process.stdin, process.stdout, services, { refresh: options.noCache });
      return 0;
    }
    if (options.jsonl) {
      const { runJsonLines } = await import('./cli/jsonl.js');
      await runJsonLines(process.stdin, process.stdout, services, { refresh: options.noCache, ...(options.sentences ? { sentences: options.sentences } : {}) });
      return 0;
    }
    process.stdout.write(`${await summarizeOne(options, services)}\n`);
    return 0;
  } catch (error) {
    if (!isSkimError(error)) logger.error({ err: error }, 'unexpected error');
    console.error(`skim: ${toUserError(error).message}`);
    return 1;
  } finally {
    await services.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
