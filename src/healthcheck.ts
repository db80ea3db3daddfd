/**
 * `node dist/src/healthcheck.js`: the container's HEALTHCHECK. Exits 0 when the bot reports a ready gateway
 * connection in HEALTH_FILE (every shard's, under the ShardingManager), 1 otherwise, with one line saying why.
 */
import { loadConfig } from './config.js';
import { checkHealth } from './discord/health.js';

const config = loadConfig();
if (!config.HEALTH_FILE) {
  console.error('HEALTH_FILE is not set: the bot writes no status to check');
  process.exit(1);
}
const { healthy, line } = checkHealth(config.HEALTH_FILE);
if (healthy) process.stdout.write(`${line}\n`);
else console.error(line);
process.exit(healthy ? 0 : 1);
