import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HostRequest, HostResponse, Route } from './http-types.ts';
import { lazyChild } from './lazy-log.ts';
import type { Metrics } from './metrics.ts';

export interface HttpHostOptions {
  routes: Route[];
  log: Logger;
  metrics: Metrics;
  /** Largest accepted request body; 413 beyond it. */
  bodyLimitBytes?: number;
}

export interface HttpHost {
  readonly server: Server;
  /** Starts listening; port 0 picks a free one. Resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Stops accepting, waits for in-flight requests up to `graceMs`, then drops what is left. */
  close(graceMs: number): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 256 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  // A caller's id is kept for correlation only when it cannot smuggle anything into the logs.
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}

/** The body parsed, when it is a JSON object; undefined otherwise. */
function jsonObjectOf(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, out: HostResponse, requestId: string): void {
  const headers: Record<string, string> = { 'x-request-id': requestId, ...out.headers };
  let payload: string | Buffer | undefined;
  if (out.body === undefined || out.body === null) payload = undefined;
  else if (typeof out.body === 'string' || Buffer.isBuffer(out.body)) payload = out.body;
  else {
    payload = JSON.stringify(out.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** One node:http server for every route: limits, JSON checks, request ids, error boundary. */
export function createHttpHost(options: HttpHostOptions): HttpHost {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const byPath = new Map<string, Route[]>();
  for (const route of options.routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  let inFlight = 0;
  const idle: (() => void)[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdOf(req);
    const url = new URL(req.url ?? '/', 'http://host');
    const log = lazyChild(options.log, { reqId: requestId });
    const method = req.method ?? 'GET';
    const routes = byPath.get(url.pathname);
    const route = routes?.find((r) => r.method === method);
    const finish = (out: HostResponse, label: string) => {
      options.metrics.httpRequests.inc({ route: label, status: String(out.status) });
      if (!res.headersSent) send(res, out, requestId);
    };
    if (!routes) {
      req.resume();
      finish({ status: 404, body: { error: 'not-found' } }, 'unknown');
      return;
    }
    if (!route) {
      req.resume();
      finish(
        {
          status: 405,
          headers: { allow: routes.map((r) => r.method).join(', ') },
          body: { error: 'method-not-allowed' },
        },
        url.pathname,
      );
      return;
    }
    let rawBody: Buffer;
    try {
      rawBody = method === 'GET' ? Buffer.alloc(0) : await readBody(req, limit);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        log.warn({ path: url.pathname, limit }, 'request body too large');
        res.setHeader('connection', 'close');
        finish({ status: 413, body: { error: 'payload-too-large' } }, route.path);
        return;
      }
      log.warn({ err: e }, 'could not read request body');
      finish({ status: 400, body: { error: 'bad-request' } }, route.path);
      return;
    }
    // Parsed once here; a JSON route gets the object and does not parse the body again.
    const json = route.json ? jsonObjectOf(rawBody) : undefined;
    if (route.json && !json) {
      log.warn({ path: url.pathname }, 'malformed JSON body');
      finish({ status: 400, body: { error: 'malformed-json' } }, route.path);
      return;
    }
    const hostReq: HostRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      ...(json ? { json } : {}),
      requestId,
      log,
    };
    try {
      const out = await route.handler(hostReq);
      finish(out, route.path);
    } catch (e) {
      log.error({ err: e, path: url.pathname }, 'request handler failed');
      finish({ status: 500, body: { error: 'internal', requestId } }, route.path);
    }
  }

  const server = createServer((req, res) => {
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
    });
    handle(req, res).catch((e: unknown) => {
      options.log.error({ err: e }, 'unhandled error in HTTP host');
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal' } }, 'unknown');
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    inFlight: () => inFlight,
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), graceMs);
      });
      const outcome = await Promise.race([drained.then(() => 'drained' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout')
        options.log.warn({ inFlight }, 'shutdown grace period over; dropping connections');
      server.closeAllConnections();
      await closed;
    },
  };
}
