import type { Logger } from 'pino';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { ConversationRef, Store } from '../../src/store/store.ts';
import { referenceOf, teamsKey, tenantOf } from './conversation-ref.ts';
import type { Sleep } from './rate-limit.ts';

/**
 * Reaching a leader who never installed the app (issue 18, TEAMS_GRAPH_INSTALL): when a personal
 * send finds no personal chat, the app is installed for that user through Microsoft Graph, the
 * personal chat's id is read back, its reference is stored, and the send goes on as usual. This is
 * Microsoft's "proactive installation" pattern (learn.microsoft.com, "Send proactive installation
 * messages"; the graph-proactive-installation sample):
 *
 * 1. an app-only token: client credentials at `{login}/{tenant}/oauth2/v2.0/token`, scope
 *    `https://graph.microsoft.com/.default` (TeamsAppInstallation.ReadWriteSelfForUser.All or
 *    ReadWriteForUser.All, admin consent);
 * 2. `POST /users/{aadObjectId}/teamwork/installedApps` with
 *    `{"teamsApp@odata.bind": "{graph}/appCatalogs/teamsApps/{catalogAppId}"}`: 201, or 409 when the
 *    app is already installed (the bot may just never have stored the chat);
 * 3. `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalogAppId}'`
 *    for the installation id, then `GET /users/{id}/teamwork/installedApps/{installationId}/chat`
 *    for the chat id (right after an install Graph may not show them yet: asked again a few times);
 * 4. the chat is posted to through the Bot Connector at the tenant's serviceUrl, learned from any
 *    activity of that tenant (`observe`, kept in the store as a `teams:tenant:{id}` reference).
 *
 * Any failure (403 missing permission or consent, 404 unknown user or app, a timeout) is logged with
 * its status and Graph error code, never a token or secret, and the send reports `not-installed`, so
 * the applicant gets the usual explanation. A user whose chat the connector refused (403: they
 * removed the app or blocked the bot) still has a reference and is not installed again from here.
 */

export interface GraphInstallSettings {
  /** The app's id in the organisation's app catalog (TEAMS_APP_CATALOG_ID), not the manifest id. */
  catalogAppId: string;
  /** The tenant the app is installed in (TEAMS_GRAPH_TENANT_ID, else MicrosoftAppTenantId). */
  tenantId: string;
  /** The bot's Entra app (MicrosoftAppId / MicrosoftAppPassword): the app-only token is asked with it. */
  clientId: string;
  clientSecret: string;
  /** Microsoft Graph, with its version (TEAMS_GRAPH_URL). Default https://graph.microsoft.com/v1.0. */
  graphUrl?: string;
  /** Where tokens come from (TEAMS_GRAPH_LOGIN_URL). Default https://login.microsoftonline.com. */
  loginUrl?: string;
  /** The token's scope. Default https://graph.microsoft.com/.default. */
  scope?: string;
}

export interface GraphInstallDeps {
  settings: GraphInstallSettings;
  store: Store;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Deadline of each Graph and token call (OUTBOUND_TIMEOUT_SECONDS). */
  timeoutMs: number;
}

export interface GraphInstaller {
  /** Learns where the configured tenant's Bot Connector is from an inbound activity's reference. */
  observe(ref: ConversationRef): void;
  /** The Teams sender, with personal sends that install the app first when there is no chat. */
  wrap(sender: Sender): Sender;
}

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A failed install step, as logged: which step, the HTTP status and Graph's error code. */
class GraphFailure extends Error {
  constructor(
    readonly step: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(`${step} failed${status ? ` (${status}${code ? ` ${code}` : ''})` : ''}`);
  }
}

/** What the operator should do about a failure, for the log. */
function hint(f: GraphFailure): string {
  if (f.step === 'token')
    return 'check MicrosoftAppId/MicrosoftAppPassword and TEAMS_GRAPH_TENANT_ID (or MicrosoftAppTenantId)';
  if (f.status === 401 || f.status === 403)
    return 'grant the app TeamsAppInstallation.ReadWriteSelfForUser.All (or ReadWriteForUser.All) with admin consent';
  if (f.status === 404)
    return f.step === 'install'
      ? 'the user or the catalog app was not found: check TEAMS_APP_CATALOG_ID (the org catalog id, not the manifest id)'
      : 'Graph does not show the installation or its chat yet';
  return 'Graph did not answer as expected; the request stays pending and can be sent again';
}

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_MARGIN_MS = 5 * 60_000;
/** After a failed install for a user, their sends report `not-installed` without asking Graph for this long. */
const FAILURE_COOLDOWN_MS = 10 * 60_000;
const FIND_ATTEMPTS = 3;
const FIND_WAIT_MS = 1_000;

