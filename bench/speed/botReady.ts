/**
 * Run as its own process by the startup benchmark: imports the bot and its services cold, logs in to a loopback
 * fake of Discord, and prints the milliseconds from process start to the client's ready event.
 */
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';

const discord = await startFakeDiscord();
const { loadBotConfig } = await import('../../src/config.js');
const { createBot } = await import('../../src/discord/client.js');
const { createServices } = await import('../../src/services.js');
const { silentLogger } = await import('../../src/logger.js');
const config = loadBotConfig({ DISCORD_TOKEN: discord.token, DISCORD_CLIENT_ID: discord.applicationId, CACHE_URL: 'memory' });
const services = await createServices(config, silentLogger, { pool: true });
const bot = createBot({ config, services, logger: silentLogger, clientOptions: { rest: { api: discord.restUrl } } });
await bot.start();
process.stdout.write(`${performance.now().toFixed(0)}\n`);
await bot.stop(1_000);
await services.close();
await discord.close();
process.exit(0);
