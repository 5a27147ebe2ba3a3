import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Activity, ResourceResponse } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { MidlerError } from '../../src/domain/errors.ts';
import { isForbiddenHost } from '../../src/server/egress.ts';
import { plainRequest } from '../../src/server/plain-http.ts';
import { ForbiddenServiceUrl } from './connector-guard.ts';

/**
 * The Bot Connector calls of a turn's replies (and of proactive sends) as plain HTTP: one small
 * request on the keep-alive agents of egress.ts, instead of botbuilder's Azure pipeline (serializer,
 * a dozen policies, header objects), which was most of a Teams turn's CPU after the engine's own work
 * (docs/performance.md). What the connector client guaranteed still holds, here:
 * - the Authorization header comes from the connector client's own credentials (`signRequest`), so
 *   the token is fetched and cached exactly as botbuilder does (AppCredentials' cache), and a failing
 *   token endpoint fails the call the same way;
 * - a deadline (OUTBOUND_TIMEOUT_SECONDS) covers the token and the request (the token fetch has its
 *   own, the request gets what is left), and the request ends with the turn's deadline too (handed
 *   down from the turn context, deadline.ts): either destroys it when it passes;
 * - link-local and metadata addresses are never contacted, by URL or after DNS (guardedAgents);
 * - nothing is retried here: a failure throws an error that `readConnectorFailure` reads as it reads
 *   the SDK's (`statusCode`, `response.headers['retry-after']`, a network `code`), and the one retry
 *   policy decides.
 * The body is the activity as JSON with the account fields botbuilder's serializer keeps; the path,
 * method and headers are those of botframework-connector's `replyToActivity`, `sendToConversation` and
 * `updateActivity`. Redirects are not followed (the SDK follows them only for GET and 303).
 */

/** botframework-connector's user agent, without the Azure pipeline's part. */
const USER_AGENT = `Microsoft-BotFramework/3.1 botframework-connector midlerbot Node/${process.version}`;

/** The parts of a ConnectorClient this reads: where it posts and what signs its requests. */
interface ClientParts {
  baseUri?: unknown;
  credentials?: { signRequest(resource: SignableRequest): Promise<unknown> };
}

/** The slice of Azure's WebResource that ServiceClientCredentials.signRequest writes to. */
interface SignableRequest {
  url: string;
  method: string;
  headers: {
    set(name: string, value: string | number): void;
    get(name: string): string | undefined;
    contains(name: string): boolean;
  };
}

/** A connector answer outside 2xx, shaped as botbuilder's RestError is read (connector-errors.ts). */
export class ConnectorHttpError extends Error {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly response: { status: number; headers: Record<string, string>; bodyAsText: string };

