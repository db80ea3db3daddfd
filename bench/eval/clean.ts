import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanHtml } from '../../src/core/extract/html/clean.js';
import { aggregate, scorePage, type PageScore } from '../lib/shingles.js';
import { loadAeb, type Page } from '../lib/aeb.js';
import { dataDir, flag, row } from '../lib/data.js';

function skimText(page: Page): string {
  try {
    return cleanHtml(page.html, { url: page.url }).blocks.map((b) => b.text).join('\n\n');
  } catch {
    return '';
  }
}

function readabilityText(page: Page): string {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

function evaluate(pages: Page[], extract: (p: Page) => string, show?: string): { scores: PageScore[]; ms: number } {
  const start = performance.now();
  const scores = pages.map((p) => {
    const text = extract(p);
    const score = scorePage(text, p.truth);
    if (show === p.id || show === 'all') {
      console.log(`--- ${p.id} P=${(score.tp / (score.tp + score.fp || 1)).toFixed(3)} R=${(score.tp / (score.tp + score.fn || 1)).toFixed(3)}`);
      if (show !== 'all') console.log(text);
    }
    return score;
  });
  return { scores, ms: (performance.now() - start) / pages.length };
}

/** `npm run eval -- clean [--data DIR] [--show ID|all]`: the HTML cleaner against plain Readability. */
export async function run(args: string[]): Promise<void> {
  const pages = loadAeb(dataDir(args));
  const show = flag(args, 'show');
  const widths = [22, 9, 9, 9, 9, 9];
  console.log(`aeb: ${pages.length} pages`);
  console.log(row(['extractor', 'P', 'R', 'F1', 'accuracy', 'ms/page'], widths));
  for (const [name, fn] of [
    ['readability (baseline)', readabilityText],
    ['skim', skimText],
  ] as const) {
    const { scores, ms } = evaluate(pages, fn, name === 'skim' ? show : undefined);
    const s = aggregate(scores);
    console.log(row([name, s.precision, s.recall, s.f1, s.accuracy, ms.toFixed(1)], widths));
  }
}
