import type { SendResult } from '../bot/ports.ts';
import type { Platform } from '../domain/application.ts';
import { channelIdPrefix } from '../domain/reminder-plan.ts';
import { isPersonalReminder, personKey, recheckPersonal } from '../domain/reminder-recheck.ts';
import { parseTargetKey, type ReminderPayload, type ReminderTarget } from '../domain/reminder-types.ts';
import { isDeadlineError, withAmbientDeadline } from '../server/deadline.ts';
import { backoffMs, RETRY } from '../server/retry-policy.ts';
import type { ClaimedReminder } from '../store/store.ts';
import { type PersonalView, readPersonal, supersededIn } from './batch-reads.ts';
import { runInLanes } from './lanes.ts';
import type {
  Outcome,
  RateWindow,
  ReminderLoop,
  ReminderLoopDeps,
  TickReport,
} from './reminder-loop-types.ts';
import { renderReminder } from './render-reminder.ts';
import { createStallWatch } from './stall-watch.ts';

export type {
  Outcome,
  RateWindow,
  ReminderLoop,
  ReminderLoopDeps,
  SchedulerLog,
  TickReport,
} from './reminder-loop-types.ts';

/**
 * No stricter than the adapters' own gates, so a claimed item is not held inside a send waiting for a
 * slot while the rest of the batch waits behind it. Teams: the adapter allows half of "8 per 2 s" per
 * conversation (adapters/teams/rate-limit.ts), i.e. 4 per aligned 2 s, which 2 per second never exceeds.
 */
const DEFAULT_PER_TARGET: Partial<Record<Platform, RateWindow>> = {
  slack: { limit: 1, windowMs: 1_000 },
  teams: { limit: 2, windowMs: 1_000 },
};

/** How far apart (ms) items turned away by a shared window come back, by how often they were. */
const FAIRNESS_SPREAD_MS = 16;

