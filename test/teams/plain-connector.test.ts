import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import {
  type BotConnectorCapture,
  type Captured,
  startBotConnectorCapture,
} from '../support/bot-connector-capture.ts';
import { type LocalIssuer, startLocalIssuer } from '../support/teams-auth.ts';
import {
  BOT_APP_ID,
  cardOf,
  channelMessage,
  PERSONAL_CONVERSATION,
  personalMessage,
  postActivity,
  startCheckSubmit,
} from '../support/teams-fixtures.ts';

/**
 * Issue 17: a turn's replies (and proactive sends) go to the Bot Connector as plain HTTP
 * (adapters/teams/plain-connector.ts) instead of botbuilder's connector pipeline. Over real HTTP, with
 * an app id (a locally signed channel token, the token endpoint on the capture server): the requests
 * are the ones botbuilder's path makes (method, path, bearer token, body), and a 429 is retried as
 * before. The sleeps are recorded, never waited, so nothing here depends on wall time.
 */
let capture: BotConnectorCapture;
let issuer: LocalIssuer;
const sleeps: number[] = [];
const apps: Partial<Record<'plain' | 'sdk', { app: App; port: number }>> = {};

async function start(sendPath: 'plain' | 'sdk') {
  const clock = fixedClock('2023-09-04T08:00:00Z');
  const app = createApp({
    config: {
      ...loadConfig({
        NODE_ENV: 'test',
        MicrosoftAppId: BOT_APP_ID,
        MicrosoftAppPassword: 'Sup3r-Secret-App-Passw0rd',
        ToBotFromChannelOpenIdMetadataUrl: issuer.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: issuer.issuer,
        ToChannelFromBotLoginUrl: capture.loginUrl,
        REMINDERS_ENABLED: 'false',
      }),
      port: 0,
      teamsSendPath: sendPath,
    },
    store: createMemoryStore({ clock }),
    catalog: loadCatalog('calls'),
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  apps[sendPath] = { app, port: await app.listen(0) };
}

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  issuer = await startLocalIssuer();
  await start('plain');
  await start('sdk');
});
afterAll(async () => {
  await apps.plain?.app.close();
  await apps.sdk?.app.close();
  await capture.close();
  await issuer.close();
});
beforeEach(() => {
  capture.reset();
  sleeps.length = 0;
});

const token = () => issuer.sign({ aud: BOT_APP_ID, serviceurl: capture.serviceUrl });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * What a request carried, without what differs by design between two runs: the token's serial and
 * the random id botbuilder gives a proactive turn's activity (its replies name it in `replyToId`).
 */
function shape(r: Captured) {
  return {
    method: r.method,
    path: r.path.replace(UUID, 'uuid'),
    authorization: r.authorization?.replace(/local-token-\d+$/, 'local-token-N'),
    body: JSON.parse(JSON.stringify(r.body).replace(UUID, 'uuid')) as unknown,
  };
}

const activityRequests = () => capture.requests.filter((r) => r.path.includes('/activities'));

/** Plays the same steps against one app, then the other; returns what each sent to the connector. */
async function both(steps: (port: number, app: App) => Promise<void>) {
  const seen: Record<string, ReturnType<typeof shape>[]> = {};
  for (const path of ['sdk', 'plain'] as const) {
    capture.reset();
    const target = apps[path];
    if (!target) throw new Error(`${path} app not started`);
    await steps(target.port, target.app);
    seen[path] = activityRequests().map(shape);
  }
  return seen as { sdk: ReturnType<typeof shape>[]; plain: ReturnType<typeof shape>[] };
}

