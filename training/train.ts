/** `npm run train -- NAME [options]`: runs one of Skim's fit scripts (training/NAME.ts). */
const FITTERS: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  entities: () => import('./entities.js'),
  paste: () => import('./paste.js'),
  qa: () => import('./qa.js'),
  salience: () => import('./salience.js'),
};

const [name = '', ...rest] = process.argv.slice(2);
const load = FITTERS[name];
if (!load) {
  process.stderr.write(`usage: npm run train -- ${Object.keys(FITTERS).join('|')} [options]\n`);
  process.exit(2);
}
await (await load()).run(rest);