export function createReminderLoop(deps: ReminderLoopDeps): ReminderLoop {
  const { store, catalog, clock, owner, log } = deps;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  // 50: a burst (reminders due at once in many channels) keeps every channel's window busy; measured in
  // docs/performance.md ("Reminder burst").
  const batch = deps.batch ?? 50;
  const intervalMs = deps.intervalMs ?? 15_000;
  const busyMs = Math.min(intervalMs, 1_000);
  const perTarget = { ...DEFAULT_PER_TARGET, ...deps.perTarget };
  const backoff = deps.backoff ?? RETRY.reminders;
  const recheckMaxAgeMs = deps.recheckMaxAgeMs ?? 5_000;
  const sendDeadlineMs = deps.sendDeadlineMs ?? 30_000;
  const senders = new Map(deps.senders.map((s) => [s.platform, s]));
  const monotonic = deps.monotonic ?? (() => performance.now());
  const stalls = createStallWatch({ limitMs: 3 * intervalMs, now: monotonic, log, metrics: deps.metrics });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopping = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  /** Items whose send is under way, for the stall log and /readyz. */
  const sending = new Set<string>();

  async function send(id: string, target: ReminderTarget, payload: ReminderPayload): Promise<SendResult> {
    const sender = senders.get(target.platform);
    if (!sender) return { ok: false, reason: 'error' };
    const message = renderReminder(payload, clock());
    // Keyed by the reminder id: the sender records it only after the platform's 2xx, so a send
    // already delivered (a replica died before the ack) is not posted again.
    // No waiting inside a send for the channel's window: the item goes back to the queue instead, so
    // a lane never sits idle while other channels of the batch could post.
    const once = { idempotencyKey: `reminder:${id}`, noWait: true };
    sending.add(id);
    try {
      // The deadline cancels the send's platform calls (src/server/deadline.ts); no answer in time is
      // an unclear result: retried, never recorded as delivered.
      return await withAmbientDeadline(sendDeadlineMs, `reminder ${id}`, () =>
        target.kind === 'conversation'
          ? sender.sendToConversation(target.key, message, once)
          : sender.sendToUser(target.userId, message, once),
      );
    } catch (e) {
      if (!isDeadlineError(e)) throw e;
      log.warn(
        { id, target: target.platform, deadlineMs: sendDeadlineMs },
        'reminder send timed out: will retry',
      );
      return { ok: false, reason: 'error' };
    } finally {
      sending.delete(id);
    }
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
   * When the items this loop gave back become due again (epoch ms), if before the next interval: the
   * loop wakes for them rather than waiting it out. Pruned as ticks pass them.
   */
  const wakeTimes = new Set<number>();

  /**
   * Items a shared window (Teams' per tenant) turned away all come back when it reopens; claimed in
   * id order, the same channels would win every time and the rest would queue up at the end of a
   * burst, where the per-channel pacing stretches them over extra seconds. The ones turned away most
   * often come back first (the others a few milliseconds later): every channel keeps pace.
   */
  const fairReopening = (reopens: number, attempts: number) =>
    reopens + Math.max(0, FAIRNESS_SPREAD_MS - attempts);
  async function giveBack(id: string, at: Date): Promise<void> {
    await store.releaseReminder(id, owner, at);
    // Only what comes before the next interval's tick anyway: the set stays small in a long outage.
    if (at.getTime() - clock().getTime() < intervalMs) wakeTimes.add(at.getTime());
  }

  async function deliver(
    item: ClaimedReminder,
    later: ReadonlySet<string>,
    personal: () => Promise<PersonalView>,
    full: Map<string, number>,
  ): Promise<Outcome> {
    const now = clock();
    // This channel's window is already full in this tick: straight back to the queue for the next
    // window, without asking the rate again (one round trip instead of three per item of a burst).
    const reopens = full.get(item.targetKey);
    if (reopens !== undefined && reopens > now.getTime()) {
      await giveBack(item.id, new Date(reopens));
      return 'throttled';
    }
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
    // Shutting down: not started, so given back at once for another replica.
    if (stopping) {
      await store.releaseReminder(item.id, owner, now);
      return 'released';
    }
    // Items are claimed as a batch and sent lane by lane: one reached late could outlive its lease
    // mid-send, be claimed again elsewhere, and post twice. Put it back for a fresh claim.
    if (Date.parse(item.leaseUntil) - now.getTime() < leaseMs / 2) {
      await store.releaseReminder(item.id, owner, now);
      return 'deferred';
    }
    const window = perTarget[target.platform];
    if (window && !(await store.tryRate(`reminders:${item.targetKey}`, window.limit, window.windowMs, now))) {
      const next = (Math.floor(now.getTime() / window.windowMs) + 1) * window.windowMs;
      full.set(item.targetKey, next);
      await giveBack(item.id, new Date(next));
      return 'throttled';
    }
    const result = await send(item.id, target, body);
    if (!result.ok && result.gated) {
      // The adapter's own window for this conversation is full: the same as the loop's throttle.
      const reopens = now.getTime() + (result.retryAfterMs ?? 1_000);
      full.set(item.targetKey, reopens);
      await giveBack(item.id, new Date(fairReopening(reopens, item.attempts)));
      return 'throttled';
    }
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
      case 'refused':
        log.error(ctx, 'reminder dropped: the platform refused the message itself');
        await store.removeReminders([item.id]);
        return 'refused';
      case 'rate-limited':
      case 'error': {
        // 429: what Retry-After asks; anything unclear: the jittered back-off of the claim count.
        const wait = result.retryAfterMs ?? backoffMs(backoff, item.attempts, deps.random);
        const at = clock().getTime() + wait;
        if (at - Date.parse(item.dueAt) > backoff.totalMs) {
          log.error(
            { ...ctx, totalMs: backoff.totalMs },
            'reminder dropped: still failing long after it was due',
          );
          await store.removeReminders([item.id]);
          return 'gave-up';
        }
        await giveBack(item.id, new Date(at));
        log.warn({ ...ctx, reason: result.reason, retryInMs: wait }, 'reminder send failed: will retry');
        return 'retry';
      }
    }
  }

  async function tickOnce(): Promise<TickReport> {
    if (stopping) return { claimed: 0, outcomes: [] };
    stalls.begin(() => [...sending]);
    try {
      const claimed = await store.claimDueReminders(clock(), owner, leaseMs, batch);
      deps.observe?.claimed?.(claimed.length);
      const later = supersededIn(claimed);
      const full = new Map<string, number>();
      // Read when the first personal reminder needs it, for it and the rest of the batch; read again
      // for the rest when it has grown older than `recheckMaxAgeMs` (the sends before took time).
      // Lanes that need it together share one read (one round trip).
      let view: Promise<PersonalView> | undefined;
      const personal = (index: number) => async () => {
        const known = view;
        if (known) {
          const seen = await known;
          if (clock().getTime() - seen.at <= recheckMaxAgeMs) return seen;
          if (view !== known && view) return view;
        }
        view = readPersonal(store, clock, claimed.slice(index));
        return view;
      };
      // One lane per target (its posts in order, within its rate), a few targets per platform at once.
      const outcomes = await runInLanes(
        claimed,
        (item) => item.targetKey,
        (item) => parseTargetKey(item.targetKey)?.platform ?? 'unknown',
        deps.concurrency ?? 4,
        async (item, index) => {
          let outcome: Outcome;
          try {
            outcome = await deliver(item, later, personal(index), full);
          } catch (error) {
            // The lease runs out and another round tries again.
            log.error({ id: item.id, err: error }, 'reminder delivery failed');
            outcome = 'retry';
          }
          return { id: item.id, outcome };
        },
      );
      const reopens = [...full.values()];
      return {
        claimed: claimed.length,
        outcomes,
        ...(reopens.length > 0 ? { nextWindowAt: Math.min(...reopens) } : {}),
      };
    } finally {
      stalls.end();
    }
  }

  /**
   * When the next tick runs: at once while a full batch says more is due now (a burst is sent as fast
   * as the per-channel limits allow, not one batch per second); when a channel's window is full, as
   * it reopens; else after the interval.
   */
  function nextDelay(r: TickReport, claimedAt: number): number {
    if (r.claimed >= batch || r.outcomes.some((o) => o.outcome === 'deferred')) return 0;
    // Given back for a window that reopens, or for a short retry: due before the next interval. A time
    // the last claim came too early for (it passed while the tick ran) means at once.
    for (const t of wakeTimes) if (t <= claimedAt) wakeTimes.delete(t);
    if (wakeTimes.size > 0) {
      const soonest = Math.min(...wakeTimes);
      return Math.max(0, Math.min(intervalMs, soonest - clock().getTime()));
    }
    if (r.outcomes.some((o) => o.outcome === 'throttled')) return busyMs;
    return intervalMs;
  }

  function run(): void {
    const claimedAt = clock().getTime();
    inFlight = tickOnce()
      .then((r) => nextDelay(r, claimedAt))
      .catch((error: unknown) => {
        log.error({ err: error }, 'reminder tick failed');
        return intervalMs;
      })
      .then((delay) => {
        if (running && !stopping) timer = setTimeout(run, delay);
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    drain() {
      stopping = true;
      running = false;
      if (timer) clearTimeout(timer);
    },
    async stop() {
      stopping = true;
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
      log.info({ owner }, 'reminder loop stopped: nothing claimed any more, sends in flight finished');
    },
    problem: () => stalls.problem(),
    tickOnce,
  };
}
