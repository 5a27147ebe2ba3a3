import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import {
  type BotConnectorCapture,
  type ConnectorFault,
  startBotConnectorCapture,
} from '../support/bot-connector-capture.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13, no silent drop, over real HTTP with a real Redis: a turn whose answer did not leave (the
 * reply met 503s, resets or a hang past the deadline) is answered 503, its lease given back, and the
 * platform's redelivery is answered; a delivery that finds a live in-progress lease gets 200 and no
 * reply; a true duplicate of an answered turn is answered once. Ignored invokes get a 200 with a body.
 * The fault suite (`npm run faults`) adds the SIGKILLed replica.
 */
let app: App;
let capture: BotConnectorCapture;
let port = 0;

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  const clock = fixedClock('2022-10-01T08:00:00Z');
  app = createApp({
    config: {
      port: 0,
      nodeEnv: 'test',
      teams: {},
      outboundTimeoutMs: 300,
      teamsAnswerWithinMs: 2_500,
      turnLease: { leaseMs: 600, maxTurnMs: 5_000, pendingWaitMs: 400, pollMs: 25 },
    },
    store: createRedisStore({
      url: inject('redisUrl'),
      prefix: `test:redelivery:${randomUUID().slice(0, 8)}:`,
    }),
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
});
afterAll(async () => {
  await app.close();
  await capture.close();
});

function message() {
  const conversation = `a:redelivery-${randomUUID().slice(0, 8)}`;
  const activity = personalMessage(capture.serviceUrl, 'kan jeg søke?', {
    conversation: { conversationType: 'personal', tenantId: 'test', id: conversation },
  });
  const replies = () => capture.posted().filter((r) => r.conversationId === conversation);
  return { conversation, activity, replies };
}

describe('a turn whose answer did not leave', () => {
  it.each<[string, ConnectorFault[]]>([
    ['503 on every attempt', Array.from({ length: 8 }, () => ({ status: 503 }))],
    ['a reset on every attempt', Array.from({ length: 8 }, () => 'reset' as const)],
    ['a reply that hangs past the deadline', ['hang', 'hang', 'hang', 'hang', 'hang', 'hang']],
  ])('%s: answered 503, then the redelivery is answered once', async (_name, faults) => {
    const { conversation, activity, replies } = message();
    capture.script(conversation, faults);
    const first = await postActivity(port, activity);
    expect(first).toEqual({ status: 503, body: { error: 'answer-not-delivered' } });
    expect(replies()).toEqual([]);
    capture.unhang(conversation);

    expect((await postActivity(port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.activityId).toBe(activity.id);
    // A true duplicate now: 200, nothing posted again.
    expect((await postActivity(port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
  });

  it('a delivery that finds a live in-progress lease gets 200 and no reply', async () => {
    const { conversation, activity, replies } = message();
    capture.hang(conversation);
    const first = postActivity(port, activity);
    for (let i = 0; i < 200 && !capture.faulted().some((r) => r.conversationId === conversation); i++)
      await new Promise((r) => setTimeout(r, 10));
    const second = await postActivity(port, activity);
    expect(second.status).toBe(200);
    expect(replies()).toEqual([]);
    // The first delivery's reply gets through on a later attempt: one answer in all.
    capture.unhang(conversation);
    expect((await first).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect((await postActivity(port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
  });
});

describe('what an operator sees', () => {
  it('counts the turns answered 503 in /metrics', async () => {
    expect(await app.metrics.render()).toMatch(
      /^midlerbot_turns_unanswered_total\{platform="teams"\} [1-9]/m,
    );
  });
});

describe('invokes the bot does not act on', () => {
  it('get a 200 with a body, not 501', async () => {
    const { activity } = message();
    const unknown = await postActivity(port, {
      ...activity,
      type: 'invoke',
      name: 'composeExtension/query',
      value: {},
    });
    expect(unknown).toEqual({ status: 200, body: {} });
    const foreignCard = await postActivity(port, {
      ...message().activity,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'not-ours', data: { x: 1 } } },
    });
    expect(foreignCard.status).toBe(200);
    expect(foreignCard.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
  });
});
