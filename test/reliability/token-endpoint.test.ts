import { describe, expect, it } from 'vitest';
import { useAuthenticatedTeamsHost } from '../support/teams-auth.ts';
import { BOT_APP_ID, personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13: with an app id, a turn whose reply could not be signed because the token endpoint hung
 * or failed is answered 503 in time, its lease given back, and Teams' redelivery is answered once
 * the endpoint answers again. Real HTTP, a local token endpoint and a locally signed channel token.
 */
const host = useAuthenticatedTeamsHost(
  { OUTBOUND_TIMEOUT_SECONDS: '1' },
  { at: '2023-09-04T08:00:00Z', config: { teamsAnswerWithinMs: 2_500 } },
);

describe('the token endpoint misbehaving', () => {
  it('a hung or failing token endpoint: 503 in time, then the redelivery is answered once', async () => {
    const token = await host.issuer.sign({ aud: BOT_APP_ID, serviceurl: host.capture.serviceUrl });
    const activity = personalMessage(host.capture.serviceUrl, 'hjelp');
    host.capture.failTokens([
      'hang',
      { status: 503 },
      'reset',
      'hang',
      { status: 503 },
      'reset',
      'hang',
      'hang',
    ]);
    const first = await postActivity(host.port, activity, token);
    expect(first).toEqual({ status: 503, body: { error: 'answer-not-delivered' } });
    expect(host.capture.posted()).toEqual([]);

    host.capture.reset();
    expect((await postActivity(host.port, activity, token)).status).toBe(200);
    expect(host.capture.posted()).toHaveLength(1);
    expect(host.capture.posted()[0]?.authorization).toMatch(/^Bearer local-token-/);
    expect((await postActivity(host.port, activity, token)).status).toBe(200);
    expect(host.capture.posted()).toHaveLength(1);
  });
});
