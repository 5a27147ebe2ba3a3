import type { Application, AuditEntry, Person, Platform } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import { MidlerError } from '../domain/errors.ts';
import { MemoryAudit } from './memory-audit.ts';
import { dropExpired, type Expiring, live, MemoryRates } from './memory-expiring.ts';
import { MemoryMarks } from './memory-marks.ts';
import { MemoryReminders } from './memory-reminders.ts';
import {
  byCreated,
  checkNext,
  createdMs,
  isApplicant,
  isWaitingOn,
  type PersonRef,
  personTag,
} from './records.ts';
import type {
  CasResult,
  ClaimedReminder,
  ConversationRef,
  DeleteSummary,
  DialogState,
  QueuedReminder,
  ReminderQueuePeek,
  Store,
  Subscription,
  TurnClaim,
  TurnReplay,
  UserProfile,
} from './store.ts';

export interface MemoryStoreOptions {
  /** Drives TTLs and delivered-id retention; tests pass a clock they can move. */
  clock?: Clock;
  deliveredRetentionMs?: number;
}

const SWEEP_EVERY_MS = 60_000;

/** Values are kept as JSON text, as in Redis: callers never share objects with the store. */
const read = <T>(text: string | undefined): T | null => (text === undefined ? null : (JSON.parse(text) as T));

/**
 * The Store in process: the embedded default for trying the bot without Redis, and the fast double in
 * unit tests. Same contract as RedisStore (test/contract/store.contract.ts). Not shared across replicas.
 */
