import { describe, expect, it } from 'vitest';
import { useSlackHost } from '../kit/index.ts';
import { postSlack } from '../support/slack-fixtures.ts';
import { NOW_SECONDS } from './harness.ts';
import { RESPONSE_URL, slash } from './requests.ts';

/** Bolt's own single-workspace authorize asks auth.test per event when token verification is off. */
const host = useSlackHost(
  (capture) => {
    // The look-up at start-up fails: the bot must still answer, asking Slack again once.
    capture.failNext('auth.test', { error: 'ratelimited' });
    return {};
  },
  { resetEach: false },
);

describe('Slack authorisation', () => {
  it('asks again after a failed look-up at start-up, then never per request', async () => {
    for (let i = 1; i <= 6; i++) {
      const res = await postSlack(host.port, slash(host.capture, 'hjelp'), NOW_SECONDS);
      expect(res.status).toBe(200);
      await host.capture.waitFor(RESPONSE_URL, i);
    }
    await host.idle();
    expect(host.capture.of('auth.test')).toHaveLength(2);
  });
});
