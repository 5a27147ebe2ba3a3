import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSlackHost } from '../kit/index.ts';
import {
  appHomeOpened,
  appMention,
  DM,
  directMessage,
  postSlack,
  slackHeaders,
} from '../support/slack-fixtures.ts';
import { NOW_SECONDS, scriptedEngine, startSlackHost } from './harness.ts';
import { slash } from './requests.ts';

/** Slash commands typed in the user's DM with the bot: answered there with chat.postMessage. */
const inDm = { channel: DM, channelName: 'directmessage' };

const engine = scriptedEngine((event) => [
  { kind: 'text', text: `echo: ${event.text ?? event.action?.id ?? ''}` },
]);
const host = useSlackHost(() => ({ engine }));
beforeEach(() => {
  engine.seen.length = 0;
});

describe('Slack request signatures', () => {
  const cases: [string, (req: ReturnType<typeof slash>) => Parameters<typeof postSlack>[3]][] = [
    ['a wrong secret', () => ({ secret: 'not-the-signing-secret' })],
    ['missing signature headers', (req) => ({ rawHeaders: { 'content-type': req.contentType } })],
    ['a stale timestamp (6 minutes old)', () => ({ timestamp: NOW_SECONDS - 6 * 60 })],
    ['a future timestamp (6 minutes ahead)', () => ({ timestamp: NOW_SECONDS + 6 * 60 })],
    [
      'a body changed after signing',
      (req) => ({ bodyOverride: req.body.replace('hjelp', 'slett+mine+data') }),
    ],
    [
      'a malformed signature',
      (req) => ({ rawHeaders: { ...slackHeaders(req, NOW_SECONDS), 'x-slack-signature': 'v0=zz' } }),
    ],
  ];
  for (const [name, options] of cases) {
    it(`refuses ${name} with 401 and processes nothing`, async () => {
      const req = slash(host.capture, 'hjelp', inDm);
      const res = await postSlack(host.port, req, NOW_SECONDS, options(req));
      expect(res.status).toBe(401);
      await host.idle();
      expect(engine.seen).toEqual([]);
      expect(host.capture.calls).toEqual([]);
    });
  }

  it('accepts a timestamp just inside the window (4 minutes old)', async () => {
    const res = await postSlack(host.port, slash(host.capture, 'hjelp', inDm), NOW_SECONDS, {
      timestamp: NOW_SECONDS - 4 * 60,
    });
    expect(res.status).toBe(200);
    await host.capture.waitFor('chat.postMessage');
    await host.idle();
  });
});

describe('one effect per delivery', () => {
  it('a retried event (X-Slack-Retry-Num) is acknowledged but not handled again', async () => {
    const req = appMention('hjelp');
    expect((await postSlack(host.port, req, NOW_SECONDS)).status).toBe(200);
    const retry = await postSlack(host.port, req, NOW_SECONDS, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await host.idle();
    expect(engine.seen).toHaveLength(1);
    expect(host.capture.of('chat.postMessage')).toHaveLength(1);
  });

  it('the same event delivered twice at once has one effect', async () => {
    const req = directMessage('hjelp');
    const both = await Promise.all([
      postSlack(host.port, req, NOW_SECONDS),
      postSlack(host.port, req, NOW_SECONDS),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    await host.idle();
    expect(engine.seen).toHaveLength(1);
    expect(host.capture.of('chat.postMessage')).toHaveLength(1);
  });

  it('two replicas sharing Redis handle one delivery once', async () => {
    const prefix = `test-slack-replicas-${randomUUID()}:`;
    const a = await startSlackHost({ capture: host.capture, engine, prefix });
    const b = await startSlackHost({ capture: host.capture, engine, prefix });
    try {
      const req = appMention('status', { eventId: `Ev0REPLICA${Date.now()}` });
      const answers = await Promise.all([
        postSlack(a.port, req, NOW_SECONDS),
        postSlack(b.port, req, NOW_SECONDS),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      await Promise.all([a.idle(), b.idle()]);
      expect(engine.seen).toHaveLength(1);
      expect(host.capture.of('chat.postMessage')).toHaveLength(1);
      // The control: a different event id on either replica is handled.
      await postSlack(b.port, appMention('status'), NOW_SECONDS);
      await b.idle();
      expect(engine.seen).toHaveLength(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a retried app_home_opened (not a turn) publishes the Home tab once', async () => {
    const req = appHomeOpened();
    await postSlack(host.port, req, NOW_SECONDS);
    await postSlack(host.port, req, NOW_SECONDS, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await host.idle();
    expect(host.capture.of('views.publish')).toHaveLength(1);
    await postSlack(host.port, appHomeOpened(), NOW_SECONDS);
    await host.idle();
    expect(host.capture.of('views.publish')).toHaveLength(2);
  });

  it('a slash command sent twice (same trigger id) runs once', async () => {
    const req = slash(host.capture, 'status', inDm);
    await postSlack(host.port, req, NOW_SECONDS);
    await postSlack(host.port, req, NOW_SECONDS);
    await host.idle();
    expect(engine.seen).toHaveLength(1);
  });
});
