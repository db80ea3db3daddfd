import {
  ActionRowBuilder, ApplicationCommandOptionType, ApplicationCommandType, AttachmentBuilder, ButtonBuilder, ButtonStyle,
  Client, DiscordAPIError, EmbedBuilder, Events, GatewayIntentBits, LabelBuilder, MessageFlags, ModalBuilder,
  TextInputBuilder, TextInputStyle, ThreadAutoArchiveDuration, type ApplicationCommandData, type Message, type TextChannel,
} from 'discord.js';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PERMISSIONS, shardOfGuild, snowflakeTime, startFakeDiscord, type FakeDiscord, type GuildView } from './index.js';
import { permissionBits } from './permissions.js';
import { FakeState } from './state.js';

/** What the throwaway bot could not do (its handlers must never swallow an error silently). */
const botErrors: unknown[] = [];

const COMMANDS: ApplicationCommandData[] = [
  {
    name: 'summarize', description: 'Summarize a page', type: ApplicationCommandType.ChatInput,
    options: [
      { name: 'url', description: 'The page', type: ApplicationCommandOptionType.String, required: false },
      {
        name: 'length', description: 'How long', type: ApplicationCommandOptionType.String, required: false,
        choices: [{ name: 'short', value: 'short' }, { name: 'long', value: 'long' }],
      },
      { name: 'file', description: 'A text file', type: ApplicationCommandOptionType.Attachment, required: false },
    ],
  },
  {
    name: 'settings', description: 'Guild settings', type: ApplicationCommandType.ChatInput,
    options: [{
      name: 'show', description: 'Show settings', type: ApplicationCommandOptionType.Subcommand,
      options: [{ name: 'verbose', description: 'More', type: ApplicationCommandOptionType.Boolean }],
    }],
  },
  { name: 'Summarize message', type: ApplicationCommandType.Message },
];

