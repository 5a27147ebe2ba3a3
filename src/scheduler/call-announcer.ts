import type { Call } from '../domain/call.ts';
import { planAnnouncement } from '../domain/call-announcement.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { SchedulerLog } from './reminder-loop.ts';
import { toQueued } from './reminder-planner.ts';

export interface CallAnnouncerDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  log: SchedulerLog;
}

/**
 * After a reload: subscribes each channel that follows the series of a newly loaded call and queues
 * its announcement, which the reminder loop posts like any channel reminder. Start-up never calls
 * this, so a restart announces nothing; replicas queue the same ids, and the loop's delivered marks
 * (kept 120 days) stop a second post.
 */
export async function announceNewCalls(added: readonly Call[], deps: CallAnnouncerDeps): Promise<number> {
  const inSeries = added.filter((c) => c.series !== undefined);
  if (inSeries.length === 0) return 0;
  let subscriptions = await deps.store.listSubscriptions();
  let queued = 0;
  for (const call of inSeries) {
    const plan = planAnnouncement({ call, calls: deps.catalog.calls, subscriptions, now: deps.clock() });
    // Subscribed first: should the process die in between, the planner still reminds the channel.
    for (const sub of plan.subscriptions) await deps.store.putSubscription(sub);
    await deps.store.enqueueReminders(plan.announcements.map(toQueued));
    const updated = new Map(plan.subscriptions.map((s) => [s.conversationKey, s]));
    subscriptions = subscriptions.map((s) => updated.get(s.conversationKey) ?? s);
    queued += plan.announcements.length;
    if (plan.announcements.length > 0)
      deps.log.info(
        { callId: call.id, series: call.series, channels: plan.announcements.length },
        'new call announced to the channels following its series',
      );
  }
  return queued;
}