describe('Teams messages over plain HTTP', () => {
  it('posts the reply to {serviceUrl}/v3/conversations/{id}/activities/{replyToId} with the bearer token', async () => {
    const port = apps.plain?.port ?? 0;
    const activity = personalMessage(capture.serviceUrl, 'hjelp');
    expect((await postActivity(port, activity, await token())).status).toBe(200);
    const [reply] = capture.posted();
    expect(reply?.path).toBe(
      `/v3/conversations/${encodeURIComponent(PERSONAL_CONVERSATION)}/activities/${activity.id}`,
    );
    expect(reply?.authorization).toMatch(/^Bearer local-token-\d+$/);
    expect(reply?.userAgent).toMatch(/midlerbot/);
    expect(reply?.body).toMatchObject({
      type: 'message',
      replyToId: activity.id,
      conversation: { id: PERSONAL_CONVERSATION },
      from: { id: activity.recipient.id },
      recipient: { id: activity.from.id },
    });
    expect(cardOf(reply?.body ?? {})?.type).toBe('AdaptiveCard');
    // The token is fetched once and reused, as botbuilder's credentials cache it.
    const tokensBefore = capture.tokenRequests().length;
    expect(
      (await postActivity(port, personalMessage(capture.serviceUrl, 'hjelp', { id: 'm2' }), await token()))
        .status,
    ).toBe(200);
    expect(capture.tokenRequests().length).toBe(tokensBefore);
  });

  it('retries a 429 after its Retry-After and posts the reply once', async () => {
    const port = apps.plain?.port ?? 0;
    const conversation = 'a:plain-429';
    const activity = personalMessage(capture.serviceUrl, 'hjelp', {
      id: 'm-429',
      conversation: { conversationType: 'personal', tenantId: 'test', id: conversation },
    });
    capture.script(conversation, [{ status: 429, retryAfterSeconds: 2 }]);
    expect((await postActivity(port, activity, await token())).status).toBe(200);
    expect(capture.faulted()).toHaveLength(1);
    const replies = capture.posted().filter((r) => r.conversationId === conversation);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.path).toBe(capture.faulted()[0]?.path);
    expect(replies[0]?.authorization).toMatch(/^Bearer local-token-/);
    expect(sleeps).toContain(2_000);
  });

  it('a refusal (403) is not retried and the turn is answered 200, as before', async () => {
    const port = apps.plain?.port ?? 0;
    const conversation = 'a:plain-403';
    capture.forbid(conversation);
    const activity = personalMessage(capture.serviceUrl, 'hjelp', {
      id: 'm-403',
      conversation: { conversationType: 'personal', tenantId: 'test', id: conversation },
    });
    expect(await postActivity(port, activity, await token())).toEqual({ status: 200, body: {} });
    expect(sleeps).toEqual([]);
  });
});

describe('the plain path sends what botbuilder sent', () => {
  it('a reply, with unknown fields on the inbound accounts dropped as botbuilder drops them', async () => {
    const seen = await both(async (port) => {
      const activity = personalMessage(capture.serviceUrl, 'hjelp', { id: 'same-1' });
      const withExtras = {
        ...activity,
        from: { ...activity.from, futureField: 'x' },
        conversation: { ...activity.conversation, futureField: 'y' },
        recipient: { ...activity.recipient, futureField: 'z' },
      };
      expect((await postActivity(port, withExtras, await token())).status).toBe(200);
    });
    expect(seen.plain).toHaveLength(1);
    expect(seen.plain).toEqual(seen.sdk);
    expect(JSON.stringify(seen.plain)).not.toContain('futureField');
  });

  it('a channel reply, a card update (Action.Submit) and a proactive message', async () => {
    const seen = await both(async (port, app) => {
      const mention = { ...channelMessage(capture.serviceUrl, 'hjelp', { mention: true }), id: 'same-2' };
      expect((await postActivity(port, mention, await token())).status).toBe(200);
      const submit = {
        ...startCheckSubmit(capture.serviceUrl, '1:43'),
        id: 'same-3',
      };
      expect((await postActivity(port, submit, await token())).status).toBe(200);
      const sender = app.senders.get('teams');
      const sent = await sender?.sendToConversation(`teams:${PERSONAL_CONVERSATION}`, {
        kind: 'text',
        text: 'a reminder',
      });
      expect(sent?.ok).toBe(true);
    });
    expect(seen.plain.map((r) => `${r.method} ${r.path}`)).toEqual(
      seen.sdk.map((r) => `${r.method} ${r.path}`),
    );
    expect(seen.plain.map((r) => r.method)).toEqual(['POST', 'PUT', 'POST']);
    expect(seen.plain).toEqual(seen.sdk);
  });
});
