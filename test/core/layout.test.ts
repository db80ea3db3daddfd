import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CORE = 'src/core';

/** Source files under `dir` (repo-relative paths), data folders left out. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'data' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The folders under src/core, data folders left out. */
function coreFolders(dir = CORE): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'data')
    .flatMap((e) => [`${dir}/${e.name}`, ...coreFolders(`${dir}/${e.name}`)]);
}

/**
 * Imports that reach into a folder of src/core from outside it other than through the folder's index.ts,
 * as "importer -> target". `files` maps repo-relative paths to their source.
 */
export function backDoorImports(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    for (const m of text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[1]!)).replace(/\.js$/, '.ts');
      const parts = target.split('/');
      if (!target.startsWith(`${CORE}/`)) continue;
      // The outermost folder on the target's path that the importer is not inside must be entered by its index.
      for (let i = 3; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        if (file.startsWith(`${folder}/`)) continue;
        if (target !== `${folder}/index.ts`) found.push(`${file} -> ${target}`);
        break;
      }
    }
  }
  return found;
}

/**
 * The packages a module loads when it is imported: the bare specifiers of the static, non-type imports and
 * re-exports it reaches through relative modules (a dynamic `import()` loads later, so it is not followed).
 */
export function staticPackages(entry: string, read: (file: string) => string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts'));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

describe('the layout of src/core', () => {
  it('gives every stage folder an index.ts', () => {
    const missing = coreFolders().filter((folder) => !sources(folder).includes(`${folder}/index.ts`));
    expect(missing).toEqual([]);
  });

  it('lets the rest of the code into a folder only through its index.ts', () => {
    const files = new Map([...sources('src'), ...sources('commands')].map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
    expect(backDoorImports(files)).toEqual([]);
  });

  it('finds an import that reaches past a folder index, and allows one inside the folder', () => {
    const files = new Map([
      ['src/discord/x.ts', "import { cleanHtml } from '../core/extract/html/clean.js';\nimport { toArticle } from '../core/extract/index.js';"],
      ['src/core/extract/article.ts', "import { cleanHtml } from './html/index.js';"],
      ['src/core/extract/plain/y.ts', "import { z } from '../html/clean.js';"],
    ]);
    expect(backDoorImports(files)).toEqual([
      'src/discord/x.ts -> src/core/extract/html/clean.ts',
      'src/core/extract/plain/y.ts -> src/core/extract/html/clean.ts',
    ]);
  });

  it('keeps the fetch stack, jsdom and pdf.js out of what the bot\'s main thread and the CLI load at start', () => {
    const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    for (const entry of ['src/core/pipeline.ts', 'src/core/fetch/index.ts', 'src/core/cache/index.ts', 'src/services.ts', 'src/core/selectSummary.ts']) {
      const heavy = [...staticPackages(entry, read)].filter((p) => /^(?:undici|jsdom|pdfjs-dist|@mozilla\/readability)(?:\/|$)/.test(p));
      expect(heavy, entry).toEqual([]);
    }
  });

  it('follows static imports and re-exports but not dynamic or type-only ones', () => {
    const files: Record<string, string> = {
      'src/a.ts': "import { b } from './b.js';\nimport type { T } from 'jsdom';\nconst c = () => import('./c.js');",
      'src/b.ts': "export { x } from './d.js';\nimport { readFileSync } from 'node:fs';",
      'src/c.ts': "import { request } from 'undici';",
      'src/d.ts': "import { JSDOM } from 'jsdom';",
    };
    expect([...staticPackages('src/a.ts', (f) => files[f]!)]).toEqual(['jsdom']);
  });
});
