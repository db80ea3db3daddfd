import { parseArgs } from 'node:util';
import { COMMAND_SPECS, COMMANDS, GLOBAL_FLAGS, commandHelp, globalHelp, type Command, type FlagSpec } from './help.js';

/** A mistake in how skim was called; shown as one line pointing at the right help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at; none for skim's own. */
    readonly command?: Command,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  /** The one line shown on stderr: `skim: unknown option --x (see skim summarize --help)`. */
  get line(): string {
    return `skim: ${this.message} (see skim ${this.command ? `${this.command} ` : ''}--help)`;
  }
}

/** What to run: a command on an input. */
export interface Options {
  command: Command;
  input: string;
  /** The question, for `ask` on one input. */
  question?: string;
  json: boolean;
  jsonl: boolean;
  sentences?: number;
  noCache: boolean;
}

/** What the arguments ask for. */
export type Invocation = { kind: 'help'; text: string } | { kind: 'version' } | { kind: 'run'; options: Options };

function isCommand(word: string | undefined): word is Command {
  return (COMMANDS as readonly string[]).includes(word ?? '');
}

/** Every flag any command knows, typed, so that `--sentences 3` takes its value wherever it is given. */
function allFlags(): Record<string, { type: 'boolean' | 'string'; short?: string }> {
  const flags = [...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => COMMAND_SPECS[c].flags)];
  return Object.fromEntries(flags.map((f) => [f.name, { type: f.value ? ('string' as const) : ('boolean' as const), ...(f.short ? { short: f.short } : {}) }]));
}

/**
 * Reads the command line. Each command accepts only its own flags (see {@link COMMAND_SPECS}).
 * @throws UsageError
 */
export function parseCommandLine(argv: string[]): Invocation {
  const { tokens } = parseArgs({ args: argv, options: allFlags(), allowPositionals: true, strict: false, tokens: true });
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  let [first, ...rest] = positionals;
  if (first === 'help') {
    // `skim help ask` is `skim ask --help`.
    return { kind: 'help', text: isCommand(rest[0]) ? commandHelp(rest[0]) : globalHelp() };
  }
  const command = isCommand(first) ? first : undefined;
  const allowed: FlagSpec[] = command ? COMMAND_SPECS[command].flags : GLOBAL_FLAGS;
  const values: Record<string, string | true> = {};
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = allowed.find((f) => f.name === t.name);
    if (!spec) throw new UsageError(`unknown option ${t.rawName}`, command);
    if (spec.value && t.value === undefined) throw new UsageError(`${t.rawName} needs a value: ${t.rawName} ${spec.value}`, command);
    if (!spec.value && t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`, command);
    values[spec.name] = t.value ?? true;
  }
  if (values.help) return { kind: 'help', text: command ? commandHelp(command) : globalHelp() };
  if (values.version) return { kind: 'version' };
  if (!command) throw new UsageError(first === undefined ? 'missing command' : `unknown command: ${first}`);
  [first, ...rest] = rest;
  return { kind: 'run', options: commandOptions(command, first, rest, values) };
}

function commandOptions(command: Command, input: string | undefined, rest: string[], values: Record<string, string | true>): Options {
  const json = values.json === true;
  const jsonl = values.jsonl === true;
  if (!input) throw new UsageError('missing input: a URL, a file or -', command);
  if (json && jsonl) throw new UsageError('--json and --jsonl are exclusive', command);
  if (jsonl && input !== '-') throw new UsageError('--jsonl reads JSON lines from stdin: use - as the input', command);
  const question = command === 'ask' && !jsonl ? rest.shift() : undefined;
  if (command === 'ask' && !jsonl && !question?.trim()) throw new UsageError('missing question: skim ask <url | file | -> "<question>"', command);
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`, command);
  let sentences: number | undefined;
  if (typeof values.sentences === 'string') {
    sentences = Number(values.sentences);
    if (!Number.isInteger(sentences) || sentences < 1 || sentences > 50) throw new UsageError('--sentences takes a whole number from 1 to 50', command);
  }
  return {
    command, input, json, jsonl, noCache: values['no-cache'] === true,
    ...(sentences ? { sentences } : {}), ...(question ? { question } : {}),
  };
}
