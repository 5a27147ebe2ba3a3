import type { ChainableCommander } from 'ioredis';
import type { Application, AuditEntry, Person, Platform } from '../domain/application.ts';
import { MidlerError } from '../domain/errors.ts';
import { createKeys, DEFAULT_PREFIX, type KeySchema } from './keys.ts';
import {
  actingPerson,
  actorTag,
  byCreated,
  checkNext,
  createdMs,
  isApplicant,
  isWaitingOn,
  type PersonRef,
  waitingOn,
} from './records.ts';
import { createRedisClient, type RedisConnectionOptions } from './redis-connection.ts';
import { json, RedisExec, type Step, step } from './redis-exec.ts';
import { deleteUserDataInRedis } from './redis-privacy.ts';
import { RedisReminders } from './redis-reminders.ts';
import { defineScripts } from './redis-scripts.ts';
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

export interface RedisStoreOptions extends RedisConnectionOptions {
  /** Key prefix (default `midlerbot:`); must not contain `{` or `}`. */
  prefix?: string;
  /** How long a call waits for a connection being (re)established before failing (ms, default 500). */
  readyWaitMs?: number;
  /** How long delivered reminder ids are remembered (ms, default 120 days). */
  deliveredRetentionMs?: number;
}

/** The production Store on Redis (single server, Sentinel or Cluster). Key schema: docs/redis.md. */
export class RedisStore implements Store {
  readonly keys: KeySchema;
  private readonly exec: RedisExec;
  private readonly reminders: RedisReminders;

  constructor(options: RedisStoreOptions) {
    const prefix = options.prefix ?? DEFAULT_PREFIX;
    if (/[{}]/.test(prefix)) throw new MidlerError('config.invalid', 'REDIS_PREFIX must not contain { or }');
    this.keys = createKeys(prefix);
    const client = createRedisClient(options);
    defineScripts(client);
    this.exec = new RedisExec(client, options.readyWaitMs ?? 500);
    this.reminders = new RedisReminders(
      this.exec,
      this.keys,
      options.deliveredRetentionMs ?? 120 * 86_400_000,
    );
  }

  async getDialog(key: string): Promise<DialogState | null> {
    return json<DialogState>(await this.exec.run('getDialog', (c) => c.get(this.keys.dialog(key))));
  }

  async putDialog(key: string, state: DialogState, ttlSeconds: number, owner?: PersonRef): Promise<void> {
    const k = this.keys.dialog(key);
    const steps = [step(k, (p) => p.set(k, JSON.stringify(state), 'EX', ttlSeconds))];
    if (owner) {
      const idx = this.keys.userDialogs(owner.platform, owner.userId);
      // NX then GT: the index lives as long as the longest-lived dialog in it.
      steps.push(
        step(idx, (p) => p.sadd(idx, key).expire(idx, ttlSeconds, 'NX').expire(idx, ttlSeconds, 'GT')),
      );
    }
    await this.exec.batch('putDialog', steps);
  }

  async deleteDialog(key: string): Promise<void> {
    await this.exec.run('deleteDialog', (c) => c.del(this.keys.dialog(key)));
  }

  async getUser(platform: Platform, userId: string): Promise<UserProfile | null> {
    return json<UserProfile>(
      await this.exec.run('getUser', (c) => c.get(this.keys.userProfile(platform, userId))),
    );
  }

  async putUser(profile: UserProfile): Promise<void> {
    const k = this.keys.userProfile(profile.platform, profile.userId);
    await this.exec.run('putUser', (c) => c.set(k, JSON.stringify(profile)));
  }

