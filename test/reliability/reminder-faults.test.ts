import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { channelRef, FAULT_NOW, reminderFor, seedReminders, slackChannelRef } from '../../faults/support.ts';
import { createReminderLoop, type ReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { type PlatformHost, startPlatformHost } from '../scheduler/platform-host.ts';
import { collectingLog } from '../scheduler/support.ts';

/**
 * Issue 13, a reminder loop that always makes progress, through the real Teams sender and the local
 * Bot Connector, on a real Redis: one conversation whose connector hangs holds only its own lane
 * (the others are sent in the same tick) and is not recorded delivered; 503, 429 and a reset are
 * retried and posted once; a loop told to drain (SIGTERM) claims nothing more and gives back what
 * it claimed but had not started. `npm run faults` does the same with wall time and replicas.
 */
let h: PlatformHost;
beforeEach(async () => {
  h = await startPlatformHost(inject('redisUrl'), FAULT_NOW);
});
afterEach(async () => {
  await h.close();
});

function loop(random?: () => number): ReminderLoop {
  return createReminderLoop({
    ...(random ? { random } : {}),
    store: h.app.store,
    senders: [...h.app.senders.values()],
    catalog: h.app.catalog,
    clock: h.clock.clock,
    owner: 'replica-test',
    leaseMs: 60_000,
    batch: 20,
    // Real milliseconds: how long a hung connector call may take before the send counts as unclear.
    sendDeadlineMs: 300,
    log: collectingLog().log,
  });
}

const conversations = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `19:${tag}-${i}@thread.tacv2`);
const postsTo = (id: string) => h.teams.posted().filter((r) => r.conversationId === id);

describe('reminders while the connector misbehaves', () => {
  it('a hung conversation holds only its own lane, and is queued for a retry, not recorded delivered', async () => {
    const ids = conversations(6, 'hang');
    const [hung = '', ...others] = ids;
    h.teams.hang(hung);
    const items = await seedReminders(h.app.store, ids, h.teams.serviceUrl);
    const report = await loop().tickOnce();
    h.teams.unhang(hung);
    const outcome = new Map(report.outcomes.map((o) => [o.id, o.outcome]));
    expect(outcome.get(items[0]?.id ?? '')).toBe('retry');
    for (const item of items.slice(1)) expect(outcome.get(item.id)).toBe('sent');
    for (const id of others) expect(postsTo(id)).toHaveLength(1);
    expect(postsTo(hung)).toEqual([]);
    expect(await h.app.store.wasDelivered(items[0]?.id ?? '')).toBe(false);
    const queued = (await h.app.store.peekReminders()).reminders.find((r) => r.id === items[0]?.id);
    expect(queued).toMatchObject({ lease: null, attempts: 1 });
    expect(Date.parse(queued?.nextAttemptAt ?? '')).toBeGreaterThan(h.clock.now());
  });

  it('503, 429 with Retry-After and a reset are retried within the send and posted once', async () => {
    const [failing = '', throttled = '', reset = '', normal = ''] = conversations(4, 'flaky');
    h.teams.script(failing, [{ status: 503 }]);
    h.teams.script(throttled, [{ status: 429, retryAfterSeconds: 1 }]);
    h.teams.script(reset, ['reset']);
    const items = await seedReminders(h.app.store, [failing, throttled, reset, normal], h.teams.serviceUrl);
    const report = await loop().tickOnce();
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
    for (const id of [failing, throttled, reset, normal]) expect(postsTo(id)).toHaveLength(1);
    for (const item of items) expect(await h.app.store.wasDelivered(item.id)).toBe(true);
  });

  it('a send that only ever meets resets is not recorded delivered (an unclear result is retried)', async () => {
    const [reset = ''] = conversations(1, 'resets');
    h.teams.script(
      reset,
      Array.from({ length: 10 }, () => 'reset' as const),
    );
    const [item] = await seedReminders(h.app.store, [reset], h.teams.serviceUrl);
    const report = await loop().tickOnce();
    h.teams.unhang(reset);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['retry']);
    expect(postsTo(reset)).toEqual([]);
    expect(await h.app.store.wasDelivered(item?.id ?? '')).toBe(false);
  });
});

