/**
 * The fake gateway: Discord's JSON WebSocket protocol on a loopback `ws` server. HELLO, heartbeats and their
 * ACKs, IDENTIFY -> READY + GUILD_CREATEs, dispatches with sequence numbers, and RESUME after a dropped
 * connection (replaying what the client missed, then RESUMED). No compression, no ETF.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

type Json = Record<string, unknown>;

/** Gateway opcodes used here. */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 };

/** Close codes as Discord documents them. */
export const CloseCode = {
  UnknownError: 4000, UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005, InvalidSeq: 4007, InvalidShard: 4010, InvalidApiVersion: 4012, InvalidIntents: 4013,
} as const;

/** IDENTIFY's `shard`: absent means `[0, 1]`; otherwise `[id, count]` with `0 <= id < count`, or undefined. */
function identifyShard(value: unknown): [number, number] | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  return (id as number) >= 0 && (id as number) < (count as number) ? [id as number, count as number] : undefined;
}

/** A dispatch as sent, kept for replay on RESUME. */
interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

/** One gateway session (identified once, resumable while alive). */
export interface GatewaySession {
  id: string;
  intents: number;
  seq: number;
  /** `[shard_id, num_shards]` from IDENTIFY (`[0, 1]` when the client sent none). */
  shard: [number, number];
  log: SentDispatch[];
  socket: WebSocket | null;
  /** False once the client closed normally (1000/1001) or the session was invalidated: it can no longer resume. */
  alive: boolean;
}

/** What a test can check about the gateway conversation (heartbeats are only counted). */
export interface GatewayEvent {
  at: number;
  direction: 'in' | 'out';
  op: number;
  t?: string;
  s?: number;
  /** Close code, for `op: -1` entries that record a closed socket. */
  code?: number;
  /** The shard id of the session a dispatch went to (after IDENTIFY). */
  shard?: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** ws:// address handed out as `resume_gateway_url`. */
  resumeUrl: () => string;
  /** READY data and the dispatches that follow it (GUILD_CREATEs) for a freshly identified session. */
  onIdentify: (session: GatewaySession) => { ready: Json; after: { t: string; d: Json }[] };
  /** Called after anything a test may wait on. */
  onChange: () => void;
}

/** The shard that gets a guild's events, as Discord computes it: `(guild_id >> 22) % num_shards`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Whether a session's shard is the one for this guild (every session gets events of no guild). */
export function sessionHasGuild(session: GatewaySession, guildId: string | undefined): boolean {
  const [id, count] = session.shard;
  return guildId === undefined || shardOfGuild(guildId, count) === id;
}

/** The guild a dispatch belongs to: its `guild_id`, or the guild itself for GUILD_CREATE. */
function guildOf(t: string, d: unknown): string | undefined {
  if (d === null || typeof d !== 'object') return undefined;
  const data = d as Json;
  const id = t === 'GUILD_CREATE' ? data.id : data.guild_id;
  return typeof id === 'string' ? id : undefined;
}

/** Builds a dispatch's data for one session, or undefined to not send it there (intents). */
export type DispatchData = unknown | ((session: GatewaySession) => unknown);

