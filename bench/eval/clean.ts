import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { aggregate, scorePage, type PageScore } from '../lib/shingles.js';
import { loadAeb, type Page } from '../lib/aeb.js';
import { dataDir, flag, row } from '../lib/data.js';
import { firstHalf, refusalsLine } from '../lib/report.js';
import { articleText, digestUserSource, type UserPathResult } from '../lib/userPath.js';

/** The page as a user gives Skim a saved page: `{ html, url }` through digestSource; a refusal gives ''. */
async function skimText(page: Page): Promise<string> {
  const result = await digestUserSource({ html: page.html, url: page.url });
  skimResults.push(result);
  return articleText(result);
}

/** What digestSource gave for each page, in order, for the refusals line. */
const skimResults: UserPathResult[] = [];

function readabilityText(page: Page): string {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

async function evaluate(pages: Page[], extract: (p: Page) => string | Promise<string>, show?: string): Promise<{ scores: PageScore[]; ms: number }> {
  const start = performance.now();
  const texts: string[] = [];
  for (const p of pages) texts.push(await extract(p));
  const scores = pages.map((p, i) => {
    const text = texts[i]!;
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
  // Skim's time is the whole digest (cleaning, sentences, summary, entities); Readability's is extraction alone.
  for (const [name, fn] of [
    ['readability (baseline)', readabilityText],
    ['skim (digestSource)', skimText],
  ] as const) {
    const { scores, ms } = await evaluate(pages, fn, name.startsWith('skim') ? show : undefined);
    const s = aggregate(scores);
    console.log(row([name, s.precision, s.recall, s.f1, s.accuracy, ms.toFixed(1)], widths));
  }
  console.log(refusalsLine(skimResults, firstHalf(pages.length)));
}
