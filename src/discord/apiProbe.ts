import type { Config } from '../config.js';

/** Discord's REST base when DISCORD_API_URL is not set (as discord.js uses it). */
const DEFAULT_API = 'https://discord.com/api';

/** How long the probe waits for an answer: well within the 15 s an operator should wait for a verdict. */
const PROBE_TIMEOUT_MS = 10_000;

/** Why Discord's API could not be reached, in one line that names the setting (or the network) to check. */
export class DiscordUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscordUnreachableError';
  }
}

/**
 * Asks Discord's API for its gateway (`GET /v10/gateway`, no token needed) before logging in, so that an
 * address that refuses, does not resolve or never answers is reported within seconds, naming
 * DISCORD_API_URL when it is set and the network otherwise, instead of a long silence and "aborted".
 * @throws DiscordUnreachableError
 */
export async function probeDiscordApi(
  config: Pick<Config, 'DISCORD_API_URL'>,
  options: { api?: string; timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const base = (options.api ?? config.DISCORD_API_URL ?? DEFAULT_API).replace(/\/+$/, '');
  const where = config.DISCORD_API_URL
    ? `DISCORD_API_URL (${base})`
    : options.api
      ? `the Discord API address (${base})`
      : `Discord's API (${base}); check the network or set DISCORD_API_URL`;
  let response: Response;
  try {
    response = await fetch(`${base}/v10/gateway`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch (error) {
    throw new DiscordUnreachableError(`${reasonOf(error, timeoutMs)}: ${where}`, { cause: error });
  }
  await response.body?.cancel();
  if (!response.ok) throw new DiscordUnreachableError(`answered HTTP ${response.status} where Discord's API should be: ${where}`);
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code && /^(?:CERT_|ERR_TLS|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return `TLS failed (${code})`;
  return code ? `cannot connect (${code})` : 'cannot connect';
}
