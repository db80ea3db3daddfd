import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One page of the article-extraction-benchmark with its ground truth. */
export interface Page {
  id: string;
  html: string;
  truth: string;
  url: string;
}

/** Loads the aeb pages with their ground truth. */
export function loadAeb(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'aeb', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return readdirSync(join(dir, 'aeb', 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      const gt = truth[id];
      if (!gt) throw new Error(`no ground truth for ${id}`);
      return { id, html: gunzipSync(readFileSync(join(dir, 'aeb', 'html', f))).toString('utf8'), truth: gt.articleBody, url: gt.url };
    });
}
