import type { Application } from '../domain/application.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import { keepRelevant, planReminders, reconcile, toQueued } from '../domain/reminder-plan.ts';
import type { PlannedReminder } from '../domain/reminder-types.ts';

export { toQueued };

import { isPlannerId } from '../domain/reminder-types.ts';
import type { Store, UserProfile } from '../store/store.ts';
import type { SchedulerLog } from './reminder-loop.ts';

export interface ReminderPlannerDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  log: SchedulerLog;
  /** Pause between periodic re-plans of `start()`. Default 10 minutes. */
  intervalMs?: number;
}

export interface ReconcileReport {
  planned: number;
  added: string[];
  removed: string[];
}

export interface ReminderPlanner {
  /** Plans from what the Store holds now and makes the queue match: call after any change. */
  reconcile(): Promise<ReconcileReport>;
  /** Re-plans periodically (a deadline passing, a call file replaced at a restart). */
  start(): void;
  stop(): Promise<void>;
}

/** Channel subscriptions planned per slice, with a turn of the event loop between slices. */
const SLICE = 50;

/**
 * `planReminders` over many subscriptions, a slice at a time: it costs about 1.3 ms per subscription,
 * and a replica that also acks Slack within 3 s must not block for a second on a large deployment.
 * Equal to one call: a channel reminder depends only on its subscription (its group is the
 * conversation, call and milestone), and `keepRelevant` is applied to the whole once more.
 */
export async function planInSlices(
  input: Parameters<typeof planReminders>[0],
  yieldNow: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<PlannedReminder[]> {
  const parts: PlannedReminder[] = [];
  for (let i = 0; i < input.subscriptions.length; i += SLICE) {
    parts.push(
      ...planReminders({
        ...input,
        subscriptions: input.subscriptions.slice(i, i + SLICE),
        applications: [],
      }),
    );
    await yieldNow();
  }
  parts.push(...planReminders({ ...input, subscriptions: [] }));
  return keepRelevant(parts, input.now);
}

/**
 * Replicas may reconcile at once; both compute the same plan, and enqueue and remove are idempotent.
 */
export function createReminderPlanner(deps: ReminderPlannerDeps): ReminderPlanner {
  const { store, catalog, clock, log } = deps;
  const intervalMs = deps.intervalMs ?? 10 * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function gather() {
    const [subscriptions, perCall] = await Promise.all([
      store.listSubscriptions(),
      Promise.all(catalog.calls.map((c) => store.listApplicationsByCall(c.id))),
    ]);
    const applications: Application[] = perCall.flat();
    const people = new Map<string, { platform: Application['applicant']['platform']; userId: string }>();
    for (const app of applications) {
      people.set(`${app.applicant.platform}:${app.applicant.userId}`, app.applicant);
      for (const s of app.steps)
        if (s.waitingOn) people.set(`${s.waitingOn.platform}:${s.waitingOn.userId}`, s.waitingOn);
    }
    const profiles = new Map<string, UserProfile>();
    await Promise.all(
      [...people.entries()].map(async ([key, p]) => {
        const profile = await store.getUser(p.platform, p.userId);
        if (profile) profiles.set(key, profile);
      }),
    );
    return { subscriptions, applications, profiles };
  }

  async function reconcileNow(): Promise<ReconcileReport> {
    const now = clock();
    const { subscriptions, applications, profiles } = await gather();
    const plan = await planInSlices({ calls: catalog.calls, subscriptions, applications, profiles, now });
    const queued = await store.listReminderIds();
    const { add, remove } = reconcile(
      plan.map((r) => r.id),
      queued,
      isPlannerId,
    );
    // New ids, and every future one again so its content is current (a leader approved, a label was
    // corrected). Past-due ones already queued are left alone: they may wait out a 429's Retry-After.
    const adding = new Set(add);
    const refresh = plan.filter((r) => adding.has(r.id) || r.dueAt.getTime() > now.getTime());
    await store.enqueueReminders(refresh.map(toQueued));
    await store.removeReminders(remove);
    if (add.length > 0 || remove.length > 0) {
      log.info({ planned: plan.length, added: add.length, removed: remove.length }, 'reminders reconciled');
    }
    return { planned: plan.length, added: add, removed: remove };
  }

  function run(): void {
    inFlight = reconcileNow()
      .catch((error: unknown) => log.error({ err: error }, 'reminder planning failed'))
      .then(() => {
        if (running) timer = setTimeout(run, intervalMs);
      });
  }

  return {
    reconcile: reconcileNow,
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
  };
}