  /**
   * Index entries are written before (single server: in the same ordered pipeline) the application
   * itself, so an application is never missing from an index; a failed or refused write can only leave
   * an extra entry, which every listing filters out.
   */
  private indexSteps(app: Application, actor: AuditEntry['actor'], created: boolean): Step[] {
    const k = this.keys;
    const steps: Step[] = [];
    if (created) {
      const user = k.userApps(app.applicant.platform, app.applicant.userId);
      steps.push(step(user, (p) => p.zadd(user, createdMs(app), app.id)));
      const call = k.callApps(app.callId);
      steps.push(step(call, (p) => p.sadd(call, app.id)));
    }
    for (const person of waitingOn(app)) {
      const w = k.userWaiting(person.platform, person.userId);
      steps.push(step(w, (p) => p.sadd(w, app.id)));
    }
    const acting = actingPerson(actor);
    if (acting && !isApplicant(app, acting.platform, acting.userId)) {
      const a = k.userActed(acting.platform, acting.userId);
      steps.push(step(a, (p) => p.sadd(a, app.id)));
    }
    return steps;
  }

  /** One round trip: the index entries, then the application's own script, whose reply this returns. */
  private async writeApplication(
    op: string,
    value: Application,
    audit: AuditEntry,
    created: boolean,
    write: (
      p: ChainableCommander,
      ...stored: [app: string, audit: string, doc: string, actor: string, entry: string]
    ) => void,
  ): Promise<unknown> {
    const appKey = this.keys.app(value.id);
    const auditKey = this.keys.audit(value.id);
    const { id: _, ...entry } = audit;
    const replies = await this.exec.batch(op, [
      ...this.indexSteps(value, audit.actor, created),
      step(appKey, (p) =>
        write(p, appKey, auditKey, JSON.stringify(value), actorTag(audit.actor), JSON.stringify(entry)),
      ),
    ]);
    return replies.at(-1);
  }

  async createApplication(app: Application, audit: AuditEntry): Promise<Application> {
    const value: Application = { ...app, version: 1 };
    const reply = await this.writeApplication('createApplication', value, audit, true, (p, ...args) =>
      p.mbCreateApplication(...args),
    );
    if (reply == null) throw new MidlerError('store.conflict', `application ${app.id} already exists`);
    return value;
  }

  async getApplication(id: string): Promise<Application | null> {
    return json<Application>(await this.exec.run('getApplication', (c) => c.hget(this.keys.app(id), 'doc')));
  }

  async updateApplication(
    id: string,
    expectedVersion: number,
    next: Application,
    audit: AuditEntry,
  ): Promise<CasResult<Application>> {
    checkNext(id, next);
    const value: Application = { ...next, version: expectedVersion + 1 };
    const reply = await this.writeApplication(
      'updateApplication',
      value,
      audit,
      false,
      (p, app, log, ...rest) => p.mbUpdateApplication(app, log, expectedVersion, ...rest),
    );
    const [outcome, current] = (reply ?? []) as [string, string | undefined];
    if (outcome === 'ok') return { ok: true, value };
    if (outcome === 'not-found') return { ok: false, reason: 'not-found' };
    const cur = json<Application>(current);
    return cur ? { ok: false, reason: 'conflict', current: cur } : { ok: false, reason: 'conflict' };
  }

  /** Loads applications by id in one round trip; missing ones are left out. */
  private async loadApps(op: string, ids: readonly string[]): Promise<Application[]> {
    const replies = await this.exec.batch(
      op,
      ids.map((id) => step(this.keys.app(id), (p) => p.hget(this.keys.app(id), 'doc'))),
    );
    return replies.map((r) => json<Application>(r)).filter((a): a is Application => a !== null);
  }

  async listApplicationsByUser(platform: Platform, userId: string): Promise<Application[]> {
    const ids = await this.applicationIdsOfUser(platform, userId);
    const apps = await this.loadApps('listApplicationsByUser', ids);
    return apps.filter((a) => isApplicant(a, platform, userId));
  }

  applicationIdsOfUser(platform: Platform, userId: string): Promise<string[]> {
    return this.exec.run('applicationIdsOfUser', (c) =>
      c.zrevrange(this.keys.userApps(platform, userId), 0, -1),
    );
  }

  getApplications(ids: readonly string[]): Promise<Application[]> {
    return this.loadApps('getApplications', ids);
  }

  async listApplicationsByCall(callId: string): Promise<Application[]> {
    const apps = this.exec.cluster
      ? await this.loadApps(
          'listApplicationsByCall',
          await this.exec.run('listApplicationsByCall', (c) => c.smembers(this.keys.callApps(callId))),
        )
      : await this.callAppsInOneTrip(callId);
    return apps.filter((a) => a.callId === callId).sort(byCreated);
  }

