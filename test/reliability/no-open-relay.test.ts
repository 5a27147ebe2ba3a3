import { describe, expect, it } from 'vitest';
import { channelRef } from '../../faults/support.ts';
import { loadConfig } from '../../src/server/config.ts';
import { linesLog, useTeamsHost } from '../kit/index.ts';
import { personalMessage, postActivity, USER } from '../support/teams-fixtures.ts';

/**
 * Issue 13, no open relay, over real HTTP: without an app id (and with NODE_ENV unset, i.e.
 * development) an activity is answered only at a loopback serviceUrl or an origin listed in
 * TEAMS_ALLOWED_SERVICE_URLS; link-local and metadata addresses never, listed or not. A refused
 * activity is 403 before anything is processed or stored.
 */
const LISTED = 'http://connector.invalid:9';
const logLines: string[] = [];
const host = useTeamsHost(() => {
  const config = loadConfig({
    TEAMS_ALLOWED_SERVICE_URLS: `${LISTED}/`,
    OUTBOUND_TIMEOUT_SECONDS: '1',
    REMINDERS_ENABLED: 'false',
  });
  expect(config.nodeEnv).toBe('development');
  return {
    at: '2022-10-01T08:00:00Z',
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
    log: linesLog(logLines),
  };
});

describe('no open relay without an app id', () => {
  it('answers at a loopback serviceUrl (the local playground and the tests)', async () => {
    const res = await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'));
    expect(res.status).toBe(200);
    expect(host.capture.posted()).toHaveLength(1);
  });

  it.each([
    'https://smba.trafficmanager.net/emea/',
    'http://10.0.0.7:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://metadata.google.internal/',
  ])('refuses %s with 403, storing nothing', async (serviceUrl) => {
    const res = await postActivity(host.port, personalMessage(serviceUrl, 'hjelp'));
    expect(res).toEqual({ status: 403, body: { error: 'service-url-not-allowed' } });
    const kept = await host.app.store.getPersonalRef('teams', USER.aadObjectId);
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
      await host.app.store.putConversationRef({
        ...channelRef(key.slice('teams:'.length), serviceUrl),
      });
      const sent = await host.app.senders
        .get('teams')
        ?.sendToConversation(key, { kind: 'text', text: 'hei' });
      // Refused before any request: such a reference can never be answered, so it counts as gone.
      expect(sent).toEqual({ ok: false, reason: 'gone' });
    }
    expect(host.capture.requests).toEqual([]);
    // The same path to a loopback reference posts.
    await host.app.store.putConversationRef(
      channelRef('19:stored-loopback@thread.tacv2', host.capture.serviceUrl),
    );
    const sender = host.app.senders.get('teams');
    expect(
      await sender?.sendToConversation('teams:19:stored-loopback@thread.tacv2', {
        kind: 'text',
        text: 'hei',
      }),
    ).toMatchObject({ ok: true });
  });

  it('takes an origin listed in TEAMS_ALLOWED_SERVICE_URLS (here unreachable: answered 503, not 403)', async () => {
    const res = await postActivity(host.port, personalMessage(`${LISTED}/teams/`, 'hjelp'));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'answer-not-delivered' });
  });
});
