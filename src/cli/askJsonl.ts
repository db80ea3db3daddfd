import { SkimError } from '../core/errors.js';
import { digestSource, type PipelineDeps } from '../core/pipeline.js';
import { askJson } from './ask.js';
import { sourceOfLine, type LineHandler } from './jsonl.js';

/** The question of one input line. @throws SkimError('BAD_INPUT') */
function questionOf(o: Record<string, unknown>): string {
  if (typeof o.question !== 'string' || !o.question.trim()) throw new SkimError('BAD_INPUT', 'Each line needs a question.');
  return o.question;
}

/**
 * The handler for `skim ask --jsonl`: lines `{id, url | html | text, question}` give `{id, answer, found,
 * passages}`. Lines about the same page share its digest through the cache.
 */
export function askLines(deps: PipelineDeps, options: { refresh?: boolean } = {}): LineHandler {
  return async (object) => {
    const question = questionOf(object);
    const { digest } = await digestSource(sourceOfLine(object), deps, { refresh: options.refresh === true });
    return { ...askJson(digest, question) };
  };
}