export const tenantAnchorKey = (tenantId: string) => `teams:tenant:${tenantId}`;

export function createGraphInstaller(deps: GraphInstallDeps): GraphInstaller {
  const { settings, log } = deps;
  const graph = (settings.graphUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  const login = (settings.loginUrl ?? DEFAULT_LOGIN_URL).replace(/\/+$/, '');
  const tenant = settings.tenantId;
  let token: { value: string; until: number } | undefined;
  let pendingToken: Promise<string> | undefined;
  let anchor: ConversationRef | undefined;
  const failedUntil = new Map<string, number>();

  async function call(step: string, url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) });
    } catch (e) {
      const reason = e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network';
      throw new GraphFailure(step, undefined, reason);
    }
  }

  async function failure(step: string, res: Response): Promise<GraphFailure> {
    const body = (await res.json().catch(() => ({}))) as {
      error?: string | { code?: string };
      error_codes?: number[];
    };
    const code =
      typeof body.error === 'string'
        ? `${body.error}${body.error_codes?.[0] ? ` AADSTS${body.error_codes[0]}` : ''}`
        : body.error?.code;
    return new GraphFailure(step, res.status, code);
  }

  /** An app-only Graph token, kept until five minutes before it expires. */
  async function accessToken(): Promise<string> {
    const now = deps.clock().getTime();
    if (token && token.until > now) return token.value;
    pendingToken ??= (async () => {
      const res = await call('token', `${login}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          scope: settings.scope ?? DEFAULT_GRAPH_SCOPE,
        }).toString(),
      });
      if (!res.ok) throw await failure('token', res);
      const body = (await res.json()) as { access_token?: string; expires_in?: number };
      if (!body.access_token) throw new GraphFailure('token', res.status, 'no access_token');
      const lifetimeMs = (body.expires_in ?? 3600) * 1000;
      token = { value: body.access_token, until: now + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS) };
      return body.access_token;
    })().finally(() => {
      pendingToken = undefined;
    });
    return pendingToken;
  }

  async function graphCall(step: string, path: string, init: RequestInit = {}): Promise<Response> {
    const bearer = await accessToken();
    return call(step, `${graph}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${bearer}` },
    });
  }

  /** Installs the app for the user (201, or 409 already there); true when it was newly installed. */
  async function install(user: string): Promise<boolean> {
    const res = await graphCall('install', `/users/${encodeURIComponent(user)}/teamwork/installedApps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'teamsApp@odata.bind': `${graph}/appCatalogs/teamsApps/${settings.catalogAppId}`,
      }),
    });
    if (res.status === 409) return false;
    if (!res.ok) throw await failure('install', res);
    await res.body?.cancel();
    return true;
  }

  /** The personal chat of the installation; Graph may need a moment after an install to show it. */
  async function chatOf(user: string): Promise<string> {
    const apps = `/users/${encodeURIComponent(user)}/teamwork/installedApps`;
    const filter = encodeURIComponent(`teamsApp/id eq '${settings.catalogAppId}'`);
    for (let attempt = 1; ; attempt++) {
      try {
        const list = await graphCall('find-installation', `${apps}?$expand=teamsApp&$filter=${filter}`);
        if (!list.ok) throw await failure('find-installation', list);
        const found = ((await list.json()) as { value?: { id?: string }[] }).value?.[0]?.id;
        if (!found) throw new GraphFailure('find-installation', 404, 'not listed yet');
        const chat = await graphCall('get-chat', `${apps}/${encodeURIComponent(found)}/chat`);
        if (!chat.ok) throw await failure('get-chat', chat);
        const id = ((await chat.json()) as { id?: string }).id;
        if (!id) throw new GraphFailure('get-chat', chat.status, 'no chat id');
        return id;
      } catch (e) {
        if (!(e instanceof GraphFailure) || e.status !== 404 || attempt >= FIND_ATTEMPTS) throw e;
        await deps.sleep(FIND_WAIT_MS);
      }
    }
  }

  /** Where the tenant's Bot Connector is, from this replica's memory or the store. */
  async function tenantAnchor(): Promise<ConversationRef | undefined> {
    if (anchor) return anchor;
    const stored = await deps.store.getConversationRef(tenantAnchorKey(tenant));
    if (stored) anchor = stored;
    return stored ?? undefined;
  }

  /** Installs, finds the chat and stores its reference; false (logged) when that did not work. */
  async function reach(user: string): Promise<boolean> {
    const now = deps.clock().getTime();
    if ((failedUntil.get(user) ?? 0) > now) return false;
    const where = await tenantAnchor();
    const base = where ? referenceOf(where) : undefined;
    if (!base?.serviceUrl) {
      log.warn(
        { user, tenant },
        'teams: cannot install the app for a user yet: no activity from the tenant has shown its serviceUrl',
      );
      return false;
    }
    try {
      const installed = await install(user);
      const chatId = await chatOf(user);
      // As a channel reference, without `user`: the Bot Connector needs only the conversation. The
      // user's own install event (Teams sends it) later replaces this with their full reference.
      const ref: ConversationRef = {
        platform: 'teams',
        key: teamsKey(chatId),
        conversationId: chatId,
        kind: 'personal',
        userId: user,
        data: {
          channelId: base.channelId ?? 'msteams',
          serviceUrl: base.serviceUrl,
          ...(base.bot ? { bot: base.bot } : {}),
          conversation: {
            id: chatId,
            isGroup: false,
            conversationType: 'personal',
            tenantId: tenant,
            name: '',
          },
        },
        updatedAt: deps.clock().toISOString(),
      };
      await deps.store.putConversationRef(ref);
      failedUntil.delete(user);
      log.info(
        { user, conversation: ref.key, installed },
        installed
          ? 'teams: installed the app for a user through Microsoft Graph'
          : 'teams: the app was already installed for the user; stored their personal chat',
      );
      return true;
    } catch (e) {
      failedUntil.set(user, now + FAILURE_COOLDOWN_MS);
      if (e instanceof GraphFailure) {
        log.warn(
          { user, step: e.step, status: e.status, code: e.code, hint: hint(e) },
          `teams: could not install the app for a user through Microsoft Graph: ${e.message}`,
        );
      } else {
        log.warn({ user, err: e }, 'teams: could not install the app for a user through Microsoft Graph');
      }
      return false;
    }
  }

  return {
    observe(ref) {
      const data = referenceOf(ref);
      if (tenantOf(ref) !== tenant || !data.serviceUrl) return;
      const same = anchor && referenceOf(anchor).serviceUrl === data.serviceUrl;
      if (same) return;
      const next: ConversationRef = {
        platform: 'teams',
        key: tenantAnchorKey(tenant),
        conversationId: `tenant:${tenant}`,
        kind: 'group',
        data: {
          channelId: data.channelId ?? 'msteams',
          serviceUrl: data.serviceUrl,
          ...(data.bot ? { bot: data.bot } : {}),
        },
        updatedAt: deps.clock().toISOString(),
      };
      anchor = next;
      deps.store.putConversationRef(next).catch((e: unknown) => {
        anchor = undefined;
        log.warn({ err: e }, 'teams: could not store the tenant serviceUrl (Graph install)');
      });
    },
    wrap(sender) {
      return {
        platform: sender.platform,
        sendToConversation: (key, message, options) => sender.sendToConversation(key, message, options),
        update: (key, ref, message) => sender.update(key, ref, message),
        async sendToUser(userId, message, options): Promise<SendResult> {
          const first = await sender.sendToUser(userId, message, options);
          if (first.ok || first.reason !== 'not-installed' || !AAD_OBJECT_ID.test(userId)) return first;
          // A chat the connector refused (app removed, bot blocked) is the user's choice: not reinstalled.
          const known = await deps.store.getPersonalRef('teams', userId).catch(() => 'unknown' as const);
          if (known !== null) return first;
          if (!(await reach(userId))) return first;
          return sender.sendToUser(userId, message, options);
        },
      };
    },
  };
}