describe('the back-off of a failing reminder', () => {
  it('502/503/504/412 back off exponentially across claims (no 4 s hint), and it is posted once when the connector recovers', async () => {
    const [target = ''] = conversations(1, 'backoff');
    const statuses = [503, 502, 504, 412];
    // Four claims, each trying four times inside the send (RETRY.inSend).
    h.teams.script(
      target,
      Array.from({ length: 16 }, (_, i) => ({ status: statuses[i % 4] ?? 503 })),
    );
    const [item] = await seedReminders(h.app.store, [target], h.teams.serviceUrl);
    const l = loop(() => 1);
    const waits: number[] = [];
    for (let claim = 0; claim < 4; claim++) {
      expect((await l.tickOnce()).outcomes.map((o) => o.outcome)).toEqual(['retry']);
      const queued = (await h.app.store.peekReminders()).reminders.find((r) => r.id === item?.id);
      waits.push(Date.parse(queued?.nextAttemptAt ?? '') - h.clock.now());
      expect(await l.tickOnce()).toMatchObject({ claimed: 0 });
      h.clock.set(queued?.nextAttemptAt ?? '');
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect((await l.tickOnce()).outcomes.map((o) => o.outcome)).toEqual(['sent']);
    expect(postsTo(target)).toHaveLength(1);
  });
});

describe('a reminder loop told to drain (SIGTERM)', () => {
  it('lets the send in flight finish, gives back what it claimed but had not started, and claims nothing more', async () => {
    const [target = ''] = conversations(1, 'drain');
    await h.app.store.putConversationRef(channelRef(target, h.teams.serviceUrl));
    const items = [0, 1, 2].map((n) => reminderFor(target, n));
    await h.app.store.enqueueReminders(items);
    h.teams.hang(target);
    const l = loop();
    const tick = l.tickOnce();
    for (let i = 0; i < 200 && h.teams.faulted().length === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    l.drain();
    const report = await tick;
    await l.stop();
    h.teams.unhang(target);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['retry', 'released', 'released']);
    const peek = (await h.app.store.peekReminders()).reminders;
    expect(peek.map((r) => r.lease)).toEqual([null, null, null]);
    expect((await l.tickOnce()).claimed).toBe(0);
  });
});

describe('Slack reminders while the Web API misbehaves', () => {
  const slackPosts = (channel: string) =>
    h.slack.of('chat.postMessage').filter((c) => c.args.channel === channel);

  it('a hung chat.postMessage holds only its channel and is not recorded delivered; a reset is not either', async () => {
    const channels = ['C0FAULT01', 'C0FAULT02', 'C0FAULT03'];
    for (const channel of channels) await h.app.store.putConversationRef(slackChannelRef(channel));
    const items = channels.map((channel, n) => reminderFor(channel, n, 'slack'));
    await h.app.store.enqueueReminders(items);
    // Failures are per method, in call order: the two first posts (whichever lanes get there first:
    // the channel ids only name the intent) hang and reset, the third goes through.
    h.slack.failNext('chat.postMessage', { fault: 'hang' });
    h.slack.failNext('chat.postMessage', { fault: 'reset' });
    const report = await loop().tickOnce();
    expect(report.outcomes.map((o) => o.outcome).sort()).toEqual(['retry', 'retry', 'sent']);
    const sent = report.outcomes.find((o) => o.outcome === 'sent')?.id;
    const channelOf = (id: string | undefined) =>
      items.find((i) => i.id === id)?.targetKey.slice('slack:'.length);
    expect(slackPosts(channelOf(sent) ?? '')).toHaveLength(1);
    for (const item of items) expect(await h.app.store.wasDelivered(item.id)).toBe(item.id === sent);
  });
});
