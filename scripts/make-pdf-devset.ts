/**
 * Prints the aeb dev pages to PDF with headless Chromium, as a reader's "Save as PDF" does (the site's chrome
 * included), for `npm run eval -- pdf`. The PDFs are generated data and stay out of the repository.
 *
 *   apt-get install -y chromium        # Debian's package; playwright-core drives it
 *   npx tsx scripts/make-pdf-devset.ts [--data DIR] [--out DIR]
 *
 * The network is closed: every request that is not for the page's own file or a data: URL is aborted, and
 * Chromium's own background traffic is switched off by its flags. Page scripts do not run, so what is
 * printed is the page as served (there are no style sheets either: the data set keeps only the HTML).
 * Pages already printed are skipped; delete the folder to print again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** Where the PDFs go unless `--out` says otherwise; bench/eval/pdf.ts reads the same place (keep the two equal). */
const DEFAULT_PDF_DIR = join(tmpdir(), 'skim-pdf-cache', 'aeb');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A page that takes longer than this to print is skipped (a few pages lay out for ever without their scripts). */
const PRINT_TIMEOUT_MS = 30_000;

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

/** A browser whose pages cannot reach the network: every request but file: and data: URLs is aborted. */
async function openBrowser(): Promise<{ browser: Browser; context: Awaited<ReturnType<Browser['newContext']>> }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  return { browser, context };
}

async function main(): Promise<void> {
  const data = resolve(option('data') ?? join(import.meta.dirname, '..', '..', 'shared', 'data'));
  const out = resolve(option('out') ?? DEFAULT_PDF_DIR);
  const htmlDir = join(data, 'aeb', 'html');
  const staging = join(out, 'html');
  mkdirSync(staging, { recursive: true });
  let session = await openBrowser();
  const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort();
  let printed = 0;
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '');
    const target = join(out, `${id}.pdf`);
    if (existsSync(target)) continue;
    const html = join(staging, `${id}.html`);
    writeFileSync(html, gunzipSync(readFileSync(join(htmlDir, file))));
    const page = await session.context.newPage();
    let timer: NodeJS.Timeout | undefined;
    try {
      const print = async () => {
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
        await page.pdf({ path: target, format: 'A4', printBackground: false });
      };
      await Promise.race([print(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PRINT_TIMEOUT_MS)))]);
      printed += 1;
      await page.close();
    } catch (error) {
      console.error(`${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      // A stuck renderer may not close: start a new browser instead.
      await session.browser.close().catch(() => undefined);
      session = await openBrowser();
    } finally {
      clearTimeout(timer);
    }
  }
  await session.browser.close();
  console.log(`printed ${printed} of ${files.length} pages to ${out}`);
}

await main();
