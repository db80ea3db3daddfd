import { formatBytes, MAX_INPUT_BYTES } from '../core/limits.js';
import { wrapText } from './wrap.js';

/** The commands of `skim`. */
export const COMMANDS = ['summarize', 'entities', 'ask'] as const;
export type Command = (typeof COMMANDS)[number];

/** A flag as help shows it and the parser checks it. */
export interface FlagSpec {
  name: string;
  short?: string;
  /** The value's placeholder, for flags that take one. */
  value?: string;
  description: string;
}

/** Help is laid out for the narrowest common terminal. */
export const HELP_WIDTH = 80;

const LIMIT = formatBytes(MAX_INPUT_BYTES);

const FLAGS = {
  json: (shape: string): FlagSpec => ({ name: 'json', description: `print one JSON object: ${shape}` }),
  jsonl: (line: string, result: string): FlagSpec => ({
    name: 'jsonl',
    description:
      `read JSON lines ${line} from stdin (input -), each at most ${LIMIT} and with exactly one of url, html and text; ` +
      `print one line ${result} per input, in order; a failed line gives {id, error: {code, message}} and the batch goes on`,
  }),
  noCache: { name: 'no-cache', description: 'compute again and replace the cached entry' } satisfies FlagSpec,
  help: { name: 'help', short: 'h', description: 'this help' } satisfies FlagSpec,
};

interface CommandSpec {
  usage: string[];
  about: string;
  flags: FlagSpec[];
  examples: string[];
}

/** Each command's usage, flags and examples: the parser accepts exactly these flags. */
export const COMMAND_SPECS: Record<Command, CommandSpec> = {
  summarize: {
    usage: ['skim summarize [options] <url | file | ->'],
    about:
      'Summarizes an article in a few of its own sentences, in article order (3 to 7, more for longer articles), ' +
      'with its key people, organizations and places.',
    flags: [
      FLAGS.json('{title, byline, siteName, url, lang, publishedTime, wordCount, text, summary, entities}; summary is the sentences in article order, entities [{name, type, mentions}]'),
      FLAGS.jsonl('{id, url | html | text}', '{id, ...the --json fields}'),
      { name: 'sentences', value: 'N', description: 'summary length, 1 to 50 sentences' },
      FLAGS.noCache,
      FLAGS.help,
    ],
    examples: ['skim summarize https://example.com/story', 'skim summarize --json --sentences 3 story.html', 'skim summarize --jsonl - < batch.jsonl > results.jsonl'],
  },
  entities: {
    usage: ['skim entities [options] <url | file | ->'],
    about: 'Lists the people, organizations, places and other names an article is about, most important first.',
    flags: [
      FLAGS.json('[{name, type, mentions}], type one of person, organization, place, other'),
      FLAGS.jsonl('{id, url | html | text}', '{id, entities}'),
      FLAGS.noCache,
      FLAGS.help,
    ],
    examples: ['skim entities https://example.com/story', 'skim entities --json notes.txt'],
  },
  ask: {
    usage: ['skim ask [options] <url | file | -> "<question>"', 'skim ask --jsonl [options] -'],
    about:
      'Quotes the 1 to 3 sentences of the article that best answer the question, best first, with where they ' +
      "stand; or says \"The article doesn't say.\"",
    flags: [
      FLAGS.json(
        '{answer, found, passages}: answer is the quoted sentences in article order; passages the answering ' +
          'sentences best first, [{sentence, context?, index, paragraph, percent}]',
      ),
      FLAGS.jsonl('{id, url | html | text, question}', '{id, answer, found, passages}'),
      FLAGS.noCache,
      FLAGS.help,
    ],
    examples: ['skim ask https://example.com/story "Who built the bridge?"', 'skim ask --json story.html "When did it open?"'],
  },
};

/** The flags `skim` takes without a command. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'help', short: 'h', description: 'this help' },
  { name: 'version', description: 'print the version' },
];

/** Column where flag descriptions start. */
const FLAG_COLUMN = 18;

function flagLines(flags: FlagSpec[]): string[] {
  return flags.map((f) => {
    const label = `  ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(FLAG_COLUMN);
    return wrapText(label.length > FLAG_COLUMN ? `${label} ` : label, f.description, HELP_WIDTH);
  });
}

function paragraph(text: string): string {
  return wrapText('', text, HELP_WIDTH);
}

/** `skim <command> --help`: usage, what it does, its flags and examples. */
export function commandHelp(command: Command): string {
  const spec = COMMAND_SPECS[command];
  return [
    ...spec.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${u}`),
    '',
    paragraph(spec.about),
    '',
    'Input:',
    ...INPUT_LINES,
    '',
    'Options:',
    ...flagLines(spec.flags),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
  ].join('\n');
}

const INPUT_LINES = [
  wrapText('  url   ', 'an http(s) link; a bare domain (example.com/page) means https', HELP_WIDTH),
  wrapText('  file  ', `.html/.htm/.xhtml is read as HTML, .txt/.md as text, others by their content; at most ${LIMIT}`, HELP_WIDTH),
  wrapText('  -     ', `standard input, HTML or text (detected); at most ${LIMIT}`, HELP_WIDTH),
];

/** `skim --help`: the commands, and where to read more. */
export function globalHelp(): string {
  return [
    paragraph('skim: summarize a web page or pasted text, list its key entities, answer questions about it.'),
    '',
    'Usage:',
    ...COMMANDS.flatMap((c) => COMMAND_SPECS[c].usage.map((u) => `  ${u}`)),
    '  skim <command> --help     that command\'s options and examples',
    '  skim --version',
    '',
    'Input:',
    ...INPUT_LINES,
    '',
    paragraph('The cache is SQLite in ./data/ unless CACHE_URL says otherwise (see .env.example).'),
    paragraph('Exit status: 0 success, 1 input error (one line on stderr), 2 usage error.'),
  ].join('\n');
}
