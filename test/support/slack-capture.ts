import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyText } from './request-body.ts';

/** One Web API call the bot made to the (local) Slack API. */
export interface SlackCall {
  /** The API method, e.g. `chat.postMessage`. */
  method: string;
  /** Arguments with JSON-valued fields (blocks, view) decoded back into objects. */
  args: Record<string, unknown>;
  authorization?: string;
  /** Capture order, and `now()` when captured (a test clock in rate tests). */
  seq: number;
  at: number;
}

export type SlackFailure =
  | { status: 429; retryAfter: number }
  /** Slack's gateway answering with a server error: nothing was posted. */
  | { status: 500 | 502 | 503 }
  | { error: string }
  /** No answer at all (the bot's deadline ends it, or `close` cuts it off), or a connection reset. */
  | { fault: 'hang' | 'reset' };

export interface SlackCapture {
  /** The Web API base URL to configure as SLACK_API_URL. */
  readonly apiUrl: string;
  readonly calls: SlackCall[];
  /** Calls of one method, in order. */
  of(method: string): SlackCall[];
  /** Resolves once `count` calls of `method` were captured (rejects after a generous bound). */
  waitFor(method: string, count?: number): Promise<SlackCall[]>;
  /**
   * The next call of `method` fails: a 429 with Retry-After, a 5xx, `ok: false` with that error, no
   * answer at all, or a reset connection.
   */
  failNext(method: string, failure: SlackFailure): void;
  /** The locale users.info reports for a user (default nb-NO). */
  setLocale(userId: string, locale: string): void;
  /** The name users.info reports for a user (default `Real {id}`, display name `Display {id}`). */
  setName(userId: string, name: string): void;
  reset(): void;
  close(): Promise<void>;
}

export const CAPTURE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0MIDLER' } as const;

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await bodyText(req);
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json'))
    return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/** A local Slack Web API: records every call and answers the way slack.com does. */
export async function startSlackCapture(options: { now?: () => number } = {}): Promise<SlackCapture> {
  const now = options.now ?? (() => Date.now());
  const calls: SlackCall[] = [];
  const failures = new Map<string, SlackFailure[]>();
  const locales = new Map<string, string>();
  const names = new Map<string, string>();
  const waiters: { method: string; count: number; resolve: (c: SlackCall[]) => void }[] = [];
  let seq = 0;
  let tsCounter = 0;

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://midler.slack.com/',
          team: 'Midler',
          user: 'midlerbot',
          team_id: CAPTURE_BOT.teamId,
          user_id: CAPTURE_BOT.userId,
          bot_id: CAPTURE_BOT.botId,
        };
      case 'chat.postMessage': {
        tsCounter += 1;
        const ts = `1693814400.${String(tsCounter).padStart(6, '0')}`;
        return {
          ok: true,
          channel,
          ts,
          message: { type: 'message', text: args.text, ts, bot_id: CAPTURE_BOT.botId },
        };
      }
      case 'chat.update':
        return { ok: true, channel, ts: args.ts, text: args.text };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${String(seq).padStart(8, '0')}`, hash: `hash-${seq}` } };
      case 'users.info': {
        const id = String(args.user ?? '');
        const name = names.get(id);
        return {
          ok: true,
          user: {
            id,
            team_id: CAPTURE_BOT.teamId,
            name: id.toLowerCase(),
            real_name: name ?? `Real ${id}`,
            locale: locales.get(id) ?? 'nb-NO',
            profile: { display_name: name ?? `Display ${id}`, real_name: name ?? `Real ${id}` },
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users ?? '').replace(/^U/, '')}` } };
      default:
        return { ok: true };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const method = new URL(req.url ?? '/', 'http://local').pathname.replace(/^\/api\//, '');
    const args = await readArgs(req);
    const call: SlackCall = {
      method,
      args,
      seq: seq++,
      at: now(),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    if (failure && 'fault' in failure) {
      if (failure.fault === 'reset') req.socket.destroy();
      return;
    }
    if (failure && 'status' in failure && failure.status === 429) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else if (failure && 'status' in failure) {
      res.writeHead(failure.status, { 'content-type': 'text/html' });
      res.end('<html><body>Server error</body></html>');
    } else {
      const body = failure ? { ok: false, error: failure.error } : answer(method, args);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    }
    for (const w of [...waiters]) {
      const matching = calls.filter((c) => c.method === w.method);
      if (matching.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(matching);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    waitFor(method, count = 1) {
      const already = calls.filter((c) => c.method === method);
      if (already.length >= count) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { method, count, resolve };
        waiters.push(waiter);
        // A bound so a missing call fails the test with a message instead of hanging it.
        setTimeout(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `expected ${count} ${method} call(s), saw ${calls.filter((c) => c.method === method).length}`,
            ),
          );
        }, 10_000).unref();
      });
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    setLocale(userId, locale) {
      locales.set(userId, locale);
    },
    setName(userId, name) {
      names.set(userId, name);
    },
    reset() {
      // Message ts restart too: a test reads a message's ts from its position among the posts.
      calls.length = 0;
      tsCounter = 0;
      failures.clear();
      locales.clear();
      names.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