  /** The index and the documents in one script (the quality chief's list: issue 17's round trips). */
  private async callAppsInOneTrip(callId: string): Promise<Application[]> {
    const [before, after] = this.keys.app('\u0000').split('\u0000');
    const docs = await this.exec.run('listApplicationsByCall', (c) =>
      c.mbListCallApps(this.keys.callApps(callId), before ?? '', after ?? ''),
    );
    return docs.map((d) => json<Application>(d)).filter((a): a is Application => a !== null);
  }

  async listApplicationsWaitingOn(person: Pick<Person, 'platform' | 'userId'>): Promise<Application[]> {
    const key = this.keys.userWaiting(person.platform, person.userId);
    const ids = await this.exec.run('listApplicationsWaitingOn', (c) => c.smembers(key));
    const apps = await this.loadApps('listApplicationsWaitingOn', ids);
    const hits = apps.filter((a) => isWaitingOn(a, person));
    // Entries are only added on write; those no longer waiting are pruned here, on read.
    const stale = ids.filter((id) => !hits.some((a) => a.id === id));
    if (stale.length > 0) await this.exec.run('listApplicationsWaitingOn', (c) => c.srem(key, ...stale));
    return hits.sort(byCreated);
  }

  async readAudit(id: string): Promise<AuditEntry[]> {
    const rows = await this.exec.run('readAudit', (c) => c.xrange(this.keys.audit(id), '-', '+'));
    return rows.map(([streamId, fields]) => {
      let body = '{}';
      for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'e') body = fields[i + 1] ?? body;
      return { id: streamId, ...(JSON.parse(body) as Omit<AuditEntry, 'id'>) };
    });
  }

  async putConversationRef(ref: ConversationRef): Promise<void> {
    const k = this.keys.conversationRef(ref.key);
    const text = JSON.stringify(ref);
    const steps = [step(k, (p) => p.set(k, text))];
    if (ref.kind === 'personal' && ref.userId) {
      const own = this.keys.userPersonalRef(ref.platform, ref.userId);
      steps.push(step(own, (p) => p.set(own, text)));
    }
    await this.exec.batch('putConversationRef', steps);
  }

  async getConversationRef(key: string): Promise<ConversationRef | null> {
    return json<ConversationRef>(
      await this.exec.run('getConversationRef', (c) => c.get(this.keys.conversationRef(key))),
    );
  }

  async getPersonalRef(platform: Platform, userId: string): Promise<ConversationRef | null> {
    const k = this.keys.userPersonalRef(platform, userId);
    return json<ConversationRef>(await this.exec.run('getPersonalRef', (c) => c.get(k)));
  }

  async deleteConversationRef(key: string): Promise<void> {
    const ref = await this.getConversationRef(key);
    const keys = [this.keys.conversationRef(key)];
    if (ref?.kind === 'personal' && ref.userId) {
      const own = this.keys.userPersonalRef(ref.platform, ref.userId);
      const copy = json<ConversationRef>(await this.exec.run('deleteConversationRef', (c) => c.get(own)));
      if (copy?.key === key) keys.push(own);
    }
    await this.exec.batch(
      'deleteConversationRef',
      keys.map((k) => step(k, (p) => p.del(k))),
    );
  }

  async putSubscription(sub: Subscription): Promise<void> {
    await this.exec.run('putSubscription', (c) =>
      c.hset(this.keys.subscriptions(), sub.conversationKey, JSON.stringify(sub)),
    );
  }

  async getSubscription(conversationKey: string): Promise<Subscription | null> {
    return json<Subscription>(
      await this.exec.run('getSubscription', (c) => c.hget(this.keys.subscriptions(), conversationKey)),
    );
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const all = await this.exec.run('listSubscriptions', (c) => c.hvals(this.keys.subscriptions()));
    return all
      .map((s) => JSON.parse(s) as Subscription)
      .sort((a, b) => a.conversationKey.localeCompare(b.conversationKey));
  }

  async deleteSubscription(conversationKey: string): Promise<void> {
    await this.exec.run('deleteSubscription', (c) => c.hdel(this.keys.subscriptions(), conversationKey));
  }

  enqueueReminders(items: QueuedReminder[]): Promise<void> {
    return this.reminders.enqueue(items);
  }
  removeReminders(ids: string[]): Promise<void> {
    return this.reminders.remove(ids);
  }
  replaceReminders(prefix: string, items: QueuedReminder[], now: Date): Promise<void> {
    return this.reminders.replace(prefix, items, now);
  }

  listReminderIds(): Promise<string[]> {
    return this.reminders.listIds();
  }
  claimDueReminders(now: Date, owner: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]> {
    return this.reminders.claim(now, owner, leaseMs, limit);
  }
  ackReminder(id: string, owner: string): Promise<boolean> {
    return this.reminders.ack(id, owner);
  }
  releaseReminder(id: string, owner: string, retryAt: Date): Promise<void> {
    return this.reminders.release(id, owner, retryAt);
  }
  wasDelivered(id: string): Promise<boolean> {
    return this.reminders.wasDelivered(id);
  }
  peekReminders(): Promise<ReminderQueuePeek> {
    return this.reminders.peek();
  }

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.exec.run('claimOnce', (c) =>
      c.set(this.keys.once(key), '1', 'EX', ttlSeconds, 'NX'),
    );
    return reply === 'OK';
  }

  async releaseOnce(key: string): Promise<void> {
    await this.exec.run('releaseOnce', (c) => c.del(this.keys.once(key)));
  }

  async isClaimed(key: string): Promise<boolean> {
    return (await this.exec.run('isClaimed', (c) => c.exists(this.keys.once(key)))) === 1;
  }

  async claimTurn(key: string, token: string, leaseMs: number): Promise<TurnClaim> {
    const [state, replay] = await this.exec.run('claimTurn', (c) =>
      c.mbClaimTurn(this.keys.once(key), this.keys.turnReplay(key), token, leaseMs),
    );
    if (state === 'in-progress' || state === 'done') return { state };
    const kept = json<TurnReplay>(replay);
    return kept ? { state: 'claimed', replay: kept } : { state: 'claimed' };
  }

  async renewTurn(key: string, token: string, leaseMs: number): Promise<boolean> {
    const n = await this.exec.run('renewTurn', (c) =>
      c.mbSettleTurn(this.keys.once(key), this.keys.turnReplay(key), token, 'renew', leaseMs),
    );
    return n === 1;
  }

  async keepTurnReplay(key: string, replay: TurnReplay, ttlSeconds: number): Promise<void> {
    await this.exec.run('keepTurnReplay', (c) =>
      c.set(this.keys.turnReplay(key), JSON.stringify(replay), 'EX', ttlSeconds),
    );
  }

  async finishTurn(key: string, token: string, outcome: 'done' | 'retry', ttlSeconds: number): Promise<void> {
    await this.exec.run('finishTurn', (c) =>
      c.mbSettleTurn(this.keys.once(key), this.keys.turnReplay(key), token, outcome, ttlSeconds * 1000),
    );
  }

  async tryRate(key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
    const index = Math.floor(now.getTime() / windowMs);
    // Lives until its window is over (plus slack for clock skew between replicas).
    const ttl = (index + 1) * windowMs - now.getTime() + 1000;
    return (await this.exec.run('tryRate', (c) => c.mbTryRate(this.keys.rate(key, index), limit, ttl))) === 1;
  }

  deleteUserData(platform: Platform, userId: string): Promise<DeleteSummary> {
    return deleteUserDataInRedis(this.exec, this.keys, platform, userId);
  }

  async ping(): Promise<void> {
    await this.exec.run('ping', (c) => c.ping());
  }

  async close(): Promise<void> {
    await this.exec.client.quit().catch(() => this.exec.client.disconnect());
  }
}

/** A RedisStore from config (`REDIS_URL`, `REDIS_PREFIX`, `REDIS_MODE`); it connects in the background. */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  return new RedisStore(options);
}
