import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelRef } from '../../faults/support.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { personalMessage, postActivity, USER } from '../support/teams-fixtures.ts';

/**
 * Issue 13, no open relay, over real HTTP: without an app id (and with NODE_ENV unset, i.e.
 * development) an activity is answered only at a loopback serviceUrl or an origin listed in
 * TEAMS_ALLOWED_SERVICE_URLS; link-local and metadata addresses never, listed or not. A refused
 * activity is 403 before anything is processed or stored.
 */
const LISTED = 'http://connector.invalid:9';
let app: App;
let capture: BotConnectorCapture;
let port = 0;
const logLines: string[] = [];

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  const clock = fixedClock('2022-10-01T08:00:00Z');
  const config = loadConfig({
    TEAMS_ALLOWED_SERVICE_URLS: `${LISTED}/`,
    OUTBOUND_TIMEOUT_SECONDS: '1',
    REMINDERS_ENABLED: 'false',
  });
  expect(config.nodeEnv).toBe('development');
  app = createApp({
    config: {
      ...config,
      port: 0,
      teamsAnswerWithinMs: 3_000,
      // Listing a metadata address is refused by loadConfig; passed here, it is still never contacted.
      teams: {
        ...config.teams,
        allowedServiceUrls: [...config.teams.allowedServiceUrls, 'http://169.254.169.254'],
      },
    },
    store: createMemoryStore({ clock }),
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk, _e, cb) {
          logLines.push(String(chunk));
          cb();
        },
      }),
    }),
  });
  port = await app.listen(0);
});
afterAll(async () => {
  await app.close();
  await capture.close();
});
beforeEach(() => capture.reset());

describe('no open relay without an app id', () => {
  it('answers at a loopback serviceUrl (the local playground and the tests)', async () => {
    const res = await postActivity(port, personalMessage(capture.serviceUrl, 'hjelp'));
    expect(res.status).toBe(200);
    expect(capture.posted()).toHaveLength(1);
  });

  it.each([
    'https://smba.trafficmanager.net/emea/',
    'http://10.0.0.7:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://metadata.google.internal/',
  ])('refuses %s with 403, storing nothing', async (serviceUrl) => {
    const res = await postActivity(port, personalMessage(serviceUrl, 'hjelp'));
    expect(res).toEqual({ status: 403, body: { error: 'service-url-not-allowed' } });
    const kept = await app.store.getPersonalRef('teams', USER.aadObjectId);
    expect(kept?.data.serviceUrl).not.toBe(serviceUrl);
    expect(logLines.join('')).toContain('teams: serviceUrl refused');
  });

  it('never contacts a link-local or metadata address kept in a stored reference (a proactive send)', async () => {
    for (const serviceUrl of [
      'http://169.254.169.254/',
      'http://[fe80::1]:8080/',
      'http://metadata.google.internal/',
    ]) {
      const key = `teams:19:stored-${encodeURIComponent(serviceUrl)}@thread.tacv2`;
      await app.store.putConversationRef({
        ...channelRef(key.slice('teams:'.length), serviceUrl),
      });
      const sent = await app.senders.get('teams')?.sendToConversation(key, { kind: 'text', text: 'hei' });
      // Refused before any request: such a reference can never be answered, so it counts as gone.
      expect(sent).toEqual({ ok: false, reason: 'gone' });
    }
    expect(capture.requests).toEqual([]);
    // The same path to a loopback reference posts.
    await app.store.putConversationRef(channelRef('19:stored-loopback@thread.tacv2', capture.serviceUrl));
    const sender = app.senders.get('teams');
    expect(
      await sender?.sendToConversation('teams:19:stored-loopback@thread.tacv2', {
        kind: 'text',
        text: 'hei',
      }),
    ).toMatchObject({ ok: true });
  });

  it('takes an origin listed in TEAMS_ALLOWED_SERVICE_URLS (here unreachable: answered 503, not 403)', async () => {
    const res = await postActivity(port, personalMessage(`${LISTED}/teams/`, 'hjelp'));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'answer-not-delivered' });
  });
});
