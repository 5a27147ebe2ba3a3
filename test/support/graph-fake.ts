import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MicrosoftFake, readFields } from './request-body.ts';

/**
 * A local Microsoft Graph and Entra token endpoint, as much of them as proactive installation uses
 * (adapters/teams/graph-install.ts), answering as the documented APIs do:
 * - `POST /{tenant}/oauth2/v2.0/token` (client credentials, form-encoded) → `{ access_token, expires_in }`;
 * - `POST /v1.0/users/{id}/teamwork/installedApps` with `teamsApp@odata.bind` → 201 with no body,
 *   409 when the app is already installed for the user, 404 for an unknown user;
 * - `GET /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'`
 *   → `{ value: [installation] }` (empty when not installed);
 * - `GET /v1.0/users/{id}/teamwork/installedApps/{installationId}/chat` → `{ id: chatId }`.
 * Every Graph call must carry a bearer token this fake issued, else 401.
 */

export interface GraphRequest {
  method: string;
  path: string;
  /** The query string, decoded (`$filter=…`). */
  query: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/** Its `loginUrl` is configured as TEAMS_GRAPH_LOGIN_URL. */
export interface GraphFake extends MicrosoftFake<GraphRequest> {
  /** Configure as TEAMS_GRAPH_URL (with the version). */
  readonly graphUrl: string;
  graphRequests(): GraphRequest[];
  /** A user of the tenant; `chatId` is the personal chat Graph names once the app is installed. */
  addUser(aadObjectId: string, chatId: string): void;
  /** The app is already installed for the user (the install answers 409). */
  preinstall(aadObjectId: string, catalogAppId: string): void;
  /** Every Graph call answers this status with a Graph error body (403: the permission is missing). */
  refuse(status: number, code: string): void;
  /** Installs the fake made, by user. */
  installed(): { user: string; app: string }[];
}

const INSTALLED_APPS = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/;
const CHAT = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/;
const TOKEN = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const APP_FILTER = /teamsApp\/id eq '([^']+)'/;

export async function startGraphFake(): Promise<GraphFake> {
  const requests: GraphRequest[] = [];
  const users = new Map<string, string>();
  /** installation id -> user and app */
  const installs = new Map<string, { user: string; app: string }>();
  const tokens = new Set<string>();
  let refusal: { status: number; code: string } | undefined;
  let seq = 0;
  let base = '';

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readFields(req);
    const request: GraphRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: decodeURIComponent(url.search.replace(/^\?/, '')),
      body,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    requests.push(request);
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const graphError = (status: number, code: string, message: string) =>
      send(status, { error: { code, message, innerError: { 'request-id': `req-${seq}` } } });

    if (req.method === 'POST' && TOKEN.test(url.pathname)) {
      if (body.grant_type !== 'client_credentials' || !body.client_id || !body.client_secret) {
        send(400, { error: 'invalid_request', error_codes: [900144] });
        return;
      }
      const token = `graph-token-${++seq}`;
      tokens.add(token);
      send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      return;
    }
    if (!url.pathname.startsWith('/v1.0/')) {
      send(404);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      return;
    }
    if (refusal) {
      graphError(refusal.status, refusal.code, 'Refused by the fake.');
      return;
    }
    const apps = INSTALLED_APPS.exec(url.pathname);
    const user = decodeURIComponent(apps?.[1] ?? CHAT.exec(url.pathname)?.[1] ?? '');
    if (!users.has(user)) {
      graphError(404, 'NotFound', `User ${user} was not found.`);
      return;
    }
    const installationOf = (app: string) =>
      [...installs.entries()].find(([, i]) => i.user === user && i.app === app)?.[0];
    if (apps && req.method === 'POST') {
      const bind = String(body['teamsApp@odata.bind'] ?? '');
      const app = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1];
      if (!app) {
        graphError(400, 'BadRequest', 'teamsApp@odata.bind is required.');
        return;
      }
      if (installationOf(app)) {
        graphError(409, 'Conflict', 'App is already installed for the user.');
        return;
      }
      installs.set(`inst-${++seq}`, { user, app });
      send(201);
      return;
    }
    if (apps && req.method === 'GET') {
      const app = APP_FILTER.exec(request.query)?.[1];
      const found = app ? installationOf(app) : undefined;
      send(200, { value: found && app ? [{ id: found, teamsApp: { id: app } }] : [] });
      return;
    }
    const chat = CHAT.exec(url.pathname);
    if (chat && req.method === 'GET') {
      const install = installs.get(decodeURIComponent(chat[2] ?? ''));
      if (!install || install.user !== user) {
        graphError(404, 'NotFound', 'Installation not found.');
        return;
      }
      send(200, { id: users.get(user), chatType: 'oneOnOne' });
      return;
    }
    send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    graphUrl: `${base}/v1.0`,
    loginUrl: base,
    requests,
    tokenRequests: () => requests.filter((r) => TOKEN.test(r.path)),
    graphRequests: () => requests.filter((r) => r.path.startsWith('/v1.0/')),
    addUser: (id, chatId) => users.set(id, chatId),
    preinstall: (user, app) => installs.set(`inst-${++seq}`, { user, app }),
    refuse: (status, code) => {
      refusal = { status, code };
    },
    installed: () => [...installs.values()],
    reset() {
      requests.length = 0;
      users.clear();
      installs.clear();
      refusal = undefined;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
