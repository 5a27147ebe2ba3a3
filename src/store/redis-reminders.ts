import type { KeySchema } from './keys.ts';
import { parseTime } from './records.ts';
import type { RedisExec } from './redis-exec.ts';
import { byDueAt, type LeaseRecord, peekedReminder } from './reminder-state.ts';
import type { ClaimedReminder, PeekedReminder, QueuedReminder, ReminderQueuePeek } from './store.ts';

/** An item of `{reminders}:items`: the JSON `enqueue` writes. Throws on text that is not JSON. */
function decodeItem(text: string): QueuedReminder {
  return JSON.parse(text) as QueuedReminder;
}

/** For looking only: a missing or unreadable item is null (a claim that reaches a missing one drops it). */
function readableItem(text: string | undefined): QueuedReminder | null {
  if (text === undefined) return null;
  try {
    const item = decodeItem(text);
    return typeof item?.dueAt === 'string' ? item : null;
  } catch {
    return null;
  }
}

/** A lease of `{reminders}:leases`, as the Lua scripts write it; null when absent or not a lease. */
function decodeLease(text: string | undefined): LeaseRecord | null {
  if (text === undefined) return null;
  try {
    const l = JSON.parse(text) as Partial<LeaseRecord>;
    return typeof l.owner === 'string' && typeof l.until === 'number' && typeof l.attempts === 'number'
      ? { owner: l.owner, until: l.until, attempts: l.attempts }
      : null;
  } catch {
    return null;
  }
}

/**
 * The reminder queue on Redis: four keys under one hash tag ({reminders}), so every operation is one
 * atomic Lua script (or, to look, one MULTI), also on Cluster. Scores are due times, retry times after
 * a release, or lease expiry while an item is claimed.
 */
export class RedisReminders {
  constructor(
    private readonly exec: RedisExec,
    private readonly keys: KeySchema,
    private readonly deliveredRetentionMs: number,
  ) {}

  private get q() {
    const k = this.keys;
    return [k.reminderDue(), k.reminderItems(), k.reminderLeases()] as const;
  }

  async enqueue(items: QueuedReminder[]): Promise<void> {
    if (items.length === 0) return;
    const args = items.flatMap((i) => [i.id, parseTime(i.dueAt, 'dueAt'), JSON.stringify(i)]);
    await this.exec.run('enqueueReminders', (c) =>
      c.mbEnqueueReminders(...this.q, this.keys.reminderDelivered(), ...args),
    );
  }

  async replace(prefix: string, items: QueuedReminder[], now: Date): Promise<void> {
    const args = items.flatMap((i) => [i.id, parseTime(i.dueAt, 'dueAt'), JSON.stringify(i)]);
    await this.exec.run('replaceReminders', (c) =>
      c.mbReplaceReminders(...this.q, this.keys.reminderDelivered(), prefix, now.getTime(), ...args),
    );
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.exec.run('removeReminders', (c) => c.mbRemoveReminders(...this.q, ...ids));
  }

  async listIds(): Promise<string[]> {
    return this.exec.run('listReminderIds', (c) => c.zrange(this.keys.reminderDue(), 0, '-1'));
  }

  async claim(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]> {
    if (limit <= 0) return [];
    const flat = await this.exec.run('claimDueReminders', (c) =>
      c.mbClaimReminders(...this.q, now.getTime(), owner, leaseMs, limit),
    );
    const out: ClaimedReminder[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const item = decodeItem(flat[i] ?? '{}');
      out.push({
        ...item,
        leaseUntil: new Date(Number(flat[i + 1])).toISOString(),
        attempts: Number(flat[i + 2]),
      });
    }
    return out;
  }

  async ack(id: string, owner: string): Promise<boolean> {
    const n = await this.exec.run('ackReminder', (c) =>
      c.mbAckReminder(...this.q, this.keys.reminderDelivered(), id, owner, this.deliveredRetentionMs),
    );
    return n === 1;
  }

  async release(id: string, owner: string, retryAt: Date): Promise<void> {
    await this.exec.run('releaseReminder', (c) =>
      c.mbReleaseReminder(...this.q, id, owner, retryAt.getTime()),
    );
  }

  /**
   * The due index, the items and the leases in one MULTI: the three keys share the `{reminders}` hash
   * tag, so this is one atomic snapshot on a single server, Sentinel and Cluster alike. Read-only.
   */
  async peek(): Promise<ReminderQueuePeek> {
    const [due, items, leases] = await this.exec.run('peekReminders', async (c) => {
      const replies = await c
        .multi()
        .zrange(this.keys.reminderDue(), 0, '-1', 'WITHSCORES')
        .hgetall(this.keys.reminderItems())
        .hgetall(this.keys.reminderLeases())
        .exec();
      if (!replies) throw new Error('the read transaction was aborted');
      for (const [err] of replies) if (err) throw err;
      return replies.map(([, value]) => value) as [string[], Record<string, string>, Record<string, string>];
    });
    const reminders: PeekedReminder[] = [];
    let dangling = 0;
    for (let i = 0; i + 1 < due.length; i += 2) {
      const id = due[i] ?? '';
      const item = readableItem(items[id]);
      if (item) reminders.push(peekedReminder(item, Number(due[i + 1]), decodeLease(leases[id])));
      else dangling += 1;
    }
    return { reminders: reminders.sort(byDueAt), dangling };
  }

  async wasDelivered(id: string): Promise<boolean> {
    const score = await this.exec.run('wasDelivered', (c) => c.zscore(this.keys.reminderDelivered(), id));
    return score !== null;
  }
}
