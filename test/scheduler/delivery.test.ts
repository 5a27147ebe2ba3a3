import { describe, expect, it } from 'vitest';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import type { ReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { createReminderPlanner, toQueued } from '../../src/scheduler/reminder-planner.ts';
import type { Store } from '../../src/store/store.ts';
import { call, catalog, INNO, PS, subscription } from '../reminders/support.ts';
import {
  collectingLog,
  loopOn,
  recordingSender,
  storeKinds,
  type TestClock,
  testClock,
  textOf,
} from './support.ts';

const LEASE = 60_000;

function loop(
  store: Store,
  c: TestClock,
  senders: ReturnType<typeof recordingSender>[],
  owner = 'r1',
): ReminderLoop {
  return loopOn(
    store,
    c,
    senders.map((s) => s.sender),
    { owner, leaseMs: LEASE, batch: 50 },
  );
}

describe.each(storeKinds())('reminder delivery on $name', (kind) => {
  it('plans, delivers when due with "in N days" of that moment, and never posts a delivered id again', async () => {
    const c = testClock('2022-10-01T00:00:00Z');
    const store = await kind.make(c.clock);
    await store.putSubscription(subscription('slack:C1', [INNO]));
    const { log } = collectingLog();
    const planner = createReminderPlanner({ store, catalog, clock: c.clock, log });
    // Four before the deadline, three before the project end (two fall on the same Friday).
    expect((await planner.reconcile()).added).toHaveLength(7);
    const slack = recordingSender('slack', c.clock);
    const l = loop(store, c, [slack]);

    expect((await l.tickOnce()).claimed).toBe(0);
    c.set('2022-10-06T07:00:00Z');
    const tick = await l.tickOnce();
    expect(tick.outcomes).toEqual([
      { id: 'ch/slack:C1/innovasjon-2023/deadline@2022-10-20T15:00/2022-10-06T09:00', outcome: 'sent' },
    ]);
    expect(slack.sent.map((s) => s.to)).toEqual(['slack:C1']);
    const text = textOf(slack.sent[0]!.message);
    expect(text).toContain('Søknadsfrist – Innovasjonsmidler');
    expect(text).toContain('20. oktober 2022 kl. 15.00 (om 14 dager)');
    expect(text).toContain('[Kan jeg søke?]');

    // A re-plan after delivery adds nothing back, and a later tick posts nothing twice.
    await planner.reconcile();
    expect(await store.listReminderIds()).toHaveLength(6);
    c.advance(3_600_000);
    expect((await l.tickOnce()).claimed).toBe(0);
    expect(slack.sent).toHaveLength(1);
  });

  it('three loops on one store, one dying mid-send: every reminder is posted exactly once after the lease', async () => {
    const c = testClock('2022-10-21T07:00:00Z');
    const store = await kind.make(c.clock);
    const channels = ['slack:C1', 'slack:C2', 'slack:C3', 'slack:C4', 'slack:C5', 'slack:C6'];
    for (const ch of channels) await store.putSubscription(subscription(ch, [PS]));
    await createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log }).reconcile();

    let dyingCalled: () => void = () => {};
    const sendStarted = new Promise<void>((resolve) => {
      dyingCalled = resolve;
    });
    const dying = recordingSender('slack', c.clock, () => {
      dyingCalled();
      return 'hang';
    });
    const b = recordingSender('slack', c.clock);
    const d = recordingSender('slack', c.clock);
    const replicaA = loop(store, c, [dying], 'replica-a');
    // Replica A claims everything due and hangs in its first send, never to return.
    void replicaA.tickOnce();
    await sendStarted;
    const loops = [loop(store, c, [b], 'replica-b'), loop(store, c, [d], 'replica-c')];
    const early = await Promise.all(loops.map((l) => l.tickOnce()));
    expect(early.map((r) => r.claimed)).toEqual([0, 0]);

    c.advance(LEASE + 1);
    await Promise.all(loops.map((l) => l.tickOnce()));
    await Promise.all(loops.map((l) => l.tickOnce()));
    const posted = [...b.sent, ...d.sent].map((s) => s.to).sort();
    expect(posted).toEqual(channels);
    expect(dying.sent).toEqual([]);
    // Nothing of what was due is left; later dates are still queued.
    const left = await store.listReminderIds();
    expect(left.filter((id) => id.endsWith('/2022-10-21T09:00'))).toEqual([]);
    expect(left.filter((id) => id.includes('/deadline@'))).toHaveLength(channels.length * 3);
  });

  it('keeps a burst to one channel within one post per second of the injected clock', async () => {
    const c = testClock('2022-10-21T07:00:00Z');
    const store = await kind.make(c.clock);
    // Ten reminders of different dates, all due at once in one channel.
    const planned = planReminders({
      calls: [call(PS)],
      subscriptions: [subscription('slack:CBURST', [PS], { daysBefore: [30, 20, 14, 10, 7, 5, 3, 2, 1, 0] })],
      applications: [],
      now: new Date('2022-09-01T00:00:00Z'),
    }).slice(0, 10);
    expect(planned).toHaveLength(10);
    await store.enqueueReminders(
      planned.map((r, i) => ({
        ...toQueued(r),
        dueAt: c.clock().toISOString(),
        payload: { ...r.payload, group: `g${i}` },
      })),
    );
    const slack = recordingSender('slack', c.clock);
    const l = loop(store, c, [slack]);
    const first = await l.tickOnce();
    expect(first.outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    expect(first.outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(9);
    for (let i = 0; i < 12; i++) {
      c.advance(250);
      await l.tickOnce();
    }
    for (let i = 0; i < 10; i++) {
      c.advance(1000);
      await l.tickOnce();
    }
    expect(slack.sent).toHaveLength(10);
    const perSecond = new Map<number, number>();
    for (const s of slack.sent)
      perSecond.set(Math.floor(s.at / 1000), (perSecond.get(Math.floor(s.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBe(1);
  });

  it('after downtime sends the newest still-relevant reminder, drops what has passed, and logs it', async () => {
    const c = testClock('2022-10-01T00:00:00Z');
    const store = await kind.make(c.clock);
    await store.putSubscription(subscription('slack:C1', [INNO, PS]));
    await createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log }).reconcile();
    // Down from 1 Oct until 3 Nov 10:00 (after the summer-time change).
    c.set('2022-11-03T09:00:00Z');
    const slack = recordingSender('slack', c.clock);
    const { log, lines } = collectingLog();
    const l = loopOn(store, c, [slack.sender], { leaseMs: LEASE, batch: 50, log });
    const tick = await l.tickOnce();
    const outcome = (o: string) =>
      tick.outcomes.filter((x) => x.outcome === o).map((x) => x.id.split('/').slice(-3).join('/'));
    expect(outcome('sent')).toEqual([
      'pasientsikkerhet-2023-2024/deadline@2022-11-04T23:59/2022-11-02T09:00',
    ]);
    expect(outcome('superseded')).toEqual([
      'pasientsikkerhet-2023-2024/deadline@2022-11-04T23:59/2022-10-21T09:00',
      'pasientsikkerhet-2023-2024/deadline@2022-11-04T23:59/2022-10-28T09:00',
    ]);
    expect(outcome('expired')).toHaveLength(4); // the innovation deadline was 20 Oct
    expect(lines.filter((x) => x.msg.includes('has passed'))).toHaveLength(4);
    // Rendered at send time: the deadline is tomorrow, not "in 2 days" as planned.
    expect(textOf(slack.sent[0]!.message)).toContain('4. november 2022 (i morgen)');
  });

  it('unsubscribes a channel the bot was removed from instead of retrying, and leaves others alone', async () => {
    const c = testClock('2022-10-21T07:00:00Z');
    const store = await kind.make(c.clock);
    await store.putSubscription(subscription('slack:CGONE', [PS]));
    await store.putSubscription(subscription('slack:CSTAY', [PS]));
    await createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log }).reconcile();
    const slack = recordingSender('slack', c.clock, (to) =>
      to === 'slack:CGONE' ? { ok: false, reason: 'gone' } : { ok: true, messageRef: 'm' },
    );
    const tick = await loop(store, c, [slack]).tickOnce();
    expect(tick.outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'unsubscribed']);
    expect(await store.getSubscription('slack:CGONE')).toBeNull();
    expect(await store.getSubscription('slack:CSTAY')).not.toBeNull();
    const left = await store.listReminderIds();
    expect(left.some((id) => id.includes('CGONE'))).toBe(false);
    expect(left.filter((id) => id.includes('CSTAY') && id.includes('/deadline@'))).toHaveLength(3);
  });

  it('honours Retry-After on a 429 and backs off after errors, with the injected clock', async () => {
    const c = testClock('2022-10-21T07:00:00Z');
    const store = await kind.make(c.clock);
    await store.putSubscription(subscription('teams:19:abc', [PS]));
    await createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log }).reconcile();
    const answers = [
      { ok: false as const, reason: 'rate-limited' as const, retryAfterMs: 5_000 },
      { ok: false as const, reason: 'error' as const },
    ];
    const teams = recordingSender('teams', c.clock, (_to, n) => answers[n] ?? { ok: true, messageRef: 'm' });
    const l = loopOn(store, c, [teams.sender], {
      leaseMs: LEASE,
      backoff: { baseMs: 30_000, maxDelayMs: 60_000, totalMs: 3_600_000 },
      // The back-off's jitter pinned to its top: the waits below are exact.
      random: () => 1,
    });
    expect((await l.tickOnce()).outcomes.map((o) => o.outcome)).toEqual(['retry']);
    c.advance(4_999);
    expect((await l.tickOnce()).claimed).toBe(0);
    c.advance(1);
    expect((await l.tickOnce()).outcomes.map((o) => o.outcome)).toEqual(['retry']); // the error
    // Second attempt: base 30 s doubled once.
    c.advance(59_999);
    expect((await l.tickOnce()).claimed).toBe(0);
    c.advance(1);
    expect((await l.tickOnce()).outcomes.map((o) => o.outcome)).toEqual(['sent']);
    expect(teams.sent.map((s) => s.to)).toEqual(['teams:19:abc']);
  });
});
