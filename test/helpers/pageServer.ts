import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createSecureContext } from 'node:tls';

/** Answers a request by hand: for slow, endless or malformed responses. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A fixed response. The default status is 200 and the default Content-Type `text/html; charset=utf-8`. */
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string | number>;
  body?: string | Uint8Array;
}

export type Route = RouteHandler | StaticRoute;

/** What the server saw of one request. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface PageServerOptions {
  /** Loopback address to listen on (default 127.0.0.1). Tests must never listen elsewhere. */
  host?: string;
  /** Serve HTTPS with this key and certificate; the SNI name each client sent is recorded. */
  tls?: { key: string; cert: string };
}

/** A small loopback HTTP(S) server that serves given routes and counts what reached it. */
export interface PageServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  readonly port: number;
  /** The full URL of a path on this server. */
  url(path: string): string;
  /** Adds or replaces a route. */
  route(path: string, route: Route): void;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far (a refused fetch must leave this at 0). */
  readonly connections: number;
  /** SNI server names received (HTTPS only). */
  readonly servernames: string[];
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

function serveStatic(route: StaticRoute, res: ServerResponse): void {
  const body = route.body ?? '';
  res.writeHead(route.status ?? 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...route.headers,
  });
  res.end(body);
}

/**
 * Starts a server on a free loopback port. Paths are matched exactly against the request path (query
 * included); unknown paths get a 404.
 */
export async function startPageServer(routes: Record<string, Route> = {}, options: PageServerOptions = {}): Promise<PageServer> {
  const host = options.host ?? '127.0.0.1';
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const servernames: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = table.get(path) ?? { status: 404, body: 'not found' };
    if (typeof route !== 'function') return serveStatic(route, res);
    Promise.resolve(route(req, res)).catch(() => res.destroy());
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          ...options.tls,
          SNICallback: (name, callback) => {
            servernames.push(name);
            callback(null, createSecureContext(options.tls));
          },
        },
        listener,
      )
    : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    route: (path, route) => void table.set(path, route),
    requests,
    get connections() {
      return connections;
    },
    servernames,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
