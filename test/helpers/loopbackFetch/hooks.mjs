// Module resolve hook (runs in Node's loader thread, hence plain JavaScript): every import of
// src/core/fetch/options.ts resolves to the test's wrapper, except the wrapper's own import of the original.
import { URL } from 'node:url';

const WRAPPER = new URL('./options.ts', import.meta.url).href;
const ORIGINAL = /\/src\/core\/fetch\/options\.ts$/;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (context.parentURL?.split('?')[0] === WRAPPER) return resolved;
  return ORIGINAL.test(new URL(resolved.url).pathname) ? { ...resolved, url: WRAPPER } : resolved;
}
