import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Sender } from '../bot/ports.ts';
import type { Platform } from '../domain/application.ts';
import { createReminderLoop, type ReminderLoop } from '../scheduler/reminder-loop.ts';
import { createReminderPlanner, type ReminderPlanner } from '../scheduler/reminder-planner.ts';
import type { PlatformDeps } from './app.ts';
import type { CatchUp } from './clock-command.ts';
import type { HostConfig } from './host-config.ts';
import type { Metrics } from './metrics.ts';

/**
 * The host's reminder loops: the planner that keeps the queue matching the plan, and the leased
 * delivery loop on the platforms' senders; and the catch-up `/at` runs on them.
 */

/** The reminder loop's senders, counting what they deliver for /metrics. */
/** The reminder loop's senders, counting what they deliver for /metrics. */
export function countingSenders(senders: ReadonlyMap<Platform, Sender>, metrics: Metrics): Sender[] {
  return [...senders.values()].map((sender) => {
    const count = async (p: ReturnType<Sender['sendToUser']>) => {
      const result = await p;
      if (result.ok) metrics.remindersSent.inc({ platform: sender.platform });
      return result;
    };
    return {
      platform: sender.platform,
      // The options carry the reminder's idempotency key: dropping them would let a retry post twice.
      sendToConversation: (key, message, opts) => count(sender.sendToConversation(key, message, opts)),
      sendToUser: (userId, message, opts) => count(sender.sendToUser(userId, message, opts)),
      update: (key, ref, message) => sender.update(key, ref, message),
    };
  });
}

export function reminderLoops(
  tuning: NonNullable<HostConfig['reminders']>['loop'],
  deps: PlatformDeps & { senders: ReadonlyMap<Platform, Sender> },
  metrics: Metrics,
): { planner: ReminderPlanner; delivery: ReminderLoop } {
  const planner = createReminderPlanner({
    store: deps.store,
    catalog: deps.catalog,
    clock: deps.clock,
    log: deps.log,
  });
  const delivery = createReminderLoop({
    store: deps.store,
    catalog: deps.catalog,
    clock: deps.clock,
    log: deps.log,
    senders: countingSenders(deps.senders, metrics),
    observe: {
      claimed: (count) => metrics.reminderQueueDepth.observe(count),
      sent: (platform, dueAt, sentAt) =>
        metrics.reminderLagSeconds.observe(Math.max(0, sentAt.getTime() - Date.parse(dueAt)) / 1000, {
          platform,
        }),
    },
    // pid is often 1 in containers and a restarted pod keeps its hostname: leases need a unique owner.
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    // Two connector attempts and the waits between them; the lease (5 min) outlasts it by far.
    sendDeadlineMs: 3 * (deps.outboundTimeoutMs ?? 10_000),
    metrics,
    ...tuning,
  });
  return { planner, delivery };
}

/** After `/at`: the plan for the new time, then delivery rounds until nothing due is left (bounded). */
export async function catchUpReminders(planner: ReminderPlanner, delivery: ReminderLoop): Promise<CatchUp> {
  await planner.reconcile();
  let sent = 0;
  for (let round = 0; round < 20; round++) {
    const report = await delivery.tickOnce();
    sent += report.outcomes.filter((o) => o.outcome === 'sent').length;
    if (report.claimed === 0) break;
  }
  return { sent };
}
