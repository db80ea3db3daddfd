import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultMessage } from '../../src/core/errors.js';
import type { FakeDiscord, FakeMessage } from '../fakeDiscord/index.js';
import { bullets, embedEdits, expectDeferredInTime, INTRANET_HOST, sendingCalls, startHarness, textsOf, unescape, type Harness } from './harness.js';
import {
  at, BINS, LIBRARY, mentionsArticle, PASTE_FOOTER, PASTE_MENU, pastedPage, plainTextArticle, SCHOONER, SOURDOUGH,
  type TestArticle,
} from './pages.js';

/** End-to-end: the ways to ask for a summary, and what users see when it cannot be made. */
describe('summaries on request, end to end', () => {
  let h: Harness;
  let discord: FakeDiscord;
  beforeAll(async () => {
    h = await startHarness();
    discord = h.discord;
  });
  afterEach(() => h.checkpoint());
  afterAll(() => h?.close());

  it('1. defers /summarize url, edits the reply into an embed with the title and summary, and serves a repeat from the cache', async () => {
    const url = h.serve(LIBRARY);
    const first = discord.sendSlashCommand({ name: 'summarize', options: { url } });
    await expectDeferredInTime(discord, first);
    // The first summary of the run loads the HTML cleaner: a longer wait than the fake's default.
    const embed = (await first.waitForOriginal(undefined, 15_000)).embeds[0];
    expect(embed?.title).toBe(LIBRARY.title);
    expect(embed?.url).toBe(url);
    expect(embed?.author?.name).toBe(LIBRARY.site);
    expectSummaryOf(LIBRARY, embed?.description);
    expect(embedEdits(first)).toHaveLength(1);
    expect(h.fetchesOf(url)).toBe(1);

    for (const again of [url, `${url}?utm_source=discord&utm_medium=social`]) {
      const repeat = discord.sendSlashCommand({ name: 'summarize', options: { url: again }, user: 'bob' });
      await expectDeferredInTime(discord, repeat);
      const cached = (await repeat.waitForOriginal()).embeds[0];
      expect(cached?.title).toBe(LIBRARY.title);
      expect(cached?.description).toBe(embed?.description);
      expect(cached?.footer?.text).toMatch(/cached$/);
    }
    expect(h.pages.requests).toHaveLength(1);
  });

  it('refetches the page on /summarize refresh:true, where a repeat is served from the cache', async () => {
    const url = h.serve(at(LIBRARY, '/news/refresh-me'));
    const first = discord.sendSlashCommand({ name: 'summarize', options: { url } });
    expect((await first.waitForOriginal(undefined, 15_000)).embeds[0]?.footer?.text).not.toMatch(/cached$/);
    const repeat = discord.sendSlashCommand({ name: 'summarize', options: { url } });
    expect((await repeat.waitForOriginal()).embeds[0]?.footer?.text).toMatch(/cached$/);
    expect(h.fetchesOf(url)).toBe(1);
    const refresh = discord.sendSlashCommand({ name: 'summarize', options: { url, refresh: true } });
    await expectDeferredInTime(discord, refresh);
    const fresh = (await refresh.waitForOriginal()).embeds[0];
    expect(fresh?.title).toBe(LIBRARY.title);
    expect(fresh?.footer?.text).not.toMatch(/cached$/);
    expect(h.fetchesOf(url)).toBe(2);
  });

  it('2. summarizes only the article of a pasted page, leaving out its menu and footer', async () => {
    const paste = pastedPage(SCHOONER);
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { text: paste } });
    await expectDeferredInTime(discord, handle);
    const embed = (await handle.waitForOriginal()).embeds[0];
    expect(embed?.title).toBe(SCHOONER.title);
    expectSummaryOf(SCHOONER, embed?.description);
    const shown = textsOf({ embeds: [embed] }).join('\n');
    for (const line of [...PASTE_FOOTER, 'Skip to content', 'Share this article', 'Advertisement', SCHOONER.site]) {
      expect(shown).not.toContain(line);
    }
    expectEntitiesFrom(SCHOONER, embed?.fields);
    expect(PASTE_MENU.every((item) => !bullets(embed?.description).includes(item))).toBe(true);
    expect(h.pages.requests).toHaveLength(0);
  });

  it('3. summarizes a message.txt attachment downloaded from the CDN', async () => {
    const file = discord.addAttachment('message.txt', plainTextArticle(BINS), 'text/plain; charset=utf-8');
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { file } });
    await expectDeferredInTime(discord, handle);
    const embed = (await handle.waitForOriginal()).embeds[0];
    expect(embed?.title).toBe(BINS.title);
    expectSummaryOf(BINS, embed?.description);
    expectEntitiesFrom(BINS, embed?.fields);
    expect(discord.cdnRequests.filter((r) => r.path.split('?')[0]!.endsWith('/message.txt')).map((r) => [r.method, r.status])).toEqual([['GET', 200]]);
  });

  it('4. summarizes the link of a message through the Summarize context menu', async () => {
    const url = h.serve(SOURDOUGH);
    const target = discord.postMessage({ user: 'bob', content: `This made my morning, a bakery adopting a 100-year-old starter: ${url} 🍞` });
    const handle = discord.sendMessageCommand({ name: 'Summarize', targetMessage: target, user: 'carol' });
    await expectDeferredInTime(discord, handle);
    const reply = await handle.waitForOriginal();
    expect(reply.type).toBe(23);
    expect(reply.embeds[0]?.title).toBe(SOURDOUGH.title);
    expect(reply.embeds[0]?.url).toBe(url);
    expectSummaryOf(SOURDOUGH, reply.embeds[0]?.description);
    expect(h.fetchesOf(url)).toBe(1);
    // Auto-summary is off here: the link itself got no reply.
    expect(discord.messages(target.channel_id).filter((m) => m.message_reference?.message_id === target.id)).toEqual([]);
  });

  it('6. answers a blocked address (direct or through a redirect), a 404 and an image with one short private sentence each', async () => {
    const missing = h.route(LIBRARY.host, '/news/2026/04/a-story-that-was-taken-down', { status: 404, body: '<h1>Page not found</h1>' });
    const image = h.route(BINS.host, '/documents/budget-2026.png', { headers: { 'content-type': 'image/png' }, body: 'not fetched' });
    const intranet = `http://${INTRANET_HOST}/hr/salaries`;
    const redirect = h.route(LIBRARY.host, '/go/staff-wiki', { status: 302, headers: { location: intranet } });
    const cases = [
      { url: intranet, says: defaultMessage('BLOCKED_ADDRESS') },
      { url: redirect, says: defaultMessage('BLOCKED_ADDRESS') },
      { url: 'http://169.254.169.254/latest/meta-data/iam/', says: defaultMessage('BLOCKED_ADDRESS') },
      { url: missing, says: /\b(?:wasn't|not) found\b|\b404\b/i },
      { url: image, says: /^That link isn't (a web page|an article)\b/ },
    ];
    const handles = cases.map(({ url }, i) => discord.sendSlashCommand({ name: 'summarize', options: { url }, user: ['alice', 'bob', 'carol'][i % 3]! }));
    for (const [i, handle] of handles.entries()) {
      await expectDeferredInTime(discord, handle);
      // Only the person who asked is told: the public "thinking" reply goes, a private follow-up says why.
      const reply = await handle.waitForFollowUp();
      expect(reply.flags & 64).toBe(64);
      expect(handle.original()).toBeUndefined();
      const says = cases[i]!.says;
      if (typeof says === 'string') expect(reply.content).toBe(says);
      else expect(reply.content).toMatch(says);
      expect(reply.content.length).toBeLessThan(120);
      expect(reply.embeds).toEqual([]);
      expect(reply.components).toEqual([]);
    }
    // Nothing asked the intranet: the redirect stopped at its target's address.
    expect(h.pages.requests.map((r) => r.path).sort()).toEqual(['/documents/budget-2026.png', '/go/staff-wiki', '/news/2026/04/a-story-that-was-taken-down']);
    expect(discord.threads().filter((t) => handles.some((hd) => hd.followUps().some((m) => m.id === t.id)))).toEqual([]);
  });

  it('7. pings nobody for an article full of @everyone, @here, role and user mentions, and escapes them', async () => {
    const roleId = discord.guild.roleId('Moderator');
    const userId = discord.user('bob').id;
    const article = mentionsArticle({ roleId, userId });
    const url = h.serve(article);
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url, length: 'long' } });
    const reply = await handle.waitForOriginal();
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('How one @\u200beveryone ping emptied a 40,000-member Discord server');
    expect(unescape(embed?.title ?? '')).toBe(article.title);
    const thread = await discord.waitUntil(() => discord.threads(reply.channel_id).find((t) => t.id === reply.id));
    expect(thread.name).not.toMatch(/@(everyone|here)/);

    const question = discord.postMessage({ channelId: thread.id, user: 'carol', content: 'Which role did the attacker ping, and who was sent a warning?' });
    const answer = await discord.waitForMessage(thread.id, (m) => m.message_reference?.message_id === question.id);
    expect(answer.content).toContain(`\\<@&${roleId}>`);
    expect(answer.content).toContain(`\\<@${userId}>`);
    discord.postMessage({ channelId: thread.id, user: 'carol', content: 'What did the scam message say?' });
    const scam = await discord.waitForMessage(thread.id, (m) => m.author.id === discord.botUser.id && m.id !== answer.id);

    const sent = sendingCalls(discord);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    const everything = sent.flatMap(({ payload }) => textsOf(payload)).join('\n');
    expect(everything).toContain('@\u200beveryone');
    expect(everything).not.toMatch(/@(everyone|here)\b/);
    expect(everything).not.toMatch(/(?<!\\)<@[&!]?\d+>/);
    expect(everything).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
    expect(everything).not.toMatch(/(?<!\\)\*\*bold/);
    for (const { payload } of sent) expect(payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
    for (const message of [reply, answer, scam]) expectPingsNobody(discord.message(message.id));
  });
});

/** The summary's bullets are sentences of the article, at least two of them. */
function expectSummaryOf(article: TestArticle, description: string | undefined): void {
  const text = article.paragraphs.join(' ');
  const lines = bullets(description);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  for (const line of lines) expect(text).toContain(line);
}

/** Every entity shown is named in the article itself. */
function expectEntitiesFrom(article: TestArticle, fields: Array<{ name: string; value: string }> | undefined): void {
  const text = `${article.title} ${article.paragraphs.join(' ')}`;
  const names = (fields ?? []).flatMap((f) => unescape(f.value).split(', '));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(text).toContain(name);
}

function expectPingsNobody(message: FakeMessage | undefined): void {
  expect(message).toBeDefined();
  expect({ users: message?.mentions, roles: message?.mention_roles, everyone: message?.mention_everyone }).toEqual({ users: [], roles: [], everyone: false });
}
