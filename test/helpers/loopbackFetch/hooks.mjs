// Module resolve hook (runs in Node's loader thread, hence plain JavaScript): every import of
// src/core/fetch/options.ts, or of its build dist/src/core/fetch/options.js (the CLI and the built bot), resolves
// to the test's wrapper, except the wrapper's own import of the original.
import { URL } from 'node:url';

const WRAPPER = new URL('./options.ts', import.meta.url).href;
const ORIGINAL = /\/(?:dist\/)?src\/core\/fetch\/options\.[jt]s$/;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (context.parentURL?.split('?')[0] === WRAPPER) return resolved;
  return ORIGINAL.test(new URL(resolved.url).pathname) ? { ...resolved, url: WRAPPER } : resolved;
}
