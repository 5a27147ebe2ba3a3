import { describe, expect, it } from 'vitest';
import type { SendOptions, SendResult } from '../../src/bot/ports.ts';
import type { QueuedReminder } from '../../src/store/store.ts';
import { catalog, PS } from '../reminders/support.ts';
import { collectingLog, loopOn, recordingSender, storeKinds, testClock } from './support.ts';

/**
 * A burst to many channels: the loop asks its senders not to wait for a channel's window (noWait);
 * a full window comes back at once as "gated", and the item goes back to the queue for when the
 * window reopens, without a failure, a warning or an attempt at the platform.
 */
function item(id: string, targetKey: string, at: Date): QueuedReminder {
  const call = catalog.get(PS);
  if (!call) throw new Error('call missing');
  return {
    id,
    dueAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + 86_400_000).toISOString(),
    targetKey,
    payload: {
      kind: 'channel-milestone',
      target: { kind: 'conversation', platform: 'slack', key: targetKey },
      callId: PS,
      callTitle: call.title,
      milestone: 'deadline',
      milestoneKind: 'deadline',
      label: call.title,
      at: new Date(at.getTime() + 86_400_000).toISOString(),
      group: id,
      buttons: [],
    },
  };
}

describe.each(storeKinds())('a burst paced by the adapters on $name', (kind) => {
  it('a gated send is given back for when its window reopens, asked with noWait, and sent then', async () => {
    const c = testClock('2022-10-21T07:00:00.400Z');
    const store = await kind.make(c.clock);
    await store.enqueueReminders([item('b/1', 'slack:CA', c.clock()), item('b/2', 'slack:CB', c.clock())]);
    const asked: (SendOptions | undefined)[] = [];
    let gateOpen = false;
    const slack = recordingSender('slack', c.clock, (to): SendResult => {
      // CB's window is full until the next whole second; CA's is free.
      if (to === 'slack:CB' && !gateOpen)
        return { ok: false, reason: 'rate-limited', retryAfterMs: 600, gated: true };
      return { ok: true, messageRef: 'm' };
    });
    const record = slack.sender.sendToConversation;
    slack.sender.sendToConversation = (key, message, options) => {
      asked.push(options);
      return record(key, message, options);
    };
    const log = collectingLog();
    const loop = loopOn(store, c, [slack.sender], { log: log.log });

    const first = await loop.tickOnce();
    expect(Object.fromEntries(first.outcomes.map((o) => [o.id, o.outcome]))).toEqual({
      'b/1': 'sent',
      'b/2': 'throttled',
    });
    expect(first.nextWindowAt).toBe(c.now() + 600);
    expect(asked.every((o) => o?.noWait === true)).toBe(true);
    expect(log.lines.filter((l) => l.level !== 'info')).toEqual([]);
    const [queued] = (await store.peekReminders()).reminders;
    // When the window reopens, and 15 ms more: items turned away more often come back before it.
    expect(queued).toMatchObject({
      id: 'b/2',
      nextAttemptAt: new Date(c.now() + 615).toISOString(),
      lease: null,
    });

    // Not before then; then it goes out.
    expect((await loop.tickOnce()).claimed).toBe(0);
    c.advance(615);
    gateOpen = true;
    const second = await loop.tickOnce();
    expect(second.outcomes).toEqual([{ id: 'b/2', outcome: 'sent' }]);
    expect(slack.sent.map((s) => s.to)).toEqual(['slack:CA', 'slack:CB']);
  });

  it('a second item for a channel whose window filled in this tick goes back without asking again', async () => {
    const c = testClock('2022-10-21T07:00:00.000Z');
    const store = await kind.make(c.clock);
    await store.enqueueReminders([0, 1, 2].map((n) => item(`b/${n}`, 'slack:CA', c.clock())));
    let asked = 0;
    const slack = recordingSender('slack', c.clock, (): SendResult => {
      asked += 1;
      return { ok: true, messageRef: 'm' };
    });
    const loop = loopOn(store, c, [slack.sender]);
    const report = await loop.tickOnce();
    // The loop's own per-channel window (Slack: 1 per second) lets one through; the rest wait for it.
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['sent', 'throttled', 'throttled']);
    expect(asked).toBe(1);
    expect(report.nextWindowAt).toBe(c.now() + 1_000);
  });

  it('of items a shared window turned away, the one turned away more often comes back first', async () => {
    const c = testClock('2022-10-21T07:00:00.000Z');
    const store = await kind.make(c.clock);
    // A window every channel shares (Teams' per tenant), full for the whole test.
    const slack = recordingSender(
      'slack',
      c.clock,
      (): SendResult => ({ ok: false, reason: 'rate-limited', retryAfterMs: 1_000, gated: true }),
    );
    const loop = loopOn(store, c, [slack.sender]);
    await store.enqueueReminders([item('early', 'slack:CZ', c.clock())]);
    await loop.tickOnce();
    c.advance(1_015);
    await store.enqueueReminders([item('fresh', 'slack:CA', c.clock())]);
    await loop.tickOnce();
    const due = Object.fromEntries(
      (await store.peekReminders()).reminders.map((r) => [r.id, Date.parse(r.nextAttemptAt ?? '')]),
    );
    // Claimed in id order otherwise, CA would go before CZ every time the window reopens.
    expect(due.early).toBeLessThan(due.fresh ?? 0);
    expect(slack.sent).toEqual([]);
  });
});
