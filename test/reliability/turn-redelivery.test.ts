import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTeamsHost } from '../kit/index.ts';
import type { ConnectorFault } from '../support/bot-connector-capture.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13, no silent drop, over real HTTP with a real Redis: a turn whose answer did not leave (the
 * reply met 503s, resets or a hang past the deadline) is answered 503, its lease given back, and the
 * platform's redelivery is answered; a delivery that finds a live in-progress lease gets 200 and no
 * reply; a true duplicate of an answered turn is answered once. Ignored invokes get a 200 with a body.
 * The fault suite (`npm run faults`) adds the SIGKILLed replica.
 */
const host = useTeamsHost(
  () => ({
    at: '2022-10-01T08:00:00Z',
    // A real Redis: the turn leases are the store's.
    prefix: `test:redelivery:${randomUUID().slice(0, 8)}:`,
    config: {
      outboundTimeoutMs: 300,
      teamsAnswerWithinMs: 2_500,
      turnLease: { leaseMs: 600, maxTurnMs: 5_000, pendingWaitMs: 400, pollMs: 25 },
    },
  }),
  { resetEach: false },
);

function message() {
  const conversation = `a:redelivery-${randomUUID().slice(0, 8)}`;
  const activity = personalMessage(host.capture.serviceUrl, 'kan jeg søke?', {
    conversation: { conversationType: 'personal', tenantId: 'test', id: conversation },
  });
  const replies = () => host.capture.posted().filter((r) => r.conversationId === conversation);
  return { conversation, activity, replies };
}

describe('a turn whose answer did not leave', () => {
  it.each<[string, ConnectorFault[]]>([
    ['503 on every attempt', Array.from({ length: 8 }, () => ({ status: 503 }))],
    ['a reset on every attempt', Array.from({ length: 8 }, () => 'reset' as const)],
    ['a reply that hangs past the deadline', ['hang', 'hang', 'hang', 'hang', 'hang', 'hang']],
  ])('%s: answered 503, then the redelivery is answered once', async (_name, faults) => {
    const { conversation, activity, replies } = message();
    host.capture.script(conversation, faults);
    const first = await postActivity(host.port, activity);
    expect(first).toEqual({ status: 503, body: { error: 'answer-not-delivered' } });
    expect(replies()).toEqual([]);
    host.capture.unhang(conversation);

    expect((await postActivity(host.port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.activityId).toBe(activity.id);
    // A true duplicate now: 200, nothing posted again.
    expect((await postActivity(host.port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
  });

  it('a delivery that finds a live in-progress lease gets 200 and no reply', async () => {
    const { conversation, activity, replies } = message();
    host.capture.hang(conversation);
    const first = postActivity(host.port, activity);
    for (let i = 0; i < 200 && !host.capture.faulted().some((r) => r.conversationId === conversation); i++)
      await new Promise((r) => setTimeout(r, 10));
    const second = await postActivity(host.port, activity);
    expect(second.status).toBe(200);
    expect(replies()).toEqual([]);
    // The first delivery's reply gets through on a later attempt: one answer in all.
    host.capture.unhang(conversation);
    expect((await first).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect((await postActivity(host.port, activity)).status).toBe(200);
    expect(replies()).toHaveLength(1);
  });
});

describe('what an operator sees', () => {
  it('counts the turns answered 503 in /metrics', async () => {
    expect(await host.app.metrics.render()).toMatch(
      /^midlerbot_turns_unanswered_total\{platform="teams"\} [1-9]/m,
    );
  });
});

describe('invokes the bot does not act on', () => {
  it('get a 200 with a body, not 501', async () => {
    const { activity } = message();
    const unknown = await postActivity(host.port, {
      ...activity,
      type: 'invoke',
      name: 'composeExtension/query',
      value: {},
    });
    expect(unknown).toEqual({ status: 200, body: {} });
    const foreignCard = await postActivity(host.port, {
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
