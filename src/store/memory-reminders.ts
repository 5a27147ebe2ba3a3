import type { Clock } from '../domain/clock.ts';
import { parseTime } from './records.ts';
import { byDueAt, type LeaseRecord, peekedReminder } from './reminder-state.ts';
import type { ClaimedReminder, PeekedReminder, QueuedReminder, ReminderQueuePeek } from './store.ts';

/** The reminder queue in process, step for step the Lua scripts of the Redis queue. */
export class MemoryReminders {
  private readonly due = new Map<string, number>();
  private readonly items = new Map<string, string>();
  private readonly leases = new Map<string, LeaseRecord>();
  private readonly delivered = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly deliveredRetentionMs: number,
  ) {}

  enqueue(items: QueuedReminder[]): void {
    for (const item of items) {
      if (this.delivered.has(item.id)) continue;
      let score = parseTime(item.dueAt, 'dueAt');
      const lease = this.leases.get(item.id);
      if (lease && lease.owner !== '' && lease.until > score) score = lease.until;
      this.items.set(item.id, JSON.stringify(item));
      this.due.set(item.id, score);
    }
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      this.items.delete(id);
      this.due.delete(id);
      this.leases.delete(id);
    }
  }

  /** Ordered like a Redis sorted set: by score, then by id. */
  listIds(): string[] {
    return [...this.due.entries()]
      .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id]) => id);
  }

  claim(now: Date, owner: string, leaseMs: number, limit: number): ClaimedReminder[] {
    if (limit <= 0) return [];
    const nowMs = now.getTime();
    const until = nowMs + leaseMs;
    const ids = this.listIds()
      .filter((id) => (this.due.get(id) ?? Number.POSITIVE_INFINITY) <= nowMs)
      .slice(0, limit);
    const out: ClaimedReminder[] = [];
    for (const id of ids) {
      const text = this.items.get(id);
      if (text === undefined) {
        this.due.delete(id);
        this.leases.delete(id);
        continue;
      }
      const attempts = (this.leases.get(id)?.attempts ?? 0) + 1;
      this.leases.set(id, { owner, until, attempts });
      this.due.set(id, until);
      out.push({
        ...(JSON.parse(text) as QueuedReminder),
        leaseUntil: new Date(until).toISOString(),
        attempts,
      });
    }
    return out;
  }

  ack(id: string, owner: string): boolean {
    if (this.leases.get(id)?.owner !== owner) return false;
    const now = this.clock().getTime();
    this.remove([id]);
    this.delivered.set(id, now);
    for (const [d, at] of this.delivered) if (at <= now - this.deliveredRetentionMs) this.delivered.delete(d);
    return true;
  }

  release(id: string, owner: string, retryAt: Date): void {
    const lease = this.leases.get(id);
    if (!lease || !this.items.has(id) || lease.owner !== owner) return;
    this.leases.set(id, { owner: '', until: 0, attempts: lease.attempts });
    this.due.set(id, retryAt.getTime());
  }

  wasDelivered(id: string): boolean {
    return this.delivered.has(id);
  }

  /** The whole queue with its delivery state; changes nothing. */
  peek(): ReminderQueuePeek {
    const reminders: PeekedReminder[] = [];
    let dangling = 0;
    for (const [id, score] of this.due) {
      const text = this.items.get(id);
      if (text === undefined) dangling += 1;
      else
        reminders.push(
          peekedReminder(JSON.parse(text) as QueuedReminder, score, this.leases.get(id) ?? null),
        );
    }
    return { reminders: reminders.sort(byDueAt), dangling };
  }
}