export class MemoryStore implements Store {
  private readonly clock: Clock;
  private readonly dialogs = new Map<string, Expiring>();
  private readonly dialogOwners = new Map<string, Set<string>>();
  private readonly users = new Map<string, string>();
  private readonly apps = new Map<string, string>();
  private readonly audits = new MemoryAudit();
  private readonly refs = new Map<string, string>();
  private readonly personalRefs = new Map<string, string>();
  private readonly subs = new Map<string, string>();
  private readonly marks = new MemoryMarks();
  private readonly rates = new MemoryRates();
  private readonly reminders: MemoryReminders;
  private lastSweep = 0;
  private down = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.reminders = new MemoryReminders(this.clock, options.deliveredRetentionMs ?? 120 * 86_400_000);
  }

  /** Entries held for conversations (dialogs, delivery and turn marks, replays, rate windows): what the bench watches. */
  entryCount(): number {
    return this.dialogs.size + this.marks.size + this.rates.size + this.dialogOwners.size;
  }

  /** Makes every call fail with store.unavailable, as RedisStore does while Redis is away (for tests). */
  simulateOutage(down: boolean): void {
    this.down = down;
  }

  private async op<T>(name: string, fn: () => T): Promise<T> {
    if (this.down) throw new MidlerError('store.unavailable', `memory ${name}: simulated outage`);
    this.sweep();
    return fn();
  }

  /**
   * Expired entries are dropped on read, but a conversation that never comes back is never read: at
   * most once a minute of the store's clock, everything past its TTL goes, so memory stays bounded by
   * what is live, as in Redis.
   */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.marks.sweep(now);
    dropExpired(this.dialogs, now);
    this.rates.sweep(now);
    for (const [tag, keys] of this.dialogOwners) {
      for (const key of keys) if (!this.dialogs.has(key)) keys.delete(key);
      if (keys.size === 0) this.dialogOwners.delete(tag);
    }
  }

  private now(): number {
    return this.clock().getTime();
  }

  getDialog(key: string): Promise<DialogState | null> {
    return this.op('getDialog', () => read<DialogState>(live(this.dialogs, key, this.now())));
  }

  putDialog(key: string, state: DialogState, ttlSeconds: number, owner?: PersonRef): Promise<void> {
    return this.op('putDialog', () => {
      this.dialogs.set(key, { value: JSON.stringify(state), expiresAt: this.now() + ttlSeconds * 1000 });
      if (owner) {
        const tag = personTag(owner);
        this.dialogOwners.set(tag, (this.dialogOwners.get(tag) ?? new Set()).add(key));
      }
    });
  }

  deleteDialog(key: string): Promise<void> {
    return this.op('deleteDialog', () => void this.dialogs.delete(key));
  }

  getUser(platform: Platform, userId: string): Promise<UserProfile | null> {
    return this.op('getUser', () => read<UserProfile>(this.users.get(personTag({ platform, userId }))));
  }

  putUser(profile: UserProfile): Promise<void> {
    return this.op('putUser', () => void this.users.set(personTag(profile), JSON.stringify(profile)));
  }

  createApplication(app: Application, audit: AuditEntry): Promise<Application> {
    return this.op('createApplication', () => {
      if (this.apps.has(app.id))
        throw new MidlerError('store.conflict', `application ${app.id} already exists`);
      const value: Application = { ...app, version: 1 };
      this.apps.set(app.id, JSON.stringify(value));
      this.audits.append(app.id, audit, this.now());
      return read<Application>(JSON.stringify(value)) as Application;
    });
  }

  getApplication(id: string): Promise<Application | null> {
    return this.op('getApplication', () => read<Application>(this.apps.get(id)));
  }

  updateApplication(
    id: string,
    expectedVersion: number,
    next: Application,
    audit: AuditEntry,
  ): Promise<CasResult<Application>> {
    return this.op('updateApplication', (): CasResult<Application> => {
      checkNext(id, next);
      const current = read<Application>(this.apps.get(id));
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', current };
      const text = JSON.stringify({ ...next, version: expectedVersion + 1 });
      this.apps.set(id, text);
      this.audits.append(id, audit, this.now());
      return { ok: true, value: read<Application>(text) as Application };
    });
  }

  private allApps(): Application[] {
    return [...this.apps.values()].map((t) => JSON.parse(t) as Application);
  }

  /** The user's own applications, newest first; ties by id, descending, as Redis's ZREVRANGE has them. */
  private appsOfUser(platform: Platform, userId: string): Application[] {
    return this.allApps()
      .filter((a) => isApplicant(a, platform, userId))
      .sort((a, b) => createdMs(b) - createdMs(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  listApplicationsByUser(platform: Platform, userId: string): Promise<Application[]> {
    return this.op('listApplicationsByUser', () => this.appsOfUser(platform, userId));
  }

  applicationIdsOfUser(platform: Platform, userId: string): Promise<string[]> {
    return this.op('applicationIdsOfUser', () => this.appsOfUser(platform, userId).map((a) => a.id));
  }

  getApplications(ids: readonly string[]): Promise<Application[]> {
    return this.op('getApplications', () =>
      ids.flatMap((id) => {
        const app = read<Application>(this.apps.get(id));
        return app ? [app] : [];
      }),
    );
  }

  listApplicationsByCall(callId: string): Promise<Application[]> {
    return this.op('listApplicationsByCall', () =>
      this.allApps()
        .filter((a) => a.callId === callId)
        .sort(byCreated),
    );
  }

  listApplicationsWaitingOn(person: Pick<Person, 'platform' | 'userId'>): Promise<Application[]> {
    return this.op('listApplicationsWaitingOn', () =>
      this.allApps()
        .filter((a) => isWaitingOn(a, person))
        .sort(byCreated),
    );
  }

  readAudit(id: string): Promise<AuditEntry[]> {
    return this.op('readAudit', () => this.audits.read(id));
  }

  putConversationRef(ref: ConversationRef): Promise<void> {
    return this.op('putConversationRef', () => {
      this.refs.set(ref.key, JSON.stringify(ref));
      if (ref.kind === 'personal' && ref.userId) {
        this.personalRefs.set(personTag({ platform: ref.platform, userId: ref.userId }), JSON.stringify(ref));
      }
    });
  }

  getConversationRef(key: string): Promise<ConversationRef | null> {
    return this.op('getConversationRef', () => read<ConversationRef>(this.refs.get(key)));
  }

  getPersonalRef(platform: Platform, userId: string): Promise<ConversationRef | null> {
    return this.op('getPersonalRef', () =>
      read<ConversationRef>(this.personalRefs.get(personTag({ platform, userId }))),
    );
  }

  deleteConversationRef(key: string): Promise<void> {
    return this.op('deleteConversationRef', () => {
      const ref = read<ConversationRef>(this.refs.get(key));
      this.refs.delete(key);
      if (ref?.kind === 'personal' && ref.userId) {
        const tag = personTag({ platform: ref.platform, userId: ref.userId });
        if (read<ConversationRef>(this.personalRefs.get(tag))?.key === key) this.personalRefs.delete(tag);
      }
    });
  }

  putSubscription(sub: Subscription): Promise<void> {
    return this.op('putSubscription', () => void this.subs.set(sub.conversationKey, JSON.stringify(sub)));
  }

  getSubscription(conversationKey: string): Promise<Subscription | null> {
    return this.op('getSubscription', () => read<Subscription>(this.subs.get(conversationKey)));
  }

  listSubscriptions(): Promise<Subscription[]> {
    return this.op('listSubscriptions', () =>
      [...this.subs.values()]
        .map((s) => JSON.parse(s) as Subscription)
        .sort((a, b) => a.conversationKey.localeCompare(b.conversationKey)),
    );
  }

  deleteSubscription(conversationKey: string): Promise<void> {
    return this.op('deleteSubscription', () => void this.subs.delete(conversationKey));
  }

  enqueueReminders(items: QueuedReminder[]): Promise<void> {
    return this.op('enqueueReminders', () => this.reminders.enqueue(items));
  }
  removeReminders(ids: string[]): Promise<void> {
    return this.op('removeReminders', () => this.reminders.remove(ids));
  }
  replaceReminders(prefix: string, items: QueuedReminder[], now: Date): Promise<void> {
    return this.op('replaceReminders', () => {
      const queued = this.reminders.listIds().filter((id) => id.startsWith(prefix));
      const wanted = new Set(items.map((i) => i.id));
      this.reminders.remove(queued.filter((id) => !wanted.has(id)));
      this.reminders.enqueue(
        items.filter((i) => !queued.includes(i.id) || Date.parse(i.dueAt) > now.getTime()),
      );
    });
  }

  listReminderIds(): Promise<string[]> {
    return this.op('listReminderIds', () => this.reminders.listIds());
  }
  claimDueReminders(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]> {
    return this.op('claimDueReminders', () => this.reminders.claim(now, owner, leaseMs, limit));
  }
  ackReminder(id: string, owner: string): Promise<boolean> {
    return this.op('ackReminder', () => this.reminders.ack(id, owner));
  }
  releaseReminder(id: string, owner: string, retryAt: Date): Promise<void> {
    return this.op('releaseReminder', () => this.reminders.release(id, owner, retryAt));
  }
  wasDelivered(id: string): Promise<boolean> {
    return this.op('wasDelivered', () => this.reminders.wasDelivered(id));
  }
  peekReminders(): Promise<ReminderQueuePeek> {
    return this.op('peekReminders', () => this.reminders.peek());
  }

  claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    return this.op('claimOnce', () => this.marks.claimOnce(key, ttlSeconds, this.now()));
  }

  releaseOnce(key: string): Promise<void> {
    return this.op('releaseOnce', () => this.marks.releaseOnce(key));
  }

  isClaimed(key: string): Promise<boolean> {
    return this.op('isClaimed', () => this.marks.isClaimed(key, this.now()));
  }

  claimTurn(key: string, token: string, leaseMs: number): Promise<TurnClaim> {
    return this.op('claimTurn', () => this.marks.claimTurn(key, token, leaseMs, this.now()));
  }

  renewTurn(key: string, token: string, leaseMs: number): Promise<boolean> {
    return this.op('renewTurn', () => this.marks.renewTurn(key, token, leaseMs, this.now()));
  }

  keepTurnReplay(key: string, replay: TurnReplay, ttlSeconds: number): Promise<void> {
    return this.op('keepTurnReplay', () => this.marks.keepTurnReplay(key, replay, ttlSeconds, this.now()));
  }

  finishTurn(key: string, token: string, outcome: 'done' | 'retry', ttlSeconds: number): Promise<void> {
    return this.op('finishTurn', () => this.marks.finishTurn(key, token, outcome, ttlSeconds, this.now()));
  }

  tryRate(key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
    return this.op('tryRate', () => this.rates.tryRate(key, limit, windowMs, now, this.now()));
  }

  deleteUserData(platform: Platform, userId: string): Promise<DeleteSummary> {
    return this.op('deleteUserData', () => {
      const tag = personTag({ platform, userId });
      let applications = 0;
      for (const app of this.allApps()) {
        if (!isApplicant(app, platform, userId)) continue;
        this.apps.delete(app.id);
        this.audits.delete(app.id);
        applications += 1;
      }
      let dialogs = 0;
      for (const key of this.dialogOwners.get(tag) ?? []) {
        if (live(this.dialogs, key, this.now()) !== undefined) dialogs += 1;
        this.dialogs.delete(key);
      }
      this.dialogOwners.delete(tag);
      let references = 0;
      const personal = read<ConversationRef>(this.personalRefs.get(tag));
      if (personal && this.refs.delete(personal.key)) references += 1;
      this.personalRefs.delete(tag);
      const auditEntriesAnonymised = this.audits.anonymise(tag);
      const profile = this.users.delete(tag);
      return { applications, dialogs, references, auditEntriesAnonymised, profile };
    });
  }

  ping(): Promise<void> {
    return this.op('ping', () => undefined);
  }

  async close(): Promise<void> {}
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  return new MemoryStore(options);
}