  constructor(method: string, url: string, status: number, headers: Record<string, string>, text: string) {
    const error = parseJson(text) as { error?: { code?: unknown; message?: unknown } } | undefined;
    const message = typeof error?.error?.message === 'string' ? error.error.message : `HTTP ${status}`;
    super(`${method} ${new URL(url).pathname}: ${status} ${message}`);
    this.name = 'ConnectorHttpError';
    this.statusCode = status;
    this.code = typeof error?.error?.code === 'string' ? error.error.code : undefined;
    this.response = { status, headers, bodyAsText: text };
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const ACCOUNT_KEYS = ['id', 'name', 'aadObjectId', 'role', 'properties'] as const;
const CONVERSATION_KEYS = [
  'isGroup',
  'conversationType',
  'tenantId',
  'id',
  'name',
  'aadObjectId',
  'role',
  'properties',
] as const;

function pick(value: unknown, keys: readonly string[]): unknown {
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * The request body. The activity's own fields are the ones our renderer and botbuilder's
 * applyConversationReference set, all in the connector's Activity model; the accounts and the
 * conversation are copied from the inbound activity, so only the fields the model has are kept (as
 * botbuilder's serializer does), in case Teams adds some (test/teams/plain-connector.test.ts).
 */
export function activityBody(activity: Partial<Activity>): string {
  return JSON.stringify({
    ...activity,
    ...(activity.from ? { from: pick(activity.from, ACCOUNT_KEYS) } : {}),
    ...(activity.recipient ? { recipient: pick(activity.recipient, ACCOUNT_KEYS) } : {}),
    ...(activity.conversation ? { conversation: pick(activity.conversation, CONVERSATION_KEYS) } : {}),
  });
}

function partsOf(client: ConnectorClient): { baseUri: string; credentials: ClientParts['credentials'] } {
  const parts = client as unknown as ClientParts;
  if (typeof parts.baseUri !== 'string')
    throw new Error('botframework-connector changed: no baseUri on the ConnectorClient');
  return { baseUri: parts.baseUri, credentials: parts.credentials };
}

/** The Authorization header the client's credentials set (none without an app id). */
async function authorizationOf(
  credentials: ClientParts['credentials'],
  method: string,
  url: string,
): Promise<string | undefined> {
  if (!credentials) return undefined;
  const headers = new Map<string, string>();
  await credentials.signRequest({
    url,
    method,
    headers: {
      set: (name, value) => headers.set(name.toLowerCase(), String(value)),
      get: (name) => headers.get(name.toLowerCase()),
      contains: (name) => headers.has(name.toLowerCase()),
    },
  });
  return headers.get('authorization');
}

export interface PlainConnector {
  /** POST: a reply to `replyToId` when the activity has one, else a new message in the conversation. */
  send(client: ConnectorClient, activity: Partial<Activity>, outer?: AbortSignal): Promise<ResourceResponse>;
  /** PUT: replaces the activity `activity.id` in its conversation. */
  update(
    client: ConnectorClient,
    activity: Partial<Activity>,
    outer?: AbortSignal,
  ): Promise<ResourceResponse | undefined>;
}

export function createPlainConnector(timeoutMs: number): PlainConnector {
  async function call(
    client: ConnectorClient,
    method: 'POST' | 'PUT',
    path: string,
    body: string,
    extraHeaders: Record<string, string>,
    outer: AbortSignal | undefined,
  ): Promise<{ id?: unknown } | undefined> {
    const { baseUri, credentials } = partsOf(client);
    const url = `${baseUri.endsWith('/') ? baseUri : `${baseUri}/`}${path}`;
    const target = new URL(url);
    if (isForbiddenHost(target.hostname)) throw new ForbiddenServiceUrl(url);
    if (outer?.aborted) throw outer.reason;
    // One deadline over the token fetch signing the request and the request itself. The token fetch
    // has its own (plain-http-credentials.ts) and is cached between turns, so the request gets what
    // is left; no AbortController per call (they cost more than the call on Node 20).
    const started = performance.now();
    const authorization = await authorizationOf(credentials, method, url);
    const left = timeoutMs - (performance.now() - started);
    const what = `teams ${method} ${target.pathname}`;
    if (left <= 0) throw new MidlerError('outbound.timeout', `${what}: no answer within ${timeoutMs} ms`);
    const res = await plainRequest(target, {
      method,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        accept: '*/*',
        'user-agent': USER_AGENT,
        'x-ms-client-request-id': randomUUID(),
        ...extraHeaders,
        ...(authorization ? { authorization } : {}),
      },
      body,
      timeoutMs: left,
      what,
      signal: outer,
    });
    if (res.status < 200 || res.status >= 300)
      throw new ConnectorHttpError(method, url, res.status, res.headers, res.text);
    return parseJson(res.text) as { id?: unknown } | undefined;
  }

  const enc = encodeURIComponent;
  return {
    async send(client, activity, outer) {
      const conversationId = activity.conversation?.id ?? '';
      const replyTo = activity.replyToId;
      const answer = replyTo
        ? await call(
            client,
            'POST',
            `v3/conversations/${enc(conversationId)}/activities/${enc(replyTo)}`,
            activityBody(activity),
            { 'x-ms-conversation-id': conversationId },
            outer,
          )
        : await call(
            client,
            'POST',
            `v3/conversations/${enc(conversationId)}/activities`,
            activityBody(activity),
            {},
            outer,
          );
      return { id: typeof answer?.id === 'string' ? answer.id : (activity.id ?? '') };
    },
    async update(client, activity, outer) {
      const conversationId = activity.conversation?.id ?? '';
      const answer = await call(
        client,
        'PUT',
        `v3/conversations/${enc(conversationId)}/activities/${enc(activity.id ?? '')}`,
        activityBody(activity),
        {},
        outer,
      );
      return typeof answer?.id === 'string' && answer.id ? { id: answer.id } : undefined;
    },
  };
}
