import { performance } from 'node:perf_hooks';
import type { Sender, SendResult } from '../bot/ports.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { Route } from './http-types.ts';
import type { Metrics, ReminderQueueLevel } from './metrics.ts';

/**
 * The timing wrappers createApp puts around the parts it wires, so the adapters and the scheduler
 * stay free of metrics. Durations use the monotonic clock: they measure, they decide nothing.
 */

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Each proactive call to the platform (send, update) timed by platform, operation and result. */
export function timedSender(sender: Sender, metrics: Metrics): Sender {
  const timed = async (operation: 'send' | 'update', call: () => Promise<SendResult>) => {
    const started = performance.now();
    let result = 'exception';
    try {
      const sent = await call();
      result = sent.ok ? 'ok' : sent.reason;
      return sent;
    } finally {
      metrics.outboundSeconds.observe(seconds(started), { platform: sender.platform, operation, result });
    }
  };
  return {
    platform: sender.platform,
    sendToConversation: (key, message, opts) =>
      timed('send', () => sender.sendToConversation(key, message, opts)),
    sendToUser: (userId, message, opts) => timed('send', () => sender.sendToUser(userId, message, opts)),
    update: (key, ref, message) => timed('update', () => sender.update(key, ref, message)),
  };
}

/**
 * A platform's inbound routes timed from the request's arrival (its body read) to the answer the host
 * sends: the Slack ack and the Teams response. Health and page routes are not platform acks.
 */
export function timedRoutes(routes: readonly Route[], platform: string, metrics: Metrics): Route[] {
  return routes.map((route) => ({
    ...route,
    handler: async (req) => {
      const started = performance.now();
      try {
        return await route.handler(req);
      } finally {
        metrics.ackSeconds.observe(seconds(started), { platform });
      }
    },
  }));
}

/** The queue gauges' reading: one atomic look at the whole queue (what `midlerbot reminders queue` shows). */
export async function reminderQueueLevel(store: Store, clock: Clock): Promise<ReminderQueueLevel> {
  const { reminders } = await store.peekReminders();
  const now = clock().getTime();
  let due = 0;
  let oldest = now;
  for (const r of reminders) {
    const at = Date.parse(r.dueAt);
    if (at > now) continue;
    due += 1;
    oldest = Math.min(oldest, at);
  }
  return { due, queued: reminders.length, oldestDueSeconds: (now - oldest) / 1000 };
}
