import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { type Host, type MovableClock, startHost } from '../kit/index.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import {
  CHANNEL,
  PERSONAL_CONVERSATION,
  personalInstall,
  personalMessage,
  postActivity,
  teamInstall,
  USER,
} from '../support/teams-fixtures.ts';

/**
 * Proactive sends through two replicas sharing one real Redis. Time is a fake clock that only moves
 * when the sender sleeps, so rate windows are checked on recorded timestamps, never on wall time.
 */
let t = Date.parse('2023-09-04T07:00:00.250Z');
const clock: Clock = () => new Date(t);
const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
  t += ms;
};
const prefix = `test-teams-proactive-${process.pid}-${Date.now()}:`;
const notifyTo = { platform: 'teams' as const, userId: USER.aadObjectId };

/** Replies "done" and notifies the applicant and a leader who never installed the app. */
const notifying: Engine = {
  async handle(event) {
    if (event.text !== 'notify') return { replies: [], notify: [] };
    return {
      replies: [{ kind: 'text', text: 'done' }],
      notify: [
        { to: notifyTo, message: { kind: 'text', text: 'your leader was asked' }, purpose: 'notice' },
        {
          to: { platform: 'teams', userId: 'never-installed' },
          message: { kind: 'text', text: 'please endorse' },
          purpose: 'endorse',
        },
      ],
    };
  },
};

let capture: BotConnectorCapture;
let replicas: Host[] = [];
/** The host's clock: moved only by the sender's sleeps (and between tests). */
const time: MovableClock = {
  clock,
  set: (at) => {
    t = new Date(at).getTime();
  },
  advance: sleep,
  seconds: () => Math.floor(t / 1000),
};

beforeAll(async () => {
  capture = await startBotConnectorCapture({ now: () => t });
  const make = () => startHost({ clock: time, prefix, engine: notifying, app: { sleep } });
  replicas = [await make(), await make()];
  const port = replicas[0]!.port;
  expect((await postActivity(port, teamInstall(capture.serviceUrl))).status).toBe(200);
  expect((await postActivity(port, personalInstall(capture.serviceUrl))).status).toBe(200);
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await capture.close();
});
beforeEach(() => {
  capture.reset();
  sleeps.length = 0;
  t += 60_000;
});

const sender = (i: number) => replicas[i % 2]!.app.teams!.sender;
const text = (s: string): Outbound => ({ kind: 'text', text: s });

function maxInWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + windowMs).length));
}

describe('Teams proactive sender', () => {
  it('keeps a burst of 20 to one channel within Teams limits across two replicas', async () => {
    for (let i = 0; i < 20; i++) {
      const result = await sender(i).sendToConversation(`teams:${CHANNEL}`, text(`reminder ${i}`));
      expect(result.ok).toBe(true);
    }
    const posted = capture.posted();
    expect(posted).toHaveLength(20);
    expect(new Set(posted.map((p) => p.conversationId))).toEqual(new Set([CHANNEL]));
    const times = posted.map((p) => p.at);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2_000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    // The gate did hold sends back (20 at one instant would break every window).
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it('retries 429 after Retry-After and delivers once', async () => {
    capture.failNext(2, 429, 3);
    const result = await sender(0).sendToUser(USER.aadObjectId, text('hello'));
    expect(result.ok).toBe(true);
    expect(capture.posted()).toHaveLength(1);
    expect(capture.posted()[0]?.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(sleeps.filter((s) => s === 3_000)).toHaveLength(2);
  });

  it('hands a Retry-After longer than a minute back to the caller instead of waiting in the send', async () => {
    capture.failNext(1, 429, 120);
    const result = await sender(0).sendToUser(USER.aadObjectId, text('hello'));
    expect(result).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 120_000 });
    expect(capture.posted()).toHaveLength(0);
    expect(sleeps.filter((s) => s >= 60_000)).toEqual([]);
  });

  it('backs off exponentially on 503 without Retry-After, and gives up after bounded attempts', async () => {
    capture.failNext(2, 503);
    expect((await sender(1).sendToUser(USER.aadObjectId, text('hello'))).ok).toBe(true);
    // Jittered (docs/reliability.md): between half and all of 500 ms, then of 1 s.
    const [first, second, ...more] = sleeps.filter((s) => s >= 250);
    expect(more).toEqual([]);
    expect(first).toBeGreaterThanOrEqual(250);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThanOrEqual(1_000);

    capture.reset();
    capture.failNext(10, 502);
    const result = await sender(1).sendToUser(USER.aadObjectId, text('hello'));
    expect(result).toMatchObject({ ok: false, reason: 'error' });
    expect(capture.posted()).toHaveLength(0);
  });

  it('reports not-installed for a user without a personal chat or when the connector says 403', async () => {
    expect(await sender(0).sendToUser('no-such-user', text('x'))).toEqual({
      ok: false,
      reason: 'not-installed',
    });
    capture.forbid(PERSONAL_CONVERSATION);
    expect(await sender(0).sendToUser(USER.aadObjectId, text('x'))).toEqual({
      ok: false,
      reason: 'not-installed',
    });
    expect(await sender(0).sendToConversation('teams:19:unknown@thread.tacv2', text('x'))).toEqual({
      ok: false,
      reason: 'gone',
    });
  });

  it('updates a message in place by its id', async () => {
    const result = await sender(0).update(`teams:${CHANNEL}`, '1:77', {
      kind: 'card',
      title: 'Anbefalt',
      blocks: [{ kind: 'text', text: 'Leder har anbefalt søknaden.' }],
    });
    expect(result).toEqual({ ok: true, messageRef: '1:77' });
    const [put] = capture.updated();
    expect(put?.activityId).toBe('1:77');
    expect(put?.body.attachments).toBeDefined();
  });

  it('delivers a turn’s notifications and still answers when a recipient cannot be reached', async () => {
    expect(
      (await postActivity(replicas[0]!.port, personalMessage(capture.serviceUrl, 'notify'))).status,
    ).toBe(200);
    const texts = capture.posted().map((p) => p.body.text);
    expect(texts).toContain('done');
    expect(texts).toContain('your leader was asked');
    expect(
      await replicas[0]!.app.metrics.proactiveSends.get({ platform: 'teams', result: 'not-installed' }),
    ).toBe(1);
  });
});
