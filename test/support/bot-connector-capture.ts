import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MicrosoftFake, readFields } from './request-body.ts';

/** One request the bot made to the (local) Bot Connector service. */
export interface Captured {
  method: string;
  path: string;
  /** The conversation id from the URL, decoded. */
  conversationId?: string;
  /** The activity id from the URL (replies and updates). */
  activityId?: string;
  authorization?: string;
  /** Which client sent it (botbuilder's connector pipeline or the adapter's plain HTTP). */
  userAgent?: string;
  body: Record<string, unknown>;
  /** Capture order, and the value of `now()` when captured (an injected clock in rate tests). */
  seq: number;
  at: number;
}

/**
 * What one activity request to a conversation gets instead of a 200 (fault tests): an HTTP status
 * (with Retry-After when given), a connection reset, or no answer at all until `unhang` or `close`.
 */
export type ConnectorFault = 'hang' | 'reset' | { status: number; retryAfterSeconds?: number };

export interface CaptureOptions {
  /** Stamps each capture; tests with a fake clock pass it so timestamps follow that clock. */
  now?: () => number;
}

/** Its `loginUrl` is configured as ToChannelFromBotLoginUrl. */
export interface BotConnectorCapture extends MicrosoftFake<Captured> {
  /** The serviceUrl to put in activities (ends with a slash, as Teams sends it). */
  readonly serviceUrl: string;
  /** Activities posted (new messages and replies). */
  posted(): Captured[];
  /** Activities replaced in place (PUT). */
  updated(): Captured[];
  /** The next `count` activity requests fail with `status` (and Retry-After when given). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** The next activity requests to this conversation get these faults, one each, in order. */
  script(conversationId: string, faults: ConnectorFault[]): void;
  /** The next token requests get these faults, one each, in order (an unreachable login endpoint). */
  failTokens(faults: ConnectorFault[]): void;
  /** Every activity request to this conversation hangs (is never answered) until `unhang`. */
  hang(conversationId: string): void;
  /**
   * Ends this conversation's faults: requests held by `hang` are cut off (the bot sees a reset),
   * scripted faults not used yet are dropped, later requests answer 200.
   */
  unhang(conversationId: string): void;
  /** Activity requests that got a fault (status, reset or hang) instead of a 200. */
  faulted(): Captured[];
  /** Requests to this conversation answer 403 (the bot was removed / user blocked it). */
  forbid(conversationId: string): void;
  /**
   * A member of a conversation (a team's id for its channels), as the single-member lookup
   * (GET /v3/conversations/{id}/members/{aadObjectId}, TeamsInfo.getMember) answers it; others are 404.
   */
  addMember(conversationId: string, member: { id: string; name: string; aadObjectId: string }): void;
  /** Single-member lookups the bot made. */
  memberLookups(): Captured[];
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

/** A local Bot Connector: records what the bot sends and answers like the service does. */
export async function startBotConnectorCapture(options: CaptureOptions = {}): Promise<BotConnectorCapture> {
  const now = options.now ?? (() => Date.now());
  const requests: Captured[] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
  const forbidden = new Set<string>();
  const members = new Map<string, Record<string, unknown>>();
  const scripts = new Map<string, ConnectorFault[]>();
  const hanging = new Map<string, Set<ServerResponse>>();
  const faulted: Captured[] = [];
  const tokenFaults: ConnectorFault[] = [];
  let seq = 0;

  /** Answers with a fault instead of a 200; the request is recorded as faulted. */
  function answerFault(req: IncomingMessage, res: ServerResponse, fault: ConnectorFault, captured: Captured) {
    faulted.push(captured);
    // Never answered: the bot's deadline ends it, or `close` cuts it off.
    if (fault === 'hang') return;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(fault.status, {
      'content-type': 'application/json',
      ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
    });
    res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'Injected fault' } }));
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readFields(req);
    const match = ACTIVITIES.exec(url.pathname);
    const captured: Captured = {
      method: req.method ?? 'GET',
      path: url.pathname,
      body,
      seq: seq++,
      at: now(),
      ...(match?.[1] ? { conversationId: decodeURIComponent(match[1]) } : {}),
      ...(match?.[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    };
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const tokenFault = tokenFaults.shift();
      if (tokenFault) {
        answerFault(req, res, tokenFault, captured);
        return;
      }
      requests.push(captured);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `local-token-${seq}`,
        }),
      );
      return;
    }
    const member = MEMBER.exec(url.pathname);
    if (member?.[1] && member[2] && req.method === 'GET') {
      requests.push(captured);
      const found = members.get(`${decodeURIComponent(member[1])}|${decodeURIComponent(member[2])}`);
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          found ?? {
            error: { code: 'MemberNotFoundInConversation', message: 'Member not found in conversation.' },
          },
        ),
      );
      return;
    }
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    if (captured.conversationId && forbidden.has(captured.conversationId)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'BotNotInConversationRoster',
            message: 'The bot is not part of the conversation roster.',
          },
        }),
      );
      return;
    }
    const id = captured.conversationId ?? '';
    const held = hanging.get(id);
    if (held) {
      faulted.push(captured);
      held.add(res);
      return;
    }
    const fault = scripts.get(id)?.shift();
    if (fault) {
      answerFault(req, res, fault, captured);
      return;
    }
    const failure = failures.shift();
    if (failure) {
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
      return;
    }
    requests.push(captured);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: captured.activityId && req.method === 'PUT' ? captured.activityId : `1:${captured.seq}`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const activityRequests = () => requests.filter((r) => ACTIVITIES.test(r.path));

  return {
    serviceUrl: `${base}/`,
    loginUrl: `${base}/botframework.com`,
    requests,
    posted: () => activityRequests().filter((r) => r.method === 'POST'),
    updated: () => activityRequests().filter((r) => r.method === 'PUT'),
    tokenRequests: () => requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')),
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++)
        failures.push({
          status,
          ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}),
        });
    },
    failTokens(list) {
      tokenFaults.push(...list);
    },
    script(conversationId, list) {
      scripts.set(conversationId, [...(scripts.get(conversationId) ?? []), ...list]);
    },
    hang(conversationId) {
      if (!hanging.has(conversationId)) hanging.set(conversationId, new Set());
    },
    unhang(conversationId) {
      for (const res of hanging.get(conversationId) ?? []) res.socket?.destroy();
      hanging.delete(conversationId);
      scripts.delete(conversationId);
    },
    faulted: () => [...faulted],
    forbid: (id) => forbidden.add(id),
    addMember(conversationId, m) {
      const account = { ...m, objectId: m.aadObjectId, userRole: 'user', tenantId: 'local' };
      members.set(`${conversationId}|${m.aadObjectId}`, account);
    },
    memberLookups: () => requests.filter((r) => MEMBER.test(r.path)),
    reset() {
      requests.length = 0;
      failures.length = 0;
      forbidden.clear();
      members.clear();
      scripts.clear();
      tokenFaults.length = 0;
      faulted.length = 0;
      for (const id of [...hanging.keys()]) {
        for (const res of hanging.get(id) ?? []) res.socket?.destroy();
      }
      hanging.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
