/**
 * `npm run bench -- entities [--data DIR] [--runs N]`: the entity step alone on the 250 dev news articles
 * (cnndm), each pasted as text through digestSource first (untimed) so the step gets the sentences, title
 * and language a user's paste gives it; then extractEntities timed per article, and the whole
 * digestSource call timed for the step's share of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, type EntityOptions } from '../../src/core/analyse/entities/index.js';
import { dataDir } from '../lib/data.js';
import { median, ms, quantile } from '../lib/stats.js';
import { digestText } from '../lib/userPath.js';
import { runsOf } from './pages.js';

/** What the entity step is given for one article. */
export interface EntityInput {
  title: string;
  sentences: string[];
  options: EntityOptions;
}

/** Each article of the dev news set with the inputs the user's path gives the entity step (refusals left out). */
export async function entityInputs(args: string[]): Promise<{ inputs: EntityInput[]; texts: string[] }> {
  const file = join(dataDir(args), 'cnndm', 'cnndm_test_250.jsonl');
  const texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { article: string }).article);
  const inputs: EntityInput[] = [];
  for (const text of texts) {
    const d = (await digestText(text)).digest;
    if (!d) continue;
    const options: EntityOptions = {};
    if (d.article.lang) options.lang = d.article.lang;
    inputs.push({ title: d.article.title, sentences: d.sentences.map((s) => s.text), options });
  }
  return { inputs, texts };
}

/** Per-article milliseconds of `extract` over the inputs, the best of `runs` runs for each article. */
export function timeEntities(
  inputs: EntityInput[],
  runs: number,
  extract: (title: string, sentences: string[], options: EntityOptions) => unknown,
): number[] {
  return inputs.map((input) => {
    let best = Infinity;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      extract(input.title, input.sentences, input.options);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  });
}

export async function run(args: string[]): Promise<void> {
  const runs = runsOf(args);
  const { inputs, texts } = await entityInputs(args);
  timeEntities(inputs.slice(0, 10), 1, extractEntities);
  const times = timeEntities(inputs, runs, extractEntities);
  const total = times.reduce((a, b) => a + b, 0);
  const whole: number[] = [];
  for (const text of texts) {
    const start = performance.now();
    await digestText(text);
    whole.push(performance.now() - start);
  }
  const wholeTotal = whole.reduce((a, b) => a + b, 0);
  console.log(`entity step on ${inputs.length} dev news articles (cnndm), best of ${runs} runs each:`);
  console.log(`  per article: median ${ms(median(times))}, p90 ${ms(quantile(times, 0.9))}, max ${ms(Math.max(...times))}; total ${ms(total)}`);
  console.log(`  whole digestSource per article: median ${ms(median(whole))}; the entity step is ${((100 * total) / wholeTotal).toFixed(1)}% of it`);
}
