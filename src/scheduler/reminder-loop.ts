import type { Sender, SendResult } from '../bot/ports.ts';
import type { Application, Platform } from '../domain/application.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import { channelIdPrefix } from '../domain/reminder-plan.ts';
import { isPersonalReminder, personKey, recheckPersonal } from '../domain/reminder-recheck.ts';
import { parseTargetKey, type ReminderPayload, type ReminderTarget } from '../domain/reminder-types.ts';
import type { ClaimedReminder, Store, UserProfile } from '../store/store.ts';
import { renderReminder } from './render-reminder.ts';

/** The part of a pino logger the scheduler uses. */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface ReminderLoopDeps {
  store: Store;
  senders: readonly Sender[];
  /** Reminders of a call no longer in the catalog are dropped. */
  catalog: Catalog;
  clock: Clock;
  /** This replica's name in leases. */
  owner: string;
  /**
   * How long a claim is held; must outlast a send, including the senders' own 429 and rate waits
   * (Teams: up to three Retry-After waits of 60 s). Default 5 minutes. An item of the batch reached
   * with less than half of it left is not sent but put back for the next round.
   */
  leaseMs?: number;
  /** Items claimed per tick. Default 20. */
  batch?: number;
  /** Pause between ticks of `start()`. Default 15 s. */
  intervalMs?: number;
  log: SchedulerLog;
  /** Posts per target conversation and window, per platform (Slack: about one a second per channel). */
  perTarget?: Partial<Record<Platform, RateWindow>>;
  /** Retry backoff after errors: base doubles per attempt up to max; dropped after maxAttempts. */
  backoff?: { baseMs: number; maxMs: number; maxAttempts: number };
  /**
   * Personal reminders are re-checked against the application and the recipient's profile before
   * they are sent. Both are read once for the batch; a read older than this (sends before it took
   * time) is read again for the rest of the batch. Default 5 s.
   */
  recheckMaxAgeMs?: number;
  /** Told how many reminders each tick claimed and when each went out (the host's metrics). */
  observe?: {
    claimed?(count: number): void;
    sent?(platform: Platform, dueAt: string, sentAt: Date): void;
  };
}

export type Outcome =
  | 'sent'
  | 'duplicate'
  | 'expired'
  | 'superseded'
  | 'obsolete'
  | 'moot'
  | 'throttled'
  | 'deferred'
  | 'retry'
  | 'unsubscribed'
  | 'unreachable'
  | 'gave-up'
  | 'lease-lost';

export interface TickReport {
  claimed: number;
  outcomes: { id: string; outcome: Outcome }[];
}

export interface ReminderLoop {
  /** Runs ticks every `intervalMs` until stopped. */
  start(): void;
  /** Stops scheduling ticks; resolves when the tick in flight (if any) is done. */
  stop(): Promise<void>;
  /** One round: claim what is due, deliver, acknowledge. */
  tickOnce(): Promise<TickReport>;
}

/**
 * No stricter than the adapters' own gates, so a claimed item is not held inside a send waiting for a
 * slot while the rest of the batch waits behind it. Teams: the adapter allows half of "8 per 2 s" per
 * conversation (adapters/teams/rate-limit.ts), i.e. 4 per aligned 2 s, which 2 per second never exceeds.
 */
const DEFAULT_PER_TARGET: Partial<Record<Platform, RateWindow>> = {
  slack: { limit: 1, windowMs: 1_000 },
  teams: { limit: 2, windowMs: 1_000 },
};
const DEFAULT_BACKOFF = { baseMs: 30_000, maxMs: 30 * 60_000, maxAttempts: 8 };

/** What the personal reminders of a batch are re-checked against: read together, at `at`. */
interface PersonalView {
  at: number;
  apps: ReadonlyMap<string, Application>;
  profiles: ReadonlyMap<string, UserProfile | null>;
}

