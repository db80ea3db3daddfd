import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { fetchOptionsFromConfig } from '../../../src/core/fetch/options.js';

const CORE = join(import.meta.dirname, '../../../src/core');

describe('fetchOptionsFromConfig', () => {
  it('takes the limits and operator contact from the config, and no address policy', () => {
    const config = loadConfig({ FETCH_TIMEOUT_MS: '8000', FETCH_MAX_BYTES: '1000000', OPERATOR_CONTACT_URL: 'https://ops.example/skim' });
    const options = fetchOptionsFromConfig(config);
    expect(options).toEqual({
      timeoutMs: 8000,
      maxBytes: 1_000_000,
      userAgent: 'Mozilla/5.0 (compatible; Skim/0.1; +https://ops.example/skim)',
    });
    expect(options.policy).toBeUndefined();
  });

  it('belongs to a fetcher that reads no environment variable, so none can switch its protection off', () => {
    const sources = readdirSync(join(CORE, 'fetch')).map((f) => join(CORE, 'fetch', f));
    const readers = sources.filter((file) => /process\.env|process\.argv/.test(readFileSync(file, 'utf8')));
    expect(readers).toEqual([]);
  });
});
