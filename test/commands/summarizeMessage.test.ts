import { MessageFlags } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { NOTHING_HINT, sourceOfMessage } from '../../commands/summarizeMessage.js';
import { ARTICLE_TEXT, ARTICLE_URL, fakeInteraction, fakeMessage, lastEdit, testContext } from '../discord/fakes.js';
import { run } from './helpers.js';

const txt = (name = 'message.txt') => ({ name, size: 100, url: `https://cdn.example/${name}`, contentType: 'text/plain; charset=utf-8' });

describe('sourceOfMessage', () => {
  const bytes = vi.fn(async () => new TextEncoder().encode('attached text'));

  it('takes the first article link, skipping media links', async () => {
    const message = { content: 'pic https://i.example/cat.png then https://news.example/a and https://news.example/b', attachments: [txt()] };
    expect(await sourceOfMessage(message, bytes)).toEqual({ url: 'https://news.example/a' });
  });

  it('else the text attachment Discord made of a long paste', async () => {
    expect(await sourceOfMessage({ content: 'look at this', attachments: [{ ...txt('image.png'), contentType: 'image/png' }, txt()] }, bytes)).toEqual({ text: 'attached text' });
  });

  it('else the message text', async () => {
    expect(await sourceOfMessage({ content: '  some pasted words  ', attachments: [] }, bytes)).toEqual({ text: 'some pasted words' });
  });

  it('finds nothing in an empty message', async () => {
    expect(await sourceOfMessage({ content: '', attachments: [] }, bytes)).toBeUndefined();
  });
});

describe('Summarize (message context menu)', () => {
  it("summarizes the message's link into the deferred reply", async () => {
    const ctx = await testContext();
    const target = fakeMessage({ content: `worth a read: ${ARTICLE_URL}` });
    const interaction = fakeInteraction({ kind: 'message', commandName: 'Summarize', targetMessage: target });
    await run(interaction, ctx);
    expect(interaction.calls.deferReply).toHaveLength(1);
    expect((lastEdit(interaction).embeds as Array<{ title: string }>)[0]?.title).toBe('Harbor City opens its first tidal power station');
  });

  it("summarizes the message's text when it has no link", async () => {
    const ctx = await testContext();
    const interaction = fakeInteraction({ kind: 'message', commandName: 'Summarize', targetMessage: fakeMessage({ content: ARTICLE_TEXT }) });
    await run(interaction, ctx);
    expect((lastEdit(interaction).embeds as unknown[]).length).toBe(1);
  });

  it('downloads a message.txt attachment', async () => {
    const fetchAttachment = vi.fn(async () => new TextEncoder().encode(ARTICLE_TEXT));
    const ctx = await testContext({ overrides: { fetchAttachment } });
    const target = fakeMessage({ content: '', attachments: [txt()] });
    const interaction = fakeInteraction({ kind: 'message', commandName: 'Summarize', targetMessage: target });
    await run(interaction, ctx);
    expect(fetchAttachment).toHaveBeenCalledWith('https://cdn.example/message.txt', expect.any(Number));
    expect((lastEdit(interaction).embeds as unknown[]).length).toBe(1);
  });

  it('says privately that an empty message has nothing to summarize', async () => {
    const ctx = await testContext();
    const interaction = fakeInteraction({ kind: 'message', commandName: 'Summarize', targetMessage: fakeMessage({ content: '' }) });
    await run(interaction, ctx);
    expect(interaction.calls.reply).toEqual([{ content: NOTHING_HINT, flags: MessageFlags.Ephemeral, allowedMentions: expect.objectContaining({ parse: [] }) }]);
  });
});
