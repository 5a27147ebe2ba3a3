import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { configuredApp } from '../kit/index.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { appMention, postSlack, SIGNING_SECRET, urlVerification } from '../support/slack-fixtures.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/** NODE_ENV=production with only Slack's credentials, as loadConfig reads them. */
function slackOnlyProduction(apiUrl: string) {
  return loadConfig({
    NODE_ENV: 'production',
    REDIS_URL: 'redis://127.0.0.1:6379',
    SLACK_BOT_TOKEN: 'xoxb-1-2-slackonly',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    REMINDERS_ENABLED: 'false',
  });
}

describe('a Slack-only production deployment', () => {
  let app: App;
  let slack: SlackCapture;
  let port = 0;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    slack = await startSlackCapture();
    // The Redis store itself is covered elsewhere; the subject here is which platforms start.
    app = configuredApp(slackOnlyProduction(slack.apiUrl));
    port = await app.listen(0);
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
  });

  it('starts with Slack on and Teams off, and says why', () => {
    expect(app.teams).toBeUndefined();
    expect(app.adapters.map((a) => a.platform)).toEqual(['slack']);
    expect(app.platforms.teams).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/MicrosoftAppId/),
    });
    expect(app.platforms.slack).toMatchObject({ enabled: true });
    expect(app.routes).toContain('POST /slack/events');
    expect(app.routes).not.toContain('POST /api/messages');
  });

  it('answers /api/messages with 404 and a body that says Teams is off', async () => {
    const res = await postActivity(port, personalMessage('http://127.0.0.1:1/', 'hjelp'));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      error: 'teams-disabled',
      message: expect.stringMatching(/MicrosoftAppId/),
    });
  });

  it('serves Slack end to end', async () => {
    const verify = await postSlack(port, urlVerification('c-123'), now());
    expect(verify.status).toBe(200);
    expect(await verify.json()).toEqual({ challenge: 'c-123' });
    expect((await postSlack(port, appMention('hjelp'), now())).status).toBe(200);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post?.authorization).toBe('Bearer xoxb-1-2-slackonly');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});

describe('platform rules', () => {
  it('refuses production with no platform at all, naming the variables', () => {
    expect(() => configuredApp({ port: 0, nodeEnv: 'production', teams: {} })).toThrow(
      /MicrosoftAppId.*SLACK_BOT_TOKEN/,
    );
  });

  it('runs Teams unauthenticated outside production when no app id is set', () => {
    const app = configuredApp({ port: 0, nodeEnv: 'development', teams: {} });
    expect(app.platforms.teams).toMatchObject({ enabled: true, authenticated: false });
    expect(app.platforms.slack.enabled).toBe(false);
    expect(app.routes).toContain('POST /api/messages');
  });
});
