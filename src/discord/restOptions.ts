import type { RESTOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * REST options from the settings: with `DISCORD_API_URL`, every REST call (and so the gateway address, which
 * comes from `GET /gateway/bot`) goes to that base instead of https://discord.com/api.
 */
export function restOptionsFromConfig(config: Pick<Config, 'DISCORD_API_URL'>): Partial<RESTOptions> {
  return config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {};
}
