import { describe, expect, it } from 'vitest';
import { configuredApp, linesLog } from '../kit/index.ts';
import { APP_PASSWORD, useAuthenticatedTeamsHost } from '../support/teams-auth.ts';
import {
  BOT_APP_ID,
  PERSONAL_CONVERSATION,
  personalMessage,
  postActivity,
  USER,
} from '../support/teams-fixtures.ts';

const logLines: string[] = [];
const host = useAuthenticatedTeamsHost(
  { MicrosoftAppType: 'MultiTenant' },
  { at: '2023-09-04T08:00:00Z', log: linesLog(logLines, 'debug') },
);

async function rejected(token: string | undefined): Promise<number> {
  const res = await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'), token);
  // Nothing was processed: no reply, no token fetched, no conversation reference kept.
  expect(host.capture.requests).toHaveLength(0);
  expect(await host.app.store.getPersonalRef('teams', USER.aadObjectId)).toBeNull();
  return res.status;
}

describe('Bot Framework authentication with an app id', () => {
  it('rejects a request without a token (401)', async () => {
    expect(await rejected(undefined)).toBe(401);
  });

  it('rejects an expired token (401), beyond the 5 minute skew', async () => {
    const token = await host.issuer.sign({
      aud: BOT_APP_ID,
      serviceurl: host.capture.serviceUrl,
      issuedAgoSeconds: 7200,
      expiresInSeconds: 3600,
    });
    expect(await rejected(token)).toBe(401);
  });

  it('rejects a token from another issuer (401)', async () => {
    const token = await host.issuer.sign({
      aud: BOT_APP_ID,
      serviceurl: host.capture.serviceUrl,
      iss: 'https://sts.example.org/',
    });
    expect(await rejected(token)).toBe(401);
  });

  it("rejects a token with the Bot Framework Emulator's issuer (401, not 500; issue 13)", async () => {
    // botbuilder would fetch the emulator's metadata for it and answer 500 when that fails.
    for (const iss of [
      'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
      'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
    ]) {
      const token = await host.issuer.sign({ aud: BOT_APP_ID, serviceurl: host.capture.serviceUrl, iss });
      expect(await rejected(token)).toBe(401);
    }
    expect(logLines.join('')).toContain('emulator tokens are not accepted');
  });

  it('rejects a token signed by a key not in the OpenID metadata (401)', async () => {
    const token = await host.issuer.signWithForeignKey({
      aud: BOT_APP_ID,
      serviceurl: host.capture.serviceUrl,
    });
    expect(await rejected(token)).toBe(401);
  });

  it('rejects a token for another bot (403)', async () => {
    const token = await host.issuer.sign({
      aud: '11111111-2222-4333-8444-555555555555',
      serviceurl: host.capture.serviceUrl,
    });
    expect(await rejected(token)).toBe(403);
  });

  it('rejects a token whose serviceurl claim differs from the activity (403)', async () => {
    const token = await host.issuer.sign({
      aud: BOT_APP_ID,
      serviceurl: 'https://smba.trafficmanager.net/emea/',
    });
    expect(await rejected(token)).toBe(403);
  });

  it('accepts a valid token and replies with a token from the login endpoint', async () => {
    const token = await host.issuer.sign({ aud: BOT_APP_ID, serviceurl: host.capture.serviceUrl });
    const res = await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'), token);
    expect(res.status).toBe(200);
    const [tokenRequest] = host.capture.tokenRequests();
    expect(tokenRequest?.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: BOT_APP_ID,
      scope: 'https://api.botframework.com/.default',
    });
    const [reply] = host.capture.posted();
    expect(reply?.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(reply?.authorization).toMatch(/^Bearer local-token-/);
  });

  it('keeps the app password and tokens out of the logs', async () => {
    const token = await host.issuer.sign({ aud: BOT_APP_ID, serviceurl: host.capture.serviceUrl });
    host.app.log.info(
      { config: { MicrosoftAppPassword: APP_PASSWORD }, headers: { authorization: `Bearer ${token}` } },
      'config dump',
    );
    host.app.log.error(
      { err: new Error(`upstream said no to Bearer ${token}`) },
      'failure with a token in the message',
    );
    await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'), `${token}x`);
    const all = logLines.join('');
    expect(all).toContain('config dump');
    expect(all).toContain('request rejected by authentication');
    expect(all).not.toContain(APP_PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/local-token-/);
  });
});

describe('without an app id', () => {
  it('refuses to start in production when no other platform is configured', () => {
    expect(() => configuredApp({ port: 0, nodeEnv: 'production', teams: {} })).toThrow(/MicrosoftAppId/);
  });
});
