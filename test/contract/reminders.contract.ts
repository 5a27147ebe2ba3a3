import { describe, expect, it } from 'vitest';
import type { PeekedReminder, QueuedReminder } from '../../src/store/store.ts';
import { type StoreFactory, useHarness } from './harness.ts';

const T0 = Date.parse('2022-10-06T07:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function reminder(id: string, dueMinutes: number): QueuedReminder {
  return {
    id,
    dueAt: at(dueMinutes).toISOString(),
    expiresAt: at(60 * 24 * 14).toISOString(),
    targetKey: 'slack:C1',
    payload: { callId: 'innovasjon-2022', milestone: 'deadline', daysBefore: 14 },
  };
}

/** What peekReminders shows of an item: as enqueued, with its delivery state (default: never claimed). */
function peeked(item: QueuedReminder, state: Partial<PeekedReminder> = {}): PeekedReminder {
  return { ...item, nextAttemptAt: item.dueAt, attempts: 0, lease: null, ...state };
}

export function reminderContract(make: StoreFactory): void {
  const h = useHarness(make);

  describe('reminder queue', () => {
    it('queues idempotently by id and claims only what is due', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0), reminder('r2', 10), reminder('r1', 0)]);
      expect((await store.listReminderIds()).sort()).toEqual(['r1', 'r2']);
      const claimed = await store.claimDueReminders(at(5), 'w1', 60_000, 10);
      expect(claimed).toEqual([{ ...reminder('r1', 0), leaseUntil: at(6).toISOString(), attempts: 1 }]);
    });

    it('holds a claimed item under lease until it runs out, then lets another owner take it', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0)]);
      expect(await store.claimDueReminders(at(0), 'w1', 60_000, 10)).toHaveLength(1);
      expect(await store.claimDueReminders(at(0.5), 'w2', 60_000, 10)).toEqual([]);
      // Re-planning while leased must not free the item early.
      await store.enqueueReminders([reminder('r1', 0)]);
      expect(await store.claimDueReminders(at(0.5), 'w2', 60_000, 10)).toEqual([]);
      const retaken = await store.claimDueReminders(at(2), 'w2', 60_000, 10);
      expect(retaken.map((r) => [r.id, r.attempts])).toEqual([['r1', 2]]);
      expect(await store.ackReminder('r1', 'w1')).toBe(false);
      expect(await store.wasDelivered('r1')).toBe(false);
      expect(await store.ackReminder('r1', 'w2')).toBe(true);
      expect(await store.wasDelivered('r1')).toBe(true);
      expect(await store.listReminderIds()).toEqual([]);
      await store.enqueueReminders([reminder('r1', 0)]);
      expect(await store.listReminderIds()).toEqual([]);
    });

    it('releases an item for a later attempt, keeping its attempt count', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0)]);
      await store.claimDueReminders(at(0), 'w1', 60_000, 10);
      await store.releaseReminder('r1', 'w2', at(1));
      await store.releaseReminder('r1', 'w1', at(30));
      expect(await store.claimDueReminders(at(29), 'w2', 60_000, 10)).toEqual([]);
      const again = await store.claimDueReminders(at(30), 'w2', 60_000, 10);
      expect(again.map((r) => r.attempts)).toEqual([2]);
      expect(await store.ackReminder('r1', 'w1')).toBe(false);
    });

    it('claims at most the limit, earliest first, and forgets removed items', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('c', 3), reminder('a', 1), reminder('b', 2), reminder('d', 4)]);
      await store.removeReminders(['d', 'unknown']);
      const first = await store.claimDueReminders(at(10), 'w1', 60_000, 2);
      expect(first.map((r) => r.id)).toEqual(['a', 'b']);
      expect((await store.claimDueReminders(at(10), 'w1', 60_000, 5)).map((r) => r.id)).toEqual(['c']);
      expect((await store.listReminderIds()).sort()).toEqual(['a', 'b', 'c']);
    });

    it("replaces one owner's reminders by prefix: gone from the plan removed, new and coming ones queued, others untouched", async () => {
      const { store } = h();
      await store.enqueueReminders([
        reminder('ch/A/old', 0),
        reminder('ch/A/kept-past', 0),
        reminder('ch/A/kept-future', 30),
        reminder('ch/B/other', 0),
        reminder('ch/A/sent', 0),
      ]);
      const [sent] = await store
        .claimDueReminders(at(0), 'w1', 60_000, 10)
        .then((c) => c.filter((r) => r.id === 'ch/A/sent'));
      expect(sent).toBeDefined();
      await store.ackReminder('ch/A/sent', 'w1');
      for (const id of ['ch/A/old', 'ch/A/kept-past', 'ch/A/kept-future', 'ch/B/other'])
        await store.releaseReminder(id, 'w1', at(0));
      const moved = { ...reminder('ch/A/kept-future', 45), payload: { changed: true } };
      const pastChanged = { ...reminder('ch/A/kept-past', 0), payload: { changed: true } };
      await store.replaceReminders(
        'ch/A/',
        [pastChanged, moved, reminder('ch/A/new', 20), reminder('ch/A/sent', 20)],
        at(10),
      );
      const queue = (await store.peekReminders()).reminders;
      expect(queue.map((r) => r.id).sort()).toEqual([
        'ch/A/kept-future',
        'ch/A/kept-past',
        'ch/A/new',
        'ch/B/other',
      ]);
      // Still to come: replaced by the new plan; already due: left as it was (its attempts, its payload).
      expect(queue.find((r) => r.id === 'ch/A/kept-future')).toMatchObject({
        dueAt: at(45).toISOString(),
        payload: { changed: true },
      });
      expect(queue.find((r) => r.id === 'ch/A/kept-past')?.payload).toEqual(
        reminder('ch/A/kept-past', 0).payload,
      );
      // An empty plan removes the owner's reminders only.
      await store.replaceReminders('ch/A/', [], at(10));
      expect((await store.listReminderIds()).sort()).toEqual(['ch/B/other']);
    });

    it('gives each due item to exactly one of three racing claimers', async () => {
      const { store } = h();
      const ids = Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`);
      await store.enqueueReminders(ids.map((id, i) => reminder(id, i % 5)));
      const rounds = await Promise.all(
        ['w1', 'w2', 'w3'].flatMap((owner) =>
          [0, 1, 2, 3].map(() => store.claimDueReminders(at(10), owner, 60_000, 4)),
        ),
      );
      const claimed = rounds.flat().map((r) => r.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      const rest = await store.claimDueReminders(at(10), 'w4', 60_000, 100);
      expect([...claimed, ...rest.map((r) => r.id)].sort()).toEqual(ids);
    });
  });

  describe('looking at the reminder queue (peekReminders)', () => {
    it('shows an empty queue as empty', async () => {
      const { store } = h();
      expect(await store.peekReminders()).toEqual({ reminders: [], dangling: 0 });
    });

    it('shows every queued item as enqueued, by due time then id, none claimed yet', async () => {
      const { store } = h();
      const items = [reminder('c', 3), reminder('b2', 1), reminder('a', 2), reminder('b1', 1)];
      items[0] = {
        ...reminder('c', 3),
        targetKey: 'user:teams:29:kari',
        payload: { kind: 'applicant-nudge' },
      };
      await store.enqueueReminders(items);
      const [c, b2, a, b1] = items as [QueuedReminder, QueuedReminder, QueuedReminder, QueuedReminder];
      expect(await store.peekReminders()).toEqual({
        reminders: [peeked(b1), peeked(b2), peeked(a), peeked(c)],
        dangling: 0,
      });
      // Re-planned content replaces the old, still in due order.
      await store.enqueueReminders([{ ...reminder('a', 0), payload: { milestone: 'moved' } }]);
      const after = await store.peekReminders();
      expect(after.reminders.map((r) => r.id)).toEqual(['a', 'b1', 'b2', 'c']);
      expect(after.reminders[0]).toEqual(peeked({ ...reminder('a', 0), payload: { milestone: 'moved' } }));
    });

    it('shows a claimed item with its lease owner, lease end and attempts, also once the lease ran out', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0), reminder('r2', 10)]);
      await store.claimDueReminders(at(5), 'w1', 60_000, 10);
      const leased = peeked(reminder('r1', 0), {
        nextAttemptAt: at(6).toISOString(),
        attempts: 1,
        lease: { owner: 'w1', until: at(6).toISOString() },
      });
      expect(await store.peekReminders()).toEqual({
        reminders: [leased, peeked(reminder('r2', 10))],
        dangling: 0,
      });
      // Re-planning while leased keeps the lease.
      await store.enqueueReminders([reminder('r1', 0)]);
      expect((await store.peekReminders()).reminders[0]).toEqual(leased);
      // Taken over after the lease ran out: the new owner, one more attempt.
      await store.claimDueReminders(at(7), 'w2', 60_000, 1);
      expect((await store.peekReminders()).reminders[0]).toEqual(
        peeked(reminder('r1', 0), {
          nextAttemptAt: at(8).toISOString(),
          attempts: 2,
          lease: { owner: 'w2', until: at(8).toISOString() },
        }),
      );
    });

    it('shows a released item as waiting for its retry, with its attempts so far', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0)]);
      await store.claimDueReminders(at(0), 'w1', 60_000, 10);
      await store.releaseReminder('r1', 'w1', at(30));
      expect(await store.peekReminders()).toEqual({
        reminders: [peeked(reminder('r1', 0), { nextAttemptAt: at(30).toISOString(), attempts: 1 })],
        dangling: 0,
      });
    });

    it('no longer shows an acknowledged or removed item', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0), reminder('r2', 1), reminder('r3', 2)]);
      await store.claimDueReminders(at(0), 'w1', 60_000, 1);
      expect(await store.ackReminder('r1', 'w1')).toBe(true);
      await store.removeReminders(['r3']);
      expect(await store.peekReminders()).toEqual({ reminders: [peeked(reminder('r2', 1))], dangling: 0 });
      // A delivered id is not queued again, so it is not shown again either.
      await store.enqueueReminders([reminder('r1', 0)]);
      expect((await store.peekReminders()).reminders.map((r) => r.id)).toEqual(['r2']);
    });

    it('changes nothing: claims, leases and attempts are as they would be without it', async () => {
      const { store } = h();
      await store.enqueueReminders([reminder('r1', 0), reminder('r2', 0), reminder('r3', 20)]);
      await store.claimDueReminders(at(0), 'w1', 60_000, 1);
      const ids = await store.listReminderIds();
      const first = await store.peekReminders();
      expect(await store.peekReminders()).toEqual(first);
      expect(await store.listReminderIds()).toEqual(ids);
      // r1 is still leased to w1 (only w1 may ack it); r2 is still free and due; r3 is not due yet.
      expect(
        (await store.claimDueReminders(at(0.5), 'w2', 60_000, 10)).map((r) => [r.id, r.attempts]),
      ).toEqual([['r2', 1]]);
      expect(await store.ackReminder('r1', 'w1')).toBe(true);
      expect(await store.wasDelivered('r2')).toBe(false);
    });
  });
}