export function createReminderLoop(deps: ReminderLoopDeps): ReminderLoop {
  const { store, catalog, clock, owner, log } = deps;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const batch = deps.batch ?? 20;
  const intervalMs = deps.intervalMs ?? 15_000;
  const busyMs = Math.min(intervalMs, 1_000);
  const perTarget = { ...DEFAULT_PER_TARGET, ...deps.perTarget };
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const recheckMaxAgeMs = deps.recheckMaxAgeMs ?? 5_000;
  const senders = new Map(deps.senders.map((s) => [s.platform, s]));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const retryDelay = (attempts: number) =>
    Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));

  async function send(id: string, target: ReminderTarget, payload: ReminderPayload): Promise<SendResult> {
    const sender = senders.get(target.platform);
    if (!sender) return { ok: false, reason: 'error' };
    const message = renderReminder(payload, clock());
    // Keyed by the reminder id: a replica that dies between the post and the ack cannot make the
    // retry post a second time.
    const once = { idempotencyKey: `reminder:${id}` };
    return target.kind === 'conversation'
      ? sender.sendToConversation(target.key, message, once)
      : sender.sendToUser(target.userId, message, once);
  }

  /** The bot was removed from the channel: unsubscribe it and drop everything queued for it. */
  async function unsubscribe(target: ReminderTarget, item: ClaimedReminder): Promise<void> {
    if (target.kind === 'conversation') {
      await store.deleteSubscription(target.key);
      await store.deleteConversationRef(target.key);
      const prefix = channelIdPrefix(target.key);
      await store.removeReminders((await store.listReminderIds()).filter((id) => id.startsWith(prefix)));
    }
    await store.removeReminders([item.id]);
  }

  /**
   * The applications and recipients' profiles of the personal reminders among `items`, in one wave of
   * reads (one Redis round trip): `getApplications` for all, `getUser` per recipient, concurrently.
   */
  async function readPersonal(items: readonly ClaimedReminder[]): Promise<PersonalView> {
    const appIds = new Set<string>();
    const people = new Map<string, { platform: Platform; userId: string }>();
    for (const item of items) {
      const target = parseTargetKey(item.targetKey);
      const payload = item.payload as Partial<ReminderPayload>;
      if (!isPersonalReminder(target, payload)) continue;
      if (typeof payload.applicationId === 'string') appIds.add(payload.applicationId);
      people.set(personKey(target), target);
    }
    const at = clock().getTime();
    const [apps, profiles] = await Promise.all([
      appIds.size > 0 ? store.getApplications([...appIds]) : Promise.resolve([]),
      Promise.all(
        [...people].map(async ([key, p]) => [key, await store.getUser(p.platform, p.userId)] as const),
      ),
    ]);
    return { at, apps: new Map(apps.map((a) => [a.id, a])), profiles: new Map(profiles) };
  }

  async function deliver(
    item: ClaimedReminder,
    later: ReadonlySet<string>,
    personal: () => Promise<PersonalView>,
  ): Promise<Outcome> {
    const now = clock();
    const payload = item.payload as ReminderPayload;
    const target = parseTargetKey(item.targetKey);
    const ctx = { id: item.id, target: item.targetKey, attempts: item.attempts };
    if (await store.wasDelivered(item.id)) {
      await store.removeReminders([item.id]);
      return 'duplicate';
    }
    if (Date.parse(item.expiresAt) <= now.getTime()) {
      log.warn(
        { ...ctx, dueAt: item.dueAt, expiresAt: item.expiresAt },
        'reminder dropped: what it reminds of has passed',
      );
      await store.removeReminders([item.id]);
      return 'expired';
    }
    const call = catalog.get(payload.callId);
    if (!target || !call) {
      log.warn(ctx, 'reminder dropped: unknown target or call');
      await store.removeReminders([item.id]);
      return 'obsolete';
    }
    if (later.has(item.id)) {
      log.info(ctx, 'reminder dropped: a later reminder of the same date is due too');
      await store.removeReminders([item.id]);
      return 'superseded';
    }
    // A personal reminder was planned from an older snapshot: the leader may have approved or been
    // replaced, the application submitted or withdrawn, nudges turned off. Ask the plan again.
    let body = payload;
    if (isPersonalReminder(target, payload)) {
      const view = await personal();
      const appId = payload.applicationId;
      const check = recheckPersonal(
        { id: item.id, target, payload },
        (appId === undefined ? undefined : view.apps.get(appId)) ?? null,
        call,
        view.profiles.get(personKey(target)) ?? null,
        now,
      );
      if (!check.due) {
        // Removed, not acknowledged: should it become due again (nudges back on), the planner re-adds it.
        log.info(
          { ...ctx, reason: check.reason, ...(check.status ? { status: check.status } : {}) },
          'personal reminder dropped: no longer due',
        );
        await store.removeReminders([item.id]);
        return 'moot';
      }
      body = check.payload;
    }
    // Items are claimed as a batch and sent one after another: one reached late could outlive its
    // lease mid-send, be claimed again elsewhere, and post twice. Put it back for a fresh claim.
    if (Date.parse(item.leaseUntil) - now.getTime() < leaseMs / 2) {
      await store.releaseReminder(item.id, owner, now);
      return 'deferred';
    }
    const window = perTarget[target.platform];
    if (window && !(await store.tryRate(`reminders:${item.targetKey}`, window.limit, window.windowMs, now))) {
      const next = (Math.floor(now.getTime() / window.windowMs) + 1) * window.windowMs;
      await store.releaseReminder(item.id, owner, new Date(next));
      return 'throttled';
    }
    const result = await send(item.id, target, body);
    if (result.ok) {
      deps.observe?.sent?.(target.platform, item.dueAt, clock());
      if (await store.ackReminder(item.id, owner)) return 'sent';
      log.warn(ctx, 'reminder sent but its lease had run out: the lease is shorter than a send');
      return 'lease-lost';
    }
    switch (result.reason) {
      case 'gone':
        log.info(ctx, 'the bot is no longer in this conversation: unsubscribed');
        await unsubscribe(target, item);
        return 'unsubscribed';
      case 'not-installed':
        log.info(ctx, 'reminder dropped: the person cannot be reached by the bot');
        await store.removeReminders([item.id]);
        return 'unreachable';
      case 'rate-limited':
      case 'error': {
        if (result.reason === 'error' && item.attempts >= backoff.maxAttempts) {
          log.error(ctx, 'reminder dropped after repeated send errors');
          await store.removeReminders([item.id]);
          return 'gave-up';
        }
        const wait = result.retryAfterMs ?? retryDelay(item.attempts);
        await store.releaseReminder(item.id, owner, new Date(clock().getTime() + wait));
        log.warn({ ...ctx, reason: result.reason, retryInMs: wait }, 'reminder send failed: will retry');
        return 'retry';
      }
    }
  }

  async function tickOnce(): Promise<TickReport> {
    const claimed = await store.claimDueReminders(clock(), owner, leaseMs, batch);
    deps.observe?.claimed?.(claimed.length);
    const later = supersededIn(claimed);
    const outcomes: TickReport['outcomes'] = [];
    // Read when the first personal reminder needs it, for it and the rest of the batch; read again
    // for the rest when it has grown older than `recheckMaxAgeMs` (the sends before took time).
    let view: PersonalView | undefined;
    // One at a time: posts to one channel stay in order and within its rate.
    for (const [index, item] of claimed.entries()) {
      const personal = async () => {
        if (!view || clock().getTime() - view.at > recheckMaxAgeMs) {
          view = await readPersonal(claimed.slice(index));
        }
        return view;
      };
      let outcome: Outcome;
      try {
        outcome = await deliver(item, later, personal);
      } catch (error) {
        // The lease runs out and another round tries again.
        log.error({ id: item.id, err: error }, 'reminder delivery failed');
        outcome = 'retry';
      }
      outcomes.push({ id: item.id, outcome });
    }
    return { claimed: claimed.length, outcomes };
  }

  /** A tick that left work behind (a full batch, a throttled channel) is followed by a quick one. */
  function run(): void {
    inFlight = tickOnce()
      .then((r) =>
        r.claimed >= batch || r.outcomes.some((o) => o.outcome === 'throttled' || o.outcome === 'deferred')
          ? busyMs
          : intervalMs,
      )
      .catch((error: unknown) => {
        log.error({ err: error }, 'reminder tick failed');
        return intervalMs;
      })
      .then((delay) => {
        if (running) timer = setTimeout(run, delay);
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
    tickOnce,
  };
}

/** Ids in a batch that a later-due reminder of the same group replaces (only the newest is news). */
function supersededIn(items: readonly ClaimedReminder[]): Set<string> {
  const newest = new Map<string, ClaimedReminder>();
  for (const item of items) {
    const group = (item.payload as Partial<ReminderPayload>).group;
    if (typeof group !== 'string') continue;
    const seen = newest.get(group);
    if (!seen || Date.parse(item.dueAt) > Date.parse(seen.dueAt)) newest.set(group, item);
  }
  return new Set(
    items
      .filter((i) => {
        const group = (i.payload as Partial<ReminderPayload>).group;
        return typeof group === 'string' && newest.get(group)?.id !== i.id;
      })
      .map((i) => i.id),
  );
}
