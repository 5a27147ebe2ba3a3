import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { type LocalIssuer, startLocalIssuer } from '../support/teams-auth.ts';
import { BOT_APP_ID, personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13: with an app id, a turn whose reply could not be signed because the token endpoint hung
 * or failed is answered 503 in time, its lease given back, and Teams' redelivery is answered once
 * the endpoint answers again. Real HTTP, a local token endpoint and a locally signed channel token.
 */
let app: App;
let capture: BotConnectorCapture;
let issuer: LocalIssuer;
let port = 0;

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  issuer = await startLocalIssuer();
  const clock = fixedClock('2023-09-04T08:00:00Z');
  app = createApp({
    config: {
      ...loadConfig({
        NODE_ENV: 'test',
        MicrosoftAppId: BOT_APP_ID,
        MicrosoftAppPassword: 'Sup3r-Secret-App-Passw0rd',
        ToBotFromChannelOpenIdMetadataUrl: issuer.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: issuer.issuer,
        ToChannelFromBotLoginUrl: capture.loginUrl,
        OUTBOUND_TIMEOUT_SECONDS: '1',
        REMINDERS_ENABLED: 'false',
      }),
      port: 0,
      teamsAnswerWithinMs: 2_500,
    },
    store: createMemoryStore({ clock }),
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
});
afterAll(async () => {
  await app.close();
  await capture.close();
  await issuer.close();
});

describe('the token endpoint misbehaving', () => {
  it('a hung or failing token endpoint: 503 in time, then the redelivery is answered once', async () => {
    const token = await issuer.sign({ aud: BOT_APP_ID, serviceurl: capture.serviceUrl });
    const activity = personalMessage(capture.serviceUrl, 'hjelp');
    capture.failTokens(['hang', { status: 503 }, 'reset', 'hang', { status: 503 }, 'reset', 'hang', 'hang']);
    const first = await postActivity(port, activity, token);
    expect(first).toEqual({ status: 503, body: { error: 'answer-not-delivered' } });
    expect(capture.posted()).toEqual([]);

    capture.reset();
    expect((await postActivity(port, activity, token)).status).toBe(200);
    expect(capture.posted()).toHaveLength(1);
    expect(capture.posted()[0]?.authorization).toMatch(/^Bearer local-token-/);
    expect((await postActivity(port, activity, token)).status).toBe(200);
    expect(capture.posted()).toHaveLength(1);
  });
});
