import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakeDiscord/index.js';
import { expectDeferredInTime, startHarness, type Harness } from './harness.js';
import { REPORT, REPORT_TITLE } from '../../scripts/make-pdf-texts.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', name));

/** End-to-end: PDFs linked and attached, read in the worker pool as the bot runs in production. */
describe('PDF summaries, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness({ pool: true });
    discord = h.discord;
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  const expectReport = (embed: { title?: string; description?: string } | undefined) => {
    expect(embed?.title).toBe(REPORT_TITLE);
    const shown = embed?.description ?? '';
    // Every bullet is a sentence of the report, read from two columns in order.
    const sentences = REPORT.join(' ');
    const bullets = shown.split('\n').map((b) => b.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) expect(sentences).toContain(bullet.replace(/\\/g, ''));
  };

  it('summarizes a PDF link served as application/pdf, and one served as a bare file', async () => {
    const typed = h.route('harbour.example', '/reports/survey.pdf', { headers: { 'content-type': 'application/pdf' }, body: fixture('two-columns.pdf') });
    const untyped = h.route('harbour.example', '/download?id=7', { headers: { 'content-type': 'application/octet-stream' }, body: fixture('one-column.pdf') });
    for (const url of [typed, untyped]) {
      const handle = discord.sendSlashCommand({ name: 'summarize', options: { url } });
      await expectDeferredInTime(discord, handle);
      const embed = (await handle.waitForOriginal(undefined, 20_000)).embeds[0];
      expectReport(embed);
      expect(embed?.url).toBe(url);
    }
  });

  it('summarizes a .pdf attachment to /summarize file:', async () => {
    const file = discord.addAttachment('survey.pdf', fixture('two-columns.pdf'), 'application/pdf');
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { file } });
    await expectDeferredInTime(discord, handle);
    expectReport((await handle.waitForOriginal(undefined, 20_000)).embeds[0]);
  });

  it('answers a password-protected PDF and a scanned one with one short private line each', async () => {
    const cases = [
      { name: 'locked.pdf', says: "That PDF is locked with a password; Skim can't read it." },
      { name: 'scan.pdf', says: 'That PDF has no text to read (it looks scanned).' },
    ];
    const bytes: Record<string, Buffer> = { 'locked.pdf': fixture('encrypted.pdf'), 'scan.pdf': fixture('scanned.pdf') };
    for (const { name, says } of cases) {
      const url = h.route('harbour.example', `/files/${name}`, { headers: { 'content-type': 'application/pdf' }, body: bytes[name]! });
      const handle = discord.sendSlashCommand({ name: 'summarize', options: { url } });
      await expectDeferredInTime(discord, handle);
      const reply = await handle.waitForFollowUp();
      expect(reply.flags & 64).toBe(64);
      expect(reply.content).toBe(says);
    }
  });
});