export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly sessions = new Map<string, GatewaySession>();
  readonly events: GatewayEvent[] = [];
  identifies = 0;
  /** The `shard` field of every IDENTIFY, in order. */
  readonly identifiedShards: Array<[number, number]> = [];
  resumes = 0;
  heartbeats = 0;
  /** How many dispatches the last RESUME replayed. */
  lastReplayed = 0;
  private latest: GatewaySession | undefined;

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over an HTTP upgrade request for the gateway path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (query.get('v') !== '10') return void ws.close(CloseCode.InvalidApiVersion, 'Invalid API version');
      if ((query.get('encoding') ?? 'json') !== 'json') return void ws.close(CloseCode.DecodeError, 'Only JSON here');
      this.accept(ws);
    });
  }

  /** The session most recently identified, if it can still be resumed. */
  get session(): GatewaySession | undefined {
    return this.latest?.alive ? this.latest : undefined;
  }

  private send(ws: WebSocket, frame: { op: number; d: unknown; s?: number; t?: string }, shard?: number): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ op: frame.op, d: frame.d, s: frame.s ?? null, t: frame.t ?? null }));
    if (frame.op !== Op.HeartbeatAck) {
      this.note({ direction: 'out', op: frame.op, t: frame.t, s: frame.s, ...(shard === undefined ? {} : { shard }) });
    }
  }

  private note(event: Omit<GatewayEvent, 'at'>): void {
    this.events.push({ at: Date.now(), ...event });
    this.options.onChange();
  }

  private accept(ws: WebSocket): void {
    let session: GatewaySession | undefined;
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
    ws.on('message', (raw) => {
      let frame: { op?: unknown; d?: Json };
      try {
        frame = JSON.parse(raw.toString()) as typeof frame;
      } catch {
        return void ws.close(CloseCode.DecodeError, 'Error while decoding payload.');
      }
      if (frame.op === Op.Heartbeat) {
        this.heartbeats += 1;
        return this.send(ws, { op: Op.HeartbeatAck, d: null });
      }
      this.note({ direction: 'in', op: Number(frame.op) });
      if (frame.op === Op.Identify || frame.op === Op.Resume) {
        // A resumable INVALID_SESSION lets the client RESUME again on the same socket.
        const again = frame.op === Op.Resume && session !== undefined && frame.d?.session_id === session.id;
        if (session && !again) return void ws.close(CloseCode.AlreadyAuthenticated, 'Already authenticated.');
        if (frame.d?.token !== this.options.token) return void ws.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
        session = frame.op === Op.Identify ? this.identify(ws, frame.d) : this.resume(ws, frame.d);
        return;
      }
      if (!session) return void ws.close(CloseCode.NotAuthenticated, 'Not authenticated.');
      // Presence updates (3), voice (4) and member requests (8) are accepted and ignored.
      if (![3, 4, 8].includes(Number(frame.op))) ws.close(CloseCode.UnknownOpcode, 'Unknown opcode.');
    });
    ws.on('close', (code) => {
      this.note({ direction: 'in', op: -1, code });
      if (!session || session.socket !== ws) return;
      session.socket = null;
      // A normal close by the client ends the session on Discord; anything else leaves it resumable.
      if (code === 1000 || code === 1001) session.alive = false;
    });
    ws.on('error', () => undefined);
  }

  private identify(ws: WebSocket, d: Json): GatewaySession | undefined {
    if (typeof d.intents !== 'number') {
      ws.close(CloseCode.InvalidIntents, 'Invalid intent(s).');
      return undefined;
    }
    const shard = identifyShard(d.shard);
    if (!shard) {
      ws.close(CloseCode.InvalidShard, 'Invalid shard.');
      return undefined;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'), intents: d.intents, seq: 0, shard, log: [], socket: ws, alive: true,
    };
    this.sessions.set(session.id, session);
    this.latest = session;
    this.identifies += 1;
    this.identifiedShards.push(shard);
    const { ready, after } = this.options.onIdentify(session);
    session.seq += 1;
    this.send(ws, {
      op: Op.Dispatch, t: 'READY', s: session.seq,
      d: { ...ready, session_id: session.id, resume_gateway_url: this.options.resumeUrl() },
    }, session.shard[0]);
    for (const event of after) this.sendTo(session, event.t, event.d);
    return session;
  }

  private resume(ws: WebSocket, d: Json): GatewaySession | undefined {
    const session = this.sessions.get(String(d.session_id));
    if (!session || !session.alive) {
      // The client then waits and identifies again on a new connection.
      this.send(ws, { op: Op.InvalidSession, d: false });
      return undefined;
    }
    const seq = Number(d.seq ?? 0);
    if (seq > session.seq) {
      ws.close(CloseCode.InvalidSeq, 'Invalid seq.');
      return undefined;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    const missed = session.log.filter((frame) => frame.s > seq);
    for (const frame of missed) this.send(ws, { op: Op.Dispatch, t: frame.t, s: frame.s, d: frame.d });
    session.seq += 1;
    this.send(ws, { op: Op.Dispatch, t: 'RESUMED', s: session.seq, d: { _trace: ['fake-discord'] } });
    this.lastReplayed = missed.length;
    this.resumes += 1;
    this.options.onChange();
    return session;
  }

  private sendTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const frame = { s: session.seq, t, d };
    session.log.push(frame);
    if (session.socket) this.send(session.socket, { op: Op.Dispatch, ...frame }, session.shard[0]);
  }

  /**
   * Sends an event to every live session (of a guild's event, only to the sessions whose shard has the guild),
   * or records it for replay when the session's socket is down. Returns how many sessions got (or will get) it.
   */
  dispatch(t: string, data: DispatchData): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (!session.alive) continue;
      const d = typeof data === 'function' ? (data as (s: GatewaySession) => unknown)(session) : data;
      if (d === undefined || !sessionHasGuild(session, guildOf(t, d))) continue;
      this.sendTo(session, t, d);
      count += 1;
    }
    return count;
  }

  private liveSocket(): WebSocket {
    const socket = this.session?.socket;
    if (!socket) throw new Error('fake Discord: no connected gateway session (log the client in first)');
    return socket;
  }

  /** Closes the session's socket: with a resumable close code (default 4000), or abruptly without a close frame. */
  drop(options: { code?: number; abrupt?: boolean } = {}): Promise<void> {
    const socket = this.liveSocket();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    if (options.abrupt) socket.terminate();
    else socket.close(options.code ?? CloseCode.UnknownError, 'fake Discord dropped the connection');
    return closed;
  }

  /** Sends op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(): void {
    this.send(this.liveSocket(), { op: Op.Reconnect, d: null });
  }

  /** Sends op 9 INVALID_SESSION; when not resumable the session is gone and the client identifies again. */
  invalidateSession(resumable = false): void {
    const socket = this.liveSocket();
    if (!resumable && this.latest) this.latest.alive = false;
    this.send(socket, { op: Op.InvalidSession, d: resumable });
  }

  /** Ends every connection and stops accepting new ones. */
  close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    for (const session of this.sessions.values()) session.socket = null;
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
