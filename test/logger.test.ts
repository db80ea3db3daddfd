import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SkimError } from '../src/core/errors.js';
import { LOG_SERIALIZERS, urlForLog } from '../src/logger.js';

/** A logger like the bot's, writing its lines to an array. */
function recordingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug', serializers: LOG_SERIALIZERS }, stream), lines };
}

describe('urlForLog', () => {
  it('keeps the origin and path of a link, without its query string or fragment', () => {
    expect(urlForLog('https://news.example/a/story?token=s3cret&email=a%40b.c#top')).toBe('https://news.example/a/story');
    expect(urlForLog('not a url?x=1')).toBe('not a url');
    expect(urlForLog(42)).toBe(42);
  });
});

describe('the log serializers', () => {
  it('log a Discord refusal by code, status, method and route, never the message Skim tried to post', () => {
    const { logger, lines } = recordingLogger();
    const refusal = new DiscordAPIError(
      { code: 50013, message: 'Missing Permissions' },
      50013,
      403,
      'POST',
      'https://discord.com/api/v10/channels/123/messages?wait=true',
      { body: { content: 'Secret summary of a private article' }, files: undefined },
    );
    logger.info({ err: refusal }, 'discord refused a request');
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(lines[0]).not.toContain('Secret summary');
    expect(line.err).toMatchObject({ code: 50013, status: 403, method: 'POST', route: '/api/v10/channels/123/messages' });
  });

  it('drop query strings from URL fields and from the URLs in an error and its causes', () => {
    const { logger, lines } = recordingLogger();
    const cause = new SkimError('TIMEOUT', undefined, { details: { url: 'https://a.example/x?session=abc' } });
    const error = new SkimError('HTTP_STATUS', undefined, { cause, details: { url: 'https://a.example/y?key=def' } });
    logger.error({ url: 'https://a.example/z?user=ghi', err: error }, 'failed');
    expect(lines[0]).toContain('https://a.example/z');
    expect(lines[0]).toContain('https://a.example/y');
    for (const secret of ['session=abc', 'key=def', 'user=ghi']) expect(lines[0]).not.toContain(secret);
  });
});
