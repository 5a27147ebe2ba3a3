import type { KeySchema } from './keys.ts';
import { parseTime } from './records.ts';
import type { RedisExec } from './redis-exec.ts';
import type { ClaimedReminder, QueuedReminder } from './store.ts';

/**
 * The reminder queue on Redis: four keys under one hash tag ({reminders}), so every operation is one
 * atomic Lua script, also on Cluster. Scores are due times, or lease expiry while an item is claimed.
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
      const item = JSON.parse(flat[i] ?? '{}') as QueuedReminder;
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

  async wasDelivered(id: string): Promise<boolean> {
    const score = await this.exec.run('wasDelivered', (c) => c.zscore(this.keys.reminderDelivered(), id));
    return score !== null;
  }
}
