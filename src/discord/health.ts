import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Status, type Client } from 'discord.js';

/** How often a running bot writes its gateway status. */
export const HEALTH_INTERVAL_MS = 15_000;

/** A status older than this means the process has stopped writing it: hung or gone. */
const STALE_MS = 4 * HEALTH_INTERVAL_MS;

/** What the bot writes: whether its gateway connection is ready, and when it said so. */
interface HealthRecord {
  connected: boolean;
  at: number;
}

/** The file one process writes: the setting itself, or one per shard beside it (`HEALTH_FILE.shard-0-1`). */
export function healthFileFor(file: string, shardIds: readonly number[] | undefined): string {
  return shardIds && shardIds.length > 0 ? `${file}.shard-${shardIds.join('-')}` : file;
}

/**
 * Writes the client's gateway status to `file` now and every {@link HEALTH_INTERVAL_MS} (atomically, through
 * a rename), for a container health check; the returned function stops and removes the file.
 */
export function reportHealth(client: Client, file: string, now: () => number = Date.now): () => void {
  const write = (): void => {
    const record: HealthRecord = { connected: client.ws.status === Status.Ready, at: now() };
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(record));
      renameSync(`${file}.tmp`, file);
    } catch {
      // A read-only or full disk must not take the bot down; the check then reports the file as stale.
    }
  };
  write();
  const timer = setInterval(write, HEALTH_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    rmSync(file, { force: true });
  };
}

/**
 * Whether the bot behind `file` is connected: the file (or, under the ShardingManager, every shard's file
 * beside it) says connected and is fresh. Returns the line to print.
 */
export function checkHealth(file: string, now: number = Date.now()): { healthy: boolean; line: string } {
  const files = healthFiles(file);
  if (files.length === 0) return { healthy: false, line: `no status in ${file}: the bot is starting or not running` };
  for (const path of files) {
    let record: Partial<HealthRecord>;
    try {
      record = JSON.parse(readFileSync(path, 'utf8')) as Partial<HealthRecord>;
    } catch {
      return { healthy: false, line: `unreadable status in ${path}` };
    }
    if (typeof record.at !== 'number' || now - record.at > STALE_MS) return { healthy: false, line: `stale status in ${path}: the bot stopped reporting` };
    if (record.connected !== true) return { healthy: false, line: `not connected to Discord's gateway (${path})` };
  }
  return { healthy: true, line: `connected (${files.length} ${files.length === 1 ? 'process' : 'shards'})` };
}

function healthFiles(file: string): string[] {
  const dir = dirname(file);
  const name = basename(file);
  try {
    return readdirSync(dir)
      .filter((f) => f === name || (f.startsWith(`${name}.shard-`) && !f.endsWith('.tmp')))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
