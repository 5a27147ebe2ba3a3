import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { postSlack } from '../support/slack-fixtures.ts';
import { NOW_SECONDS, type SlackHost, startSlackHost } from './harness.ts';
import { RESPONSE_URL, slash } from './requests.ts';

/** Bolt's own single-workspace authorize asks auth.test per event when token verification is off. */
let capture: SlackCapture;
let host: SlackHost;

beforeAll(async () => {
  capture = await startSlackCapture();
  // The look-up at start-up fails: the bot must still answer, asking Slack again once.
  capture.failNext('auth.test', { error: 'ratelimited' });
  host = await startSlackHost({ capture, redisUrl: inject('redisUrl') });
});
afterAll(async () => {
  await host.close();
  await capture.close();
});

describe('Slack authorisation', () => {
  it('asks again after a failed look-up at start-up, then never per request', async () => {
    for (let i = 1; i <= 6; i++) {
      const res = await postSlack(host.port, slash(capture, 'hjelp'), NOW_SECONDS);
      expect(res.status).toBe(200);
      await capture.waitFor(RESPONSE_URL, i);
    }
    await host.idle();
    expect(capture.of('auth.test')).toHaveLength(2);
  });
});
