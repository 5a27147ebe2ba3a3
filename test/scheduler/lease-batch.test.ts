import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/bot/ports.ts';
import { createReminderPlanner } from '../../src/scheduler/reminder-planner.ts';
import { catalog, PS, subscription } from '../reminders/support.ts';
import { collectingLog, loopOn, recordingSender, storeKinds, testClock } from './support.ts';

const LEASE = 60_000;

describe.each(storeKinds())('a claimed batch and its lease on $name', (kind) => {
  it('sends an item only while at least half its lease is left; the rest go back and are sent once later', async () => {
    const c = testClock('2022-10-21T07:00:00Z');
    const store = await kind.make(c.clock);
    const channels = ['slack:C1', 'slack:C2', 'slack:C3', 'slack:C4'];
    for (const ch of channels) await store.putSubscription(subscription(ch, [PS]));
    await createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log }).reconcile();

    // Each send takes 25 s of the injected clock (a platform that is slow to answer).
    const slow = recordingSender('slack', c.clock, (): SendResult => {
      c.advance(25_000);
      return { ok: true, messageRef: 'm' };
    });
    const loop = loopOn(store, c, [slow.sender], {
      leaseMs: LEASE,
      batch: 10,
      // One lane at a time, so the batch is reached in turn and the later items find their lease short.
      concurrency: 1,
    });

    const ticks: { at: number; outcomes: string[] }[] = [];
    for (let n = 0; n < 10; n++) {
      const at = c.now();
      const report = await loop.tickOnce();
      if (report.claimed === 0) break;
      ticks.push({ at, outcomes: report.outcomes.map((o) => o.outcome) });
    }
    // Claimed together at 0 s: the first starts with 60 s of lease left, the second at 25 s with 35 s;
    // the third would start with 10 s left, so it and the fourth go back for a fresh claim.
    expect(ticks[0]?.outcomes).toEqual(['sent', 'sent', 'deferred', 'deferred']);
    expect(ticks.flatMap((t) => t.outcomes).filter((o) => o === 'sent')).toHaveLength(4);
    expect(slow.sent.map((s) => s.to).sort()).toEqual(channels);
    // No send began with less than half of its claim's lease left.
    for (const s of slow.sent) {
      const claimedAt = Math.max(...ticks.map((t) => t.at).filter((t) => t <= s.at - 25_000));
      expect(s.at - 25_000 - claimedAt).toBeLessThanOrEqual(LEASE / 2);
    }
  });
});