/** A tiny bot: enough of Skim's shape to exercise every part of the fake through a real discord.js Client. */
function wireBot(client: Client): void {
  client.on(Events.InteractionCreate, async (interaction) => {
    try {
      if (interaction.isChatInputCommand() && interaction.commandName === 'summarize') {
        await interaction.deferReply();
        const file = interaction.options.getAttachment('file');
        const text = file ? await (await fetch(file.url)).text() : (interaction.options.getString('url') ?? '');
        const ask = new ButtonBuilder().setCustomId('ask').setLabel('Ask a question').setStyle(ButtonStyle.Primary);
        await interaction.editReply({
          embeds: [new EmbedBuilder().setTitle('Summary').setDescription(`${text} (${interaction.options.getString('length') ?? 'short'})`)],
          components: [new ActionRowBuilder<ButtonBuilder>().addComponents(ask)], allowedMentions: { parse: [] },
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'settings') {
        const verbose = interaction.options.getBoolean('verbose') ?? false;
        await interaction.reply({
          content: `${interaction.options.getSubcommand()} verbose=${verbose} perms=${interaction.appPermissions.has('EmbedLinks')}`,
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply({ content: `Target says: ${interaction.targetMessage.content}`, allowedMentions: { parse: [] } });
      } else if (interaction.isButton() && interaction.customId === 'ask') {
        const input = new TextInputBuilder().setCustomId('question').setStyle(TextInputStyle.Short);
        await interaction.showModal(new ModalBuilder().setCustomId('ask-modal').setTitle('Ask a question')
          .addLabelComponents(new LabelBuilder().setLabel('Your question').setTextInputComponent(input)));
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `You asked: ${interaction.fields.getTextInputValue('question')}`, flags: MessageFlags.Ephemeral });
      }
    } catch (error) {
      botErrors.push(error);
    }
  });
  client.on(Events.MessageCreate, async (message: Message) => {
    if (message.author.bot) return;
    try {
      if (message.channel.isThread()) {
        await message.channel.send({ content: `Answer to <@${message.author.id}>: ${message.content}`, allowedMentions: { parse: [] } });
        return;
      }
      const link = /https?:\/\/\S+/.exec(message.content)?.[0];
      if (!link) return;
      const reply = await message.reply({
        embeds: [new EmbedBuilder().setTitle('Summary').setURL(link).setDescription('Three sentences.')],
        allowedMentions: { parse: [], repliedUser: false },
      });
      await reply.startThread({ name: 'Questions about the page', autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    } catch (error) {
      botErrors.push(error);
    }
  });
}

function newClient(discord: FakeDiscord): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMembers],
    rest: { api: discord.restUrl, cdn: discord.cdnUrl },
    // Without this the client waits 5 s between two IDENTIFYs, as it must with the real Discord.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  });
}

describe('fakeDiscord with a real discord.js client', () => {
  let discord: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    client = newClient(discord);
    wireBot(client);
    const ready = once(client, Events.ClientReady);
    await client.login(discord.token);
    await ready;
    await client.application?.commands.set(COMMANDS, discord.guild.id);
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
    expect(discord.serverErrors).toEqual([]);
  });

  it('logs the client in with READY and a full GUILD_CREATE', () => {
    const guild = client.guilds.cache.get(discord.guild.id);
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(guild?.name).toBe('Skim Test Guild');
    expect(guild?.channels.cache.get(discord.guild.textChannelId)?.name).toBe('general');
    expect(guild?.roles.cache.get(discord.guild.roleId('Moderator'))?.permissions.has('ManageGuild')).toBe(true);
    expect(guild?.members.me?.roles.cache.has(discord.guild.roleId('Skim'))).toBe(true);
    expect(guild?.members.cache.get(discord.guild.user('carol').id)?.user.username).toBe('carol');
    expect(discord.gatewayStats.identifies).toBe(1);
    expect(discord.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200, authorized: true });
  });

  it('stores guild commands and echoes them with ids', async () => {
    const put = await discord.waitFor(`PUT /applications/${discord.applicationId}/guilds/${discord.guild.id}/commands`);
    expect(put.status).toBe(200);
    expect((put.body as { name: string }[]).map((c) => c.name)).toEqual(['summarize', 'settings', 'Summarize message']);
    expect(discord.commands(discord.guild.id).every((c) => /^\d+$/.test(String(c.id)))).toBe(true);
  });

  it('delivers a slash command that the bot defers and then edits', async () => {
    const started = Date.now();
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { url: 'https://example.org/a', length: 'long' } });
    const original = await handle.waitForOriginal();
    expect(original.embeds[0]).toMatchObject({ title: 'Summary', description: 'https://example.org/a (long)' });
    expect(original.allowed_mentions).toEqual({ parse: [] });
    expect(original.interaction_metadata).toMatchObject({ name: 'summarize', user: { username: 'alice' } });
    const [callback, edit] = handle.calls();
    expect(callback).toMatchObject({ route: 'POST /interactions/:interaction/:token/callback', status: 204, authorized: false });
    expect(callback?.body).toMatchObject({ type: 5 });
    expect(edit).toMatchObject({ method: 'PATCH', path: `/webhooks/${discord.applicationId}/${handle.token}/messages/@original`, status: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('checks slash command options against the registered definition', () => {
    expect(() => discord.sendSlashCommand({ name: 'summarize', options: { nope: 'x' } })).toThrow(/no option "nope"/);
    expect(() => discord.sendSlashCommand({ name: 'summarize', options: { length: 'huge' } })).toThrow(/not a choice/);
    expect(() => discord.sendSlashCommand({ name: 'settings', subcommand: 'show', options: { verbose: 'yes' } })).toThrow(/has type 5/);
    expect(() => discord.sendSlashCommand({ name: 'settings', subcommand: 'hide' })).toThrow(/no subcommand/);
  });

  it('delivers subcommands and reflects permissions in app_permissions', async () => {
    discord.denyPermission(discord.guild.textChannelId, 'EMBED_LINKS');
    const handle = discord.sendSlashCommand({ name: 'settings', subcommand: 'show', options: { verbose: true } });
    const reply = await handle.waitForOriginal();
    discord.allowPermission(discord.guild.textChannelId, 'EMBED_LINKS');
    expect(reply.content).toBe('show verbose=true perms=false');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(BigInt(handle.payload.app_permissions as string) & (1n << 14n)).toBe(0n);
  });

  it('answers a pasted link with an embed reply without pings, then a thread on it', async () => {
    const channelId = discord.guild.textChannelId;
    const posted = discord.postMessage({ content: 'look <@' + discord.guild.user('bob').id + '> https://example.org/story', user: 'alice' });
    const reply = await discord.waitForMessage(channelId, (m) => m.message_reference?.message_id === posted.id);
    expect(reply.embeds[0]).toMatchObject({ title: 'Summary', url: 'https://example.org/story' });
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.mentions).toEqual([]);
    expect(posted.mentions.map((u) => u.username)).toEqual(['bob']);
    const thread = await discord.waitUntil(() => discord.threads(channelId).find((t) => t.id === reply.id));
    expect(thread).toMatchObject({ name: 'Questions about the page', type: 11, parentId: channelId });
    expect(discord.message(reply.id)?.thread).toMatchObject({ id: reply.id });
    await discord.waitUntil(() => client.channels.cache.get(reply.id));
    discord.postMessage({ channelId: thread.id, content: 'who wrote it?', user: 'bob' });
    const answer = await discord.waitForMessage(thread.id);
    expect(answer.content).toBe(`Answer to <@${discord.guild.user('bob').id}>: who wrote it?`);
    expect(answer.mentions).toEqual([]);
  });

  it('resumes after a dropped connection and replays missed dispatches', async () => {
    const before = discord.gatewayStats;
    const received = new Promise<Message>((resolve) => {
      const listener = (m: Message): void => {
        if (m.content === 'sent while you were away') {
          client.off(Events.MessageCreate, listener);
          resolve(m);
        }
      };
      client.on(Events.MessageCreate, listener);
    });
    const resumed = discord.waitForResume(10_000);
    await discord.dropConnection();
    discord.postMessage({ content: 'sent while you were away', user: 'carol' });
    expect(await resumed).toBeGreaterThanOrEqual(1);
    expect((await received).author.username).toBe('carol');
    expect(discord.gatewayStats.identifies).toBe(before.identifies);
    expect(discord.gatewayEvents.some((e) => e.direction === 'out' && e.t === 'RESUMED')).toBe(true);
  });

  it('answers one 429 with retry-after and lets the client retry by itself', async () => {
    const channelId = discord.guild.channelId('links');
    discord.rateLimitNext('POST /channels/:id/messages', 0.3);
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const started = Date.now();
    const sent = await channel.send({ content: 'after a rate limit', allowedMentions: { parse: [] } });
    const posts = discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[0]?.response).toMatchObject({ retry_after: 0.3, global: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(discord.message(sent.id)?.content).toBe('after a rate limit');
  });

  it('refuses with 403 Missing Permissions where the bot lacks a permission', async () => {
    const channelId = discord.guild.channelId('links');
    discord.denyPermission(channelId, 'SEND_MESSAGES');
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await discord.waitUntil(() => (channel.permissionsFor(client.user!.id)?.has('SendMessages') ? undefined : true));
    const error = await channel.send('hello').catch((e: unknown) => e);
    discord.allowPermission(channelId, 'SEND_MESSAGES');
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50013 });
  });

  it('serves attachments from the CDN route, for slash command attachment options', async () => {
    const file = discord.addAttachment('notes.txt', 'plain text to summarize', 'text/plain');
    expect(file.url.startsWith(`${discord.cdnUrl}/attachments/`)).toBe(true);
    const handle = discord.sendSlashCommand({ name: 'summarize', options: { file } });
    const original = await handle.waitForOriginal();
    expect(original.embeds[0]?.description).toBe('plain text to summarize (short)');
    expect(discord.cdnRequests).toContainEqual(expect.objectContaining({ method: 'GET', status: 200 }));
    const resolved = (handle.payload.data as { resolved: { attachments: Record<string, unknown> } }).resolved;
    expect(resolved.attachments[file.id]).toMatchObject({ filename: 'notes.txt', content_type: 'text/plain' });
  });

  it('delivers a message context-menu command with the resolved message', async () => {
    const target = discord.postMessage({ content: 'an interesting claim', user: 'bob' });
    const handle = discord.sendMessageCommand({ name: 'Summarize message', targetMessage: target });
    const reply = await handle.waitForOriginal();
    expect(reply.content).toBe('Target says: an interesting claim');
    expect(reply.type).toBe(23);
    expect(handle.payload.data).toMatchObject({ type: 3, target_id: target.id });
  });

  it('delivers a button click and the submission of the modal the bot opened', async () => {
    const command = discord.sendSlashCommand({ name: 'summarize', options: { url: 'https://example.org/b' } });
    const withButton = await command.waitForOriginal();
    const click = discord.sendButton({ message: withButton, customId: 'ask', user: 'bob' });
    await click.waitForCallback();
    expect(click.modal()).toMatchObject({ custom_id: 'ask-modal', title: 'Ask a question' });
    const submit = discord.sendModalSubmit({ from: click, values: { question: 'Why?' } });
    const answer = await submit.waitForOriginal();
    expect(answer.content).toBe('You asked: Why?');
    expect(answer.interaction_metadata).toMatchObject({ user: { username: 'bob' } });
    expect(() => discord.sendButton({ message: withButton, customId: 'missing' })).toThrow(/buttons: ask/);
  });

  it('records multipart uploads with payload_json and serves the uploaded files', async () => {
    const channel = client.channels.cache.get(discord.guild.textChannelId) as TextChannel;
    const sent = await channel.send({
      content: 'with a file', files: [new AttachmentBuilder(Buffer.from('hello file'), { name: 'out.txt' })],
      allowedMentions: { parse: [] },
    });
    const call = await discord.waitFor((c) => c.method === 'POST' && c.files.length > 0);
    expect(call.body).toMatchObject({ content: 'with a file', allowed_mentions: { parse: [] } });
    expect(call.files[0]).toMatchObject({ filename: 'out.txt', size: 10 });
    const stored = discord.message(sent.id);
    expect(await (await fetch(stored!.attachments[0]!.url)).text()).toBe('hello file');
  });

  it('refuses embeds over Discord limits with 400 Invalid Form Body', async () => {
    const channel = client.channels.cache.get(discord.guild.textChannelId) as TextChannel;
    const error = await channel.send({ embeds: [{ title: 'x'.repeat(257) }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
  });

  it('resumes after an abrupt disconnect and after a RECONNECT request, and identifies again after INVALID_SESSION', async () => {
    const identified = discord.gatewayStats.identifies;
    // Wait for the client's own ShardResume before the next mood: discord.js reads its session in that handler.
    let resumed = once(client, Events.ShardResume);
    await discord.dropConnection({ abrupt: true });
    await resumed;
    resumed = once(client, Events.ShardResume);
    discord.requestReconnect();
    await resumed;
    expect(discord.gatewayStats.identifies).toBe(identified);
    const ready = discord.waitForReady(10_000, identified);
    discord.invalidateSession(false);
    await ready;
    const handle = discord.sendMessageCommand({ name: 'Summarize message', targetMessage: discord.postMessage({ content: 'still here' }) });
    expect((await handle.waitForOriginal()).content).toBe('Target says: still here');
  });

  it('left the throwaway bot without errors', () => {
    expect(botErrors).toEqual([]);
  });
});

type Frame = { op: number; d: Record<string, unknown> | null; s: number | null; t: string | null };

/** A bare gateway client speaking the protocol by hand, for what discord.js would hide. */
async function rawGateway(url: string): Promise<{
  ws: WebSocket; frames: Frame[]; next(test: (f: Frame) => boolean): Promise<Frame>; closed: Promise<number>;
}> {
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const frames: Frame[] = [];
  const waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as Frame;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.test(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await once(ws, 'open');
  return {
    ws, frames, closed,
    next: (test) => new Promise((resolve) => {
      const seen = frames.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    }),
  };
}

const send = (ws: WebSocket, op: number, d: unknown): void => ws.send(JSON.stringify({ op, d }));

describe('fake gateway protocol', () => {
  let discord: FakeDiscord;

  beforeAll(async () => {
    discord = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  });

  afterAll(async () => {
    await discord.close();
  });

  it('says HELLO with the heartbeat interval and ACKs every heartbeat', async () => {
    const gw = await rawGateway(discord.gatewayUrl);
    const hello = await gw.next((f) => f.op === 10);
    expect(hello.d).toMatchObject({ heartbeat_interval: 1000 });
    send(gw.ws, 1, null);
    send(gw.ws, 1, null);
    await discord.waitUntil(() => (gw.frames.filter((f) => f.op === 11).length === 2 ? true : undefined));
    gw.ws.close(1000);
  });

  it('closes with 4004 on a wrong token and 4003 before identifying', async () => {
    const wrong = await rawGateway(discord.gatewayUrl);
    send(wrong.ws, 2, { token: 'nope', intents: 1, properties: {} });
    expect(await wrong.closed).toBe(4004);
    const early = await rawGateway(discord.gatewayUrl);
    send(early.ws, 3, { status: 'online' });
    expect(await early.closed).toBe(4003);
  });

  it('sends READY then GUILD_CREATE only with the GUILDS intent, and members only with GUILD_MEMBERS', async () => {
    const gw = await rawGateway(discord.gatewayUrl);
    send(gw.ws, 2, { token: discord.token, intents: 1, properties: {}, shard: [0, 1] });
    const ready = await gw.next((f) => f.t === 'READY');
    expect(ready).toMatchObject({ op: 0, s: 1, d: { user: { id: discord.botUser.id, bot: true }, application: { id: discord.applicationId } } });
    expect(ready.d?.resume_gateway_url).toBe(discord.gatewayUrl);
    const guild = await gw.next((f) => f.t === 'GUILD_CREATE');
    expect(guild.s).toBe(2);
    expect((guild.d?.members as unknown[]).length).toBe(1);
    expect((guild.d?.roles as { permissions: unknown }[]).every((r) => typeof r.permissions === 'string')).toBe(true);
    gw.ws.close(1000);
    const bare = await rawGateway(discord.gatewayUrl);
    send(bare.ws, 2, { token: discord.token, intents: 0, properties: {} });
    await bare.next((f) => f.t === 'READY');
    discord.postMessage({ content: 'not for you' });
    await new Promise((r) => setTimeout(r, 50));
    expect(bare.frames.map((f) => f.t).filter(Boolean)).toEqual(['READY']);
    bare.ws.close(1000);
  });

  it('empties message content for sessions without MESSAGE_CONTENT, unless the bot is mentioned', async () => {
    const gw = await rawGateway(discord.gatewayUrl);
    send(gw.ws, 2, { token: discord.token, intents: 1 | (1 << 9), properties: {} });
    await gw.next((f) => f.t === 'GUILD_CREATE');
    discord.postMessage({ content: 'secret text' });
    discord.postMessage({ content: `<@${discord.botUser.id}> hello bot` });
    const [hidden, shown] = [
      await gw.next((f) => f.t === 'MESSAGE_CREATE'),
      await gw.next((f) => f.t === 'MESSAGE_CREATE' && f.d?.content !== ''),
    ];
    expect(hidden.d).toMatchObject({ content: '', embeds: [], attachments: [], author: { username: 'alice' } });
    expect(shown.d?.content).toBe(`<@${discord.botUser.id}> hello bot`);
    for (const key of ['id', 'channel_id', 'guild_id', 'timestamp', 'mentions', 'mention_roles', 'components', 'type', 'member']) {
      expect(hidden.d).toHaveProperty(key);
    }
    discord.denyPermission(discord.guild.channelId('links'), 'VIEW_CHANNEL');
    discord.postMessage({ channelId: discord.guild.channelId('links'), content: 'unseen' });
    const seen = discord.postMessage({ content: 'seen' });
    discord.allowPermission(discord.guild.channelId('links'), 'VIEW_CHANNEL');
    const creates = await gw.next((f) => f.t === 'MESSAGE_CREATE' && f.d?.id === seen.id).then(() =>
      gw.frames.filter((f) => f.t === 'MESSAGE_CREATE').map((f) => f.d?.channel_id));
    expect(creates).not.toContain(discord.guild.channelId('links'));
    gw.ws.close(1000);
  });

  it('answers RESUME of an unknown session with INVALID_SESSION and a stale seq of a known one with replays', async () => {
    const stranger = await rawGateway(discord.gatewayUrl);
    send(stranger.ws, 6, { token: discord.token, session_id: 'nope', seq: 1 });
    expect(await stranger.next((f) => f.op === 9)).toMatchObject({ d: false });
    stranger.ws.close(1000);
    const first = await rawGateway(discord.gatewayUrl);
    send(first.ws, 2, { token: discord.token, intents: 1 | (1 << 9) | (1 << 15), properties: {} });
    const ready = await first.next((f) => f.t === 'READY');
    await first.next((f) => f.t === 'GUILD_CREATE');
    await discord.dropConnection({ abrupt: true });
    const missed = discord.postMessage({ content: 'missed' });
    const again = await rawGateway(discord.gatewayUrl);
    send(again.ws, 6, { token: discord.token, session_id: ready.d?.session_id, seq: 2 });
    const replay = await again.next((f) => f.t === 'MESSAGE_CREATE');
    const resumed = await again.next((f) => f.t === 'RESUMED');
    expect(replay.d?.id).toBe(missed.id);
    expect(resumed.s).toBe((replay.s ?? 0) + 1);
    again.ws.close(1000);
  });
});

describe('fake gateway with shards', () => {
  let discord: FakeDiscord;

  beforeAll(async () => {
    discord = await startFakeDiscord({
      guilds: [{ name: 'Zero', shard: [0, 2] }, { name: 'One', shard: [1, 2], users: ['dave'] }, { name: 'Also zero', shard: [0, 2], users: ['erin'] }],
    });
  });

  afterAll(async () => {
    await discord.close();
  });

  it('gives each guild an id on the shard its seed asked for', () => {
    expect(discord.guilds.map((g) => shardOfGuild(g.id, 2))).toEqual([0, 1, 0]);
  });

  it("sends each shard READY and GUILD_CREATE for its own guilds only, and routes a guild's events to its shard", async () => {
    const [zero, one, other] = discord.guilds as [GuildView, GuildView, GuildView];
    const shards = [await rawGateway(discord.gatewayUrl), await rawGateway(discord.gatewayUrl)];
    shards.forEach((gw, i) => send(gw.ws, 2, { token: discord.token, intents: 1 | (1 << 9), properties: {}, shard: [i, 2] }));
    const readies = await Promise.all(shards.map((gw) => gw.next((f) => f.t === 'READY')));
    expect(readies.map((r) => r.d?.shard)).toEqual([[0, 2], [1, 2]]);
    expect(readies.map((r) => (r.d?.guilds as { id: string }[]).map((g) => g.id))).toEqual([[zero.id, other.id], [one.id]]);
    expect(discord.gatewayStats.shards).toEqual([[0, 2], [1, 2]]);

    discord.postMessage({ content: 'to zero' });
    discord.postMessage({ channelId: one.textChannelId, user: 'dave', content: 'to one' });
    discord.postMessage({ channelId: other.textChannelId, user: 'erin', content: 'to zero again' });
    await shards[0]!.next((f) => f.t === 'MESSAGE_CREATE' && f.d?.guild_id === other.id);
    await shards[1]!.next((f) => f.t === 'MESSAGE_CREATE');
    const heard = shards.map((gw) => gw.frames.filter((f) => f.t === 'MESSAGE_CREATE' || f.t === 'GUILD_CREATE').map((f) => `${f.t} ${String(f.d?.guild_id ?? f.d?.id)}`));
    expect(heard).toEqual([
      [`GUILD_CREATE ${zero.id}`, `GUILD_CREATE ${other.id}`, `MESSAGE_CREATE ${zero.id}`, `MESSAGE_CREATE ${other.id}`],
      [`GUILD_CREATE ${one.id}`, `MESSAGE_CREATE ${one.id}`],
    ]);
    expect(discord.gatewayEvents.filter((e) => e.t === 'MESSAGE_CREATE').map((e) => e.shard)).toEqual([0, 1, 0]);
    for (const gw of shards) gw.ws.close(1000);
  });

  it('closes with 4010 on a shard id outside the shard count', async () => {
    const gw = await rawGateway(discord.gatewayUrl);
    send(gw.ws, 2, { token: discord.token, intents: 1, properties: {}, shard: [2, 2] });
    expect(await gw.closed).toBe(4010);
  });
});

describe('fake REST answers', () => {
  let discord: FakeDiscord;
  let gateway: Awaited<ReturnType<typeof rawGateway>>;
  const api = (path: string, init: RequestInit = {}, auth = true): Promise<Response> =>
    fetch(`${discord.restUrl}/v10${path}`, {
      ...init,
      headers: { ...(auth ? { authorization: `Bot ${discord.token}` } : {}), 'content-type': 'application/json', ...init.headers },
    });
  const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    discord = await startFakeDiscord({ interactionDeadlineMs: 200 });
    gateway = await rawGateway(discord.gatewayUrl);
    send(gateway.ws, 2, { token: discord.token, intents: 1 | (1 << 9), properties: {} });
    await gateway.next((f) => f.t === 'GUILD_CREATE');
  });

  afterAll(async () => {
    gateway.ws.close(1000);
    await discord.close();
    expect(discord.serverErrors).toEqual([]);
  });

  it('answers a 204 without body or content-type, with rate-limit headers', async () => {
    const res = await api(`/channels/${discord.guild.textChannelId}/typing`, { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
    for (const h of ['limit', 'remaining', 'reset', 'reset-after', 'bucket']) expect(res.headers.get(`x-ratelimit-${h}`)).not.toBeNull();
  });

  it('answers unknown routes 404 with code 0, records them, and refuses a missing token with 401', async () => {
    const res = await api('/nothing/here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(discord.calls.at(-1)).toMatchObject({ path: '/nothing/here', route: 'GET (unknown)', status: 404 });
    expect((await api('/users/@me', {}, false)).status).toBe(401);
    expect((await api('/users/@me', { method: 'DELETE' })).status).toBe(405);
    const guild = await (await api(`/guilds/${discord.guild.id}`)).json() as { roles: unknown[]; channels?: unknown };
    expect(guild.roles).toHaveLength(3);
    expect(guild.channels).toBeUndefined();
  });

  it('answers a second callback 40060, a late one 10062, and a follow-up before any callback 10015', async () => {
    const handle = discord.sendSlashCommand({ name: 'anything', options: { n: 3 } });
    expect(handle.payload.data).toMatchObject({ options: [{ name: 'n', type: 4, value: 3 }] });
    expect((await api(`/webhooks/${discord.applicationId}/${handle.token}`, json({ content: 'x' }), false)).status).toBe(404);
    const callback = `/interactions/${handle.id}/${handle.token}/callback`;
    expect((await api(callback, json({ type: 4, data: { content: 'hi' } }), false)).status).toBe(204);
    const twice = await api(callback, json({ type: 4, data: { content: 'hi' } }), false);
    expect(await twice.json()).toMatchObject({ code: 40060 });
    const late = discord.sendSlashCommand({ name: 'anything' });
    await new Promise((r) => setTimeout(r, 250));
    const tooLate = await api(`/interactions/${late.id}/${late.token}/callback`, json({ type: 5 }), false);
    expect(tooLate.status).toBe(404);
    expect(await tooLate.json()).toMatchObject({ code: 10062 });
  });

  it('returns the callback resource with_response=true and fills a deferred reply with the first follow-up', async () => {
    const handle = discord.sendSlashCommand({ name: 'anything' });
    const res = await api(`/interactions/${handle.id}/${handle.token}/callback?with_response=true`, json({ type: 5, data: { flags: 64 } }), false);
    const body = await res.json() as { interaction: Record<string, unknown>; resource: { message: { id: string } } };
    expect(body.interaction).toMatchObject({ id: handle.id, response_message_loading: true, response_message_ephemeral: true });
    const follow = await api(`/webhooks/${discord.applicationId}/${handle.token}?wait=true`, json({ content: 'done' }), false);
    expect(await follow.json()).toMatchObject({ id: body.resource.message.id, content: 'done', flags: 64 });
    const second = await api(`/webhooks/${discord.applicationId}/${handle.token}?wait=true`, json({ content: 'more' }), false);
    expect(handle.followUps().map((m) => m.content)).toEqual(['more']);
    expect(second.status).toBe(200);
    const encoded = await api(`/webhooks/${discord.applicationId}/${handle.token}/messages/%40original`);
    expect(await encoded.json()).toMatchObject({ content: 'done' });
  });

  it('refuses a second thread on a message, an unknown reply target, an empty message and a bad command name', async () => {
    const channel = discord.guild.textChannelId;
    const message = discord.postMessage({ content: 'start here' });
    const thread = (body: unknown) => api(`/channels/${channel}/messages/${message.id}/threads`, json(body));
    expect((await thread({ name: 'x'.repeat(101) })).status).toBe(400);
    expect((await thread({ name: 'one', auto_archive_duration: 1440 })).status).toBe(201);
    expect(await (await thread({ name: 'two' })).json()).toMatchObject({ code: 160004 });
    const reply = await api(`/channels/${channel}/messages`, json({ content: 'r', message_reference: { message_id: '1' } }));
    expect(await reply.json()).toMatchObject({ code: 50035, errors: { message_reference: {} } });
    expect(await (await api(`/channels/${channel}/messages`, json({ content: '  ' }))).json()).toMatchObject({ code: 50006 });
    const put = await api(`/applications/${discord.applicationId}/commands`, { method: 'PUT', body: JSON.stringify([{ name: 'Bad Name', description: 'd' }]) });
    expect(await put.json()).toMatchObject({ code: 50035, errors: { 0: { name: {} } } });
  });

  it('records the pings a message really makes under allowed_mentions', async () => {
    const bob = discord.guild.user('bob').id;
    const post = (body: unknown) => api(`/channels/${discord.guild.textChannelId}/messages`, json(body));
    const quiet = await (await post({ content: `<@${bob}> @everyone`, allowed_mentions: { parse: [] } })).json() as { id: string };
    const loud = await (await post({ content: `<@${bob}> @everyone` })).json() as { id: string };
    expect(discord.message(quiet.id)).toMatchObject({ mentions: [], mention_everyone: false, allowed_mentions: { parse: [] } });
    expect(discord.message(loud.id)).toMatchObject({ mentions: [{ id: bob }], mention_everyone: true });
  });

  it('answers 403 on threads when CREATE_PUBLIC_THREADS is denied, and reports waits that time out with recent calls', async () => {
    const channel = discord.guild.channelId('links');
    discord.denyPermission(channel, 'CreatePublicThreads');
    const message = discord.postMessage({ channelId: channel, content: 'no threads here' });
    const res = await api(`/channels/${channel}/messages/${message.id}/threads`, json({ name: 'nope' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'Missing Permissions', code: 50013 });
    await expect(discord.waitFor('DELETE /channels/:id', 30)).rejects.toThrow(/threads -> 403/);
  });

  it('serves CDN overrides and 404s unknown attachments', async () => {
    const file = discord.addAttachment('gone.pdf', 'x', 'application/pdf');
    discord.overrideAttachment(file.id, { status: 404, body: 'This content is no longer available.' });
    expect((await fetch(file.url)).status).toBe(404);
    expect((await fetch(`${discord.cdnUrl}/attachments/1/2/x.txt`)).status).toBe(404);
    expect(discord.cdnRequests.map((r) => r.status)).toEqual([404, 404]);
  });
});

describe('fake Discord ids and permissions', () => {
  it('makes increasing numeric snowflakes that carry their creation time', () => {
    const state = new FakeState();
    const ids = Array.from({ length: 5000 }, () => state.ids.next());
    expect(ids.every((id) => /^\d{17,20}$/.test(id))).toBe(true);
    expect(ids.every((id, i) => i === 0 || BigInt(id) > BigInt(ids[i - 1] as string))).toBe(true);
    expect(Math.abs(snowflakeTime(ids[0] as string) - Date.now())).toBeLessThan(5000);
  });

  it('computes channel permissions from roles, then @everyone, role and member overwrites', () => {
    const state = new FakeState();
    const guild = state.addGuild({ everyonePermissions: ['VIEW_CHANNEL', 'SEND_MESSAGES'] });
    const channel = state.channel(guild.channelIds[0] as string);
    const bob = state.userNamed('bob').id;
    const carol = state.userNamed('carol').id;
    const moderator = [...guild.roles.values()].find((r) => r.name === 'Moderator')!.id;
    channel.overwrites.push({ id: guild.id, type: 0, allow: 0n, deny: PERMISSIONS.SEND_MESSAGES });
    channel.overwrites.push({ id: moderator, type: 0, allow: PERMISSIONS.SEND_MESSAGES, deny: 0n });
    expect(state.permissionsIn(channel.id, bob) & PERMISSIONS.SEND_MESSAGES).toBe(0n);
    expect(state.permissionsIn(channel.id, carol) & PERMISSIONS.SEND_MESSAGES).toBe(PERMISSIONS.SEND_MESSAGES);
    state.overwriteFor(channel.id, carol, { deny: PERMISSIONS.VIEW_CHANNEL });
    expect(state.permissionsIn(channel.id, carol)).toBe(0n);
    expect(state.permissionsIn(channel.id, guild.ownerId) & PERMISSIONS.ADMINISTRATOR).toBe(PERMISSIONS.ADMINISTRATOR);
    expect(() => permissionBits('SEND_MESAGES')).toThrow(/unknown permission/);
  });
});
