import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';

/**
 * The host's tiny request/response shim: adapters get the raw body (Slack signs it, Teams parses
 * it) and answer with a plain object. The host owns limits, JSON errors, request ids and logging.
 */
export interface HostRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body as parsed by the host, on a `json` route (a JSON object, checked). */
  json?: Record<string, unknown>;
  requestId: string;
  log: Logger;
}

export interface HostResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. Absent: empty body. */
  body?: unknown;
}

export type RouteHandler = (req: HostRequest) => Promise<HostResponse>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
  /** When true the host answers 400 itself if the body is not a JSON object. */
  json?: boolean;
}

/** What a platform adapter hands the host: its routes, its proactive sender, and its lifecycle. */
export interface PlatformAdapter {
  readonly platform: 'teams' | 'slack';
  readonly routes: Route[];
  readonly sender: import('../bot/ports.ts').Sender;
  start?(): Promise<void>;
  stop(): Promise<void>;
}
