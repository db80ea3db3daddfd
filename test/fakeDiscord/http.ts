/**
 * HTTP plumbing of the fake: reading JSON and multipart bodies, matching routes, answering with Discord's
 * headers (rate-limit headers on every answer, no body and no content-type on 204), recording each call,
 * and the CDN route that serves attachments.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallLog, RecordedCall, RecordedFile } from './calls.js';
import { RestFailure, type RestApi, type RestReply, type Route } from './rest.js';
import type { FakeState } from './state.js';

/** A one-off answer in place of the real one (rate limits, failures). */
export interface Interceptor {
  match: (call: Pick<RecordedCall, 'method' | 'path'>) => boolean;
  times: number;
  reply: () => RestReply;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses JSON, or multipart/form-data with `payload_json` (the JSON) and `files[n]` parts. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  let body: Record<string, unknown> = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') {
      const content = Buffer.from(await value.arrayBuffer());
      files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', size: content.length, content });
    } else if (field === 'payload_json') {
      body = { ...body, ...(JSON.parse(value) as Record<string, unknown>) };
    } else {
      body[field] = value;
    }
  }
  return { body, files };
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  keys: string[];
}

/** Compiles `/channels/:channel/messages` into a matcher of decoded paths. */
export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const keys: string[] = [];
    const source = route.pattern.split('/').map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
      keys.push(part.slice(1));
      return '([^/]+)';
    }).join('/');
    return { route, regex: new RegExp(`^${source}$`), keys };
  });
}

function findRoute(routes: CompiledRoute[], method: string, path: string): { route?: Route; params: Record<string, string>; pathKnown: boolean } {
  let pathKnown = false;
  for (const { route, regex, keys } of routes) {
    const m = regex.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    return { route, params: Object.fromEntries(keys.map((k, i) => [k, m[i + 1] as string])), pathKnown };
  }
  return { params: {}, pathKnown };
}

/** A stable bucket hash per route, like Discord's opaque `x-ratelimit-bucket`. */
function bucketOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 32);
}

/** Rate-limit headers Discord sends; `remaining` stays above 0 so the client never waits on normal answers. */
export function rateLimitHeaders(routeKey: string, remaining = 4, resetAfter = 1): Record<string, string> {
  return {
    'x-ratelimit-limit': '5', 'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': (Date.now() / 1000 + resetAfter).toFixed(3), 'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': bucketOf(routeKey),
  };
}

/** A 429 as Discord sends it; `retry-after` is in seconds (fractions allowed here to keep tests fast). */
export function rateLimitedReply(routeKey: string, retryAfter: number, global: boolean): RestReply {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
    headers: {
      ...rateLimitHeaders(routeKey, 0, retryAfter), 'retry-after': String(retryAfter),
      'x-ratelimit-scope': global ? 'global' : 'user', ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  };
}

function send(res: ServerResponse, reply: RestReply, routeKey: string): void {
  const headers: Record<string, string> = { ...rateLimitHeaders(routeKey), ...reply.headers, via: '1.1 fake-discord' };
  if (reply.status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  const payload = Buffer.from(JSON.stringify(reply.body ?? null));
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) });
  res.end(payload);
}

/** Splits `/api/v10/webhooks/1/t/messages/%40original` into the decoded API path, or undefined outside /api/v10. */
function apiPath(pathname: string): string | undefined {
  const m = /^\/api\/v10(\/.*)$/.exec(pathname);
  if (!m) return undefined;
  return (m[1] as string).split('/').map((s) => decodeURIComponent(s)).join('/').replace(/\/$/, '') || '/';
}

export interface RestListenerDeps {
  api: RestApi;
  token: () => string;
  log: CallLog;
  interceptors: Interceptor[];
  /** Unexpected exceptions in handlers (bugs of the fake): answered 500 and kept here. */
  errors: Error[];
}

function answer(
  deps: RestListenerDeps, route: Route | undefined, call: Pick<RecordedCall, 'method' | 'path' | 'params' | 'query' | 'body' | 'files' | 'authorized'>,
): RestReply {
  const interceptor = deps.interceptors.find((i) => i.times > 0 && i.match(call));
  if (interceptor) {
    interceptor.times -= 1;
    return interceptor.reply();
  }
  if (!route) return { status: 404, body: { message: '404: Not Found', code: 0 } };
  if (route.auth && !call.authorized) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  try {
    return route.handle({ ...call, body: call.body as Record<string, unknown> | undefined });
  } catch (error) {
    if (error instanceof RestFailure) return error.error;
    deps.errors.push(error as Error);
    console.error('fake Discord: handler failed', error);
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
}

/** The request listener of the REST API: parse, route, intercept, authorize, handle, answer, record. */
export function restListener(deps: RestListenerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = compileRoutes(deps.api.routes);
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const path = apiPath(url.pathname) ?? url.pathname;
      const found = findRoute(routes, method, path);
      const routeKey = found.route ? `${method} ${found.route.pattern}` : `${method} (unknown)`;
      const base = {
        method, path, params: found.params, query: Object.fromEntries(url.searchParams),
        authorized: req.headers.authorization === `Bot ${deps.token()}`,
      };
      let parsed: { body: unknown; files: RecordedFile[] };
      let reply: RestReply;
      try {
        parsed = await parseBody(await readBody(req), String(req.headers['content-type'] ?? ''));
        reply = answer(deps, found.route, { ...base, ...parsed });
        if (!found.route && found.pathKnown && reply.status === 404) reply = { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
      } catch {
        parsed = { body: undefined, files: [] };
        reply = { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
      }
      send(res, reply, routeKey);
      deps.log.add({ ...base, ...parsed, route: routeKey, status: reply.status, response: reply.body, at: Date.now() });
    })().catch((error: unknown) => {
      // A client that hung up mid-request: nothing to answer, but keep it visible.
      deps.errors.push(error as Error);
      res.destroy();
    });
  };
}

/** One request to the CDN route. */
export interface CdnRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

/** How the CDN answers for one attachment instead of serving it (to test failures). */
export interface CdnOverride {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** The CDN listener: `GET|HEAD /attachments/<channel>/<id>/<filename>` serves the stored file. */
export function cdnListener(
  state: FakeState, requests: CdnRequest[], overrides: Map<string, CdnOverride>, log: CallLog,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const m = /^\/attachments\/\d+\/(\d+)\/([^/]+)$/.exec(url.pathname);
    const file = m ? state.files.get(m[1] as string) : undefined;
    const override = m ? overrides.get(m[1] as string) : undefined;
    let status: number;
    if (override) {
      status = override.status ?? 200;
      res.writeHead(status, { 'content-type': 'application/octet-stream', ...override.headers });
      res.end(method === 'HEAD' ? undefined : override.body);
    } else if (file && (method === 'GET' || method === 'HEAD') && decodeURIComponent(m?.[2] ?? '') === file.filename) {
      status = 200;
      res.writeHead(200, {
        'content-type': file.contentType, 'content-length': String(file.content.length),
        'cache-control': 'public, max-age=31536000', 'accept-ranges': 'bytes',
      });
      res.end(method === 'HEAD' ? undefined : file.content);
    } else {
      status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('This content is no longer available.');
    }
    requests.push({ method, path: url.pathname + url.search, status, at: Date.now() });
    log.changed();
  };
}

/** Listens on 127.0.0.1 on a free port and returns it. */
export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops a server and drops its keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
