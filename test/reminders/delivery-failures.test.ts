import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { planReminders, toQueued } from '../../src/domain/reminder-plan.ts';
import type { ReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { maxInWindow, type PlatformHost, startPlatformHost } from '../scheduler/platform-host.ts';
import { CHANNEL as SLACK_CHANNEL } from '../support/slack-fixtures.ts';
import { postActivity, CHANNEL as TEAMS_CHANNEL, teamInstall } from '../support/teams-fixtures.ts';
import { INNO, PS, subscription } from './support.ts';

/**
 * Issue 8, what the platforms answer back: 429s, a bot removed from the channel, and a burst of
 * reminders to one channel, through the real adapters' senders and the local Bot Connector and
 * Slack Web API. The chat path to a subscription is covered in delivery-platforms.test.ts; here the
 * subscriptions are put in the Store, and the Teams channel reference comes from a real install.
 */
const TEAMS_KEY = `teams:${TEAMS_CHANNEL}`;
const SLACK_KEY = `slack:${SLACK_CHANNEL}`;

let h: PlatformHost;
beforeEach(async () => {
  h = await startPlatformHost(inject('redisUrl'), '2022-09-15T10:00:00Z');
  expect((await postActivity(h.port, teamInstall(h.teams.serviceUrl))).status).toBe(200);
  h.teams.reset();
});
afterEach(async () => {
  await h.close();
});

async function subscribe(callIds: string[]): Promise<void> {
  await h.app.store.putSubscription(subscription(TEAMS_KEY, callIds));
  await h.app.store.putSubscription(subscription(SLACK_KEY, callIds));
}

const ids = async (key: string) =>
  (await h.app.store.listReminderIds()).filter((id) => id.startsWith(`ch/${key}/`));

/** Ticks, moving the clock by `stepMs` after each, until the queue is empty; returns the sent ids. */
async function drain(loop: ReminderLoop, stepMs: number, maxTicks = 400): Promise<string[]> {
  const sent: string[] = [];
  for (let n = 0; n < maxTicks; n++) {
    for (const o of (await loop.tickOnce()).outcomes) if (o.outcome === 'sent') sent.push(o.id);
    if ((await h.app.store.listReminderIds()).length === 0) return sent;
    h.clock.advance(stepMs);
  }
  throw new Error('the queue did not drain');
}

describe('reminder delivery when the platform pushes back', () => {
  it('a 429 puts the reminder back until after Retry-After; it is then posted exactly once', async () => {
    await subscribe([INNO]);
    await h.planner.reconcile();
    const loop = h.loop();
    const t0 = Date.parse('2022-10-06T07:00:00Z');
    h.clock.set('2022-10-06T07:00:00Z');
    // Teams answers 429 (Retry-After 30 s) to all four attempts of the sender, whose waits move the
    // test clock; Slack asks for two minutes, longer than its sender waits within one send.
    h.teams.failNext(4, 429, 30);
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    const first = await loop.tickOnce();
    expect(first.outcomes.map((o) => o.outcome)).toEqual(['retry', 'retry']);
    expect(h.teams.posted()).toEqual([]);
    const [refused] = h.slack.of('chat.postMessage');
    expect(refused).toBeDefined();

    // Until Retry-After has passed nothing is claimed, and a re-plan does not reset the wait.
    await h.planner.reconcile();
    expect((await loop.tickOnce()).claimed).toBe(0);
    const sent: string[] = [];
    for (let n = 0; n < 30 && sent.length < 2; n++) {
      h.clock.advance(10_000);
      await h.planner.reconcile();
      for (const o of (await loop.tickOnce()).outcomes) if (o.outcome === 'sent') sent.push(o.id);
    }
    expect(sent).toHaveLength(2);
    h.clock.advance(3_600_000);
    await h.planner.reconcile();
    expect((await loop.tickOnce()).claimed).toBe(0);

    const [teamsPost, ...moreTeams] = h.teams.posted();
    expect(moreTeams).toEqual([]);
    // Three waits of 30 s inside the sender, then 30 s more in the queue.
    expect(teamsPost?.at).toBeGreaterThanOrEqual(t0 + 120_000);
    expect(JSON.stringify(teamsPost?.body)).toContain('om 14 dager');
    const posts = h.slack.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.at).toBeGreaterThanOrEqual((refused?.at ?? 0) + 120_000);
  });

  it('a server error (5xx) posts nothing; the retry posts the reminder, exactly once on each platform', async () => {
    await subscribe([INNO]);
    await h.planner.reconcile();
    const loop = h.loop();
    h.clock.set('2022-10-06T07:00:00Z');
    // Teams answers 500 to all four of the sender's attempts; Slack's gateway answers 502 once.
    h.teams.failNext(4, 500);
    h.slack.failNext('chat.postMessage', { status: 502 });
    const first = await loop.tickOnce();
    expect(first.outcomes.map((o) => o.outcome)).toEqual(['retry', 'retry']);
    expect(h.teams.posted()).toEqual([]);
    // The send's idempotency claim was given back: the retry posts instead of reporting "done".
    const sent: string[] = [];
    for (let n = 0; n < 30 && sent.length < 2; n++) {
      h.clock.advance(60_000);
      for (const o of (await loop.tickOnce()).outcomes) if (o.outcome === 'sent') sent.push(o.id);
    }
    expect(sent).toHaveLength(2);
    h.clock.advance(3_600_000);
    expect((await loop.tickOnce()).claimed).toBe(0);
    expect(h.teams.posted()).toHaveLength(1);
    expect(JSON.stringify(h.teams.posted()[0]?.body)).toContain('om 14 dager');
    const slackPosts = h.slack.of('chat.postMessage');
    expect(slackPosts).toHaveLength(2);
    expect(JSON.stringify(slackPosts[1]?.args)).toContain('om 14 dager');
  });

  it('a channel the bot was removed from (Teams 403, Slack channel_not_found) is unsubscribed, not retried', async () => {
    await subscribe([INNO, PS]);
    await h.planner.reconcile();
    expect(await ids(TEAMS_KEY)).not.toEqual([]);
    expect(await ids(SLACK_KEY)).not.toEqual([]);
    const loop = h.loop();
    h.clock.set('2022-10-06T07:00:00Z');
    h.teams.forbid(TEAMS_CHANNEL);
    h.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const tick = await loop.tickOnce();
    expect(tick.outcomes.map((o) => o.outcome)).toEqual(['unsubscribed', 'unsubscribed']);

    for (const key of [TEAMS_KEY, SLACK_KEY]) {
      expect(await h.app.store.getSubscription(key)).toBeNull();
      expect(await h.app.store.getConversationRef(key)).toBeNull();
      expect(await ids(key)).toEqual([]);
    }
    // Nothing comes back at the next plan or on the later dates.
    await h.planner.reconcile();
    h.clock.set('2022-11-02T08:00:00Z');
    await h.planner.reconcile();
    expect((await loop.tickOnce()).claimed).toBe(0);
    expect(h.slack.of('chat.postMessage')).toHaveLength(1);
    expect(h.teams.requests.filter((r) => r.conversationId === TEAMS_CHANNEL)).toEqual([]);
  });

  it('a burst of reminders to one channel stays within each platform limit, each posted once', async () => {
    // Every reminder both calls have for a channel, all due now (distinct groups: none supersedes).
    const now = new Date('2022-10-06T07:00:00Z');
    const burst = planReminders({
      calls: h.app.catalog.calls,
      subscriptions: [subscription(TEAMS_KEY, [INNO, PS]), subscription(SLACK_KEY, [INNO, PS])],
      applications: [],
      now: new Date('2022-09-15T10:00:00Z'),
    }).map((r) => ({ ...toQueued(r), dueAt: now.toISOString(), payload: { ...r.payload, group: r.id } }));
    const perChannel = burst.filter((r) => r.targetKey.endsWith(TEAMS_KEY)).length;
    expect(perChannel).toBeGreaterThan(15);
    await h.app.store.enqueueReminders(burst);
    h.clock.set(now.toISOString());

    // Ticks every 100 ms of the injected clock, as fast as the loop's busy mode would.
    const sent = await drain(h.loop(), 100);
    expect(sent).toHaveLength(burst.length);
    expect(new Set(sent).size).toBe(burst.length);

    const teamsAt = h.teams.posted().map((p) => p.at);
    const slackAt = h.slack.of('chat.postMessage').map((c) => c.at);
    // Each reminder posted once: as many posts per channel as reminders, each id sent once.
    expect(teamsAt).toHaveLength(perChannel);
    expect(slackAt).toHaveLength(perChannel);
    // Slack: about one message per second per channel (short bursts allowed). Counted per second of
    // the clock, as the loop and the sender count it across replicas: at most one in each second, so
    // never more than n + 1 in any n seconds.
    const perSecond = new Map<number, number>();
    for (const at of slackAt)
      perSecond.set(Math.floor(at / 1_000), (perSecond.get(Math.floor(at / 1_000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBe(1);
    expect(maxInWindow(slackAt, 1_000)).toBeLessThanOrEqual(2);
    expect(maxInWindow(slackAt, 10_000)).toBeLessThanOrEqual(11);
    // Teams per conversation: 7 per second, 8 per 2 seconds, 60 per 30 seconds.
    expect(maxInWindow(teamsAt, 1_000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(teamsAt, 2_000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(teamsAt, 30_000)).toBeLessThanOrEqual(60);
    // Throttled, not dropped and not slowed to a crawl: the burst took about one second per Slack post.
    expect(Math.max(...slackAt) - now.getTime()).toBeLessThan((perChannel + 2) * 1_000);
  });
});
