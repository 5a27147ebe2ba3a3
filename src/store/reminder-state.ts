import type { PeekedReminder, QueuedReminder } from './store.ts';

/**
 * The reminder queue's bookkeeping that both queues share (MemoryReminders and RedisReminders), so
 * what `peekReminders` reports cannot drift between them.
 */

/**
 * A reminder's lease record. On Redis it is JSON in `{reminders}:leases`, written by the Lua scripts
 * (claim, release). It exists from the first claim on; a release keeps it with `owner` '' and `until`
 * 0, so the attempt count survives until the item is acknowledged or removed.
 */
export interface LeaseRecord {
  owner: string;
  /** Lease end (ms); 0 once released. */
  until: number;
  attempts: number;
}

/** A queued item with its delivery state; `score` is its due-index score (ms): due, retry or lease end. */
export function peekedReminder(
  item: QueuedReminder,
  score: number,
  lease: LeaseRecord | null,
): PeekedReminder {
  return {
    ...item,
    nextAttemptAt: new Date(score).toISOString(),
    attempts: lease?.attempts ?? 0,
    lease:
      lease !== null && lease.owner !== ''
        ? { owner: lease.owner, until: new Date(lease.until).toISOString() }
        : null,
  };
}

/** By due time, then by id: the order `peekReminders` answers in. */
export function byDueAt(a: QueuedReminder, b: QueuedReminder): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
