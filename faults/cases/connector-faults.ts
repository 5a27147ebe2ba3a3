import { createRedisStore } from '../../src/store/redis-store.ts';
import { percentile, seedReminders, startReplica, until } from '../support.ts';
import type { FaultCase } from './types.ts';

/**
 * One replica sends 12 channel reminders due at once while the Bot Connector misbehaves per channel:
 * one channel hangs (never answers), one answers 429 with Retry-After 1 s, one 503, one resets the
 * connection; the other eight answer normally. The eight must go out on time, the three recover
 * within the send's own retries, and the hung one is not recorded delivered but queued for a retry.
 */
export const connectorFaults: FaultCase = async ({ redis, connector, prefix }) => {
  const p = prefix('connector');
  const store = createRedisStore({ url: redis.url, prefix: p });
  const replica = await startReplica({
    REDIS_URL: redis.url,
    REDIS_PREFIX: p,
    REMINDERS: '1',
    OUTBOUND_TIMEOUT_MS: '1000',
    SEND_DEADLINE_MS: '2000',
    BATCH: '20',
    // The stall watch's limit is 3 ticks: longer than the send deadline, as in production (15 s, 30 s).
    TICK_MS: '1000',
  });
  const ids = Array.from({ length: 12 }, (_, i) => `19:faulty-${i}@thread.tacv2`);
  const [hung = '', throttled = '', failing = '', reset = '', ...normal] = ids;
  try {
    connector.hang(hung);
    connector.script(throttled, [{ status: 429, retryAfterSeconds: 1 }]);
    connector.script(failing, [{ status: 503 }]);
    connector.script(reset, ['reset']);
    const t0 = Date.now();
    const items = await seedReminders(store, ids, connector.serviceUrl);
    const firstPost = (id: string) => connector.posted().find((r) => r.conversationId === id);
    const others = [throttled, failing, reset, ...normal];
    await until(() => others.every((id) => firstPost(id)), 20_000);
    const lag = (id: string) => {
      const at = firstPost(id)?.at;
      return at === undefined ? Number.POSITIVE_INFINITY : at - t0;
    };
    const normalLags = normal.map(lag);
    const ready = await fetch(`http://127.0.0.1:${replica.port}/readyz`).then((r) => r.status);
    // Let the hung send reach its deadline and be put back.
    const hungItem = items[0]?.id ?? '';
    await until(async () => {
      const peek = await store.peekReminders();
      return peek.reminders.some((r) => r.id === hungItem && r.lease === null && r.attempts > 0);
    }, 10_000);
    const peek = await store.peekReminders();
    const queued = peek.reminders.find((r) => r.id === hungItem);
    const delivered = await store.wasDelivered(hungItem);
    const retryIn = queued
      ? (Date.parse(queued.nextAttemptAt) - Date.parse(queued.dueAt)) / 1000
      : Number.NaN;
    const faultLags = [throttled, failing, reset].map(lag);
    return [
      {
        case: 'connector 429/503/reset/hang on 4 of 12 channels',
        pass:
          normalLags.every(Number.isFinite) &&
          faultLags.every(Number.isFinite) &&
          !delivered &&
          queued !== undefined &&
          replica.alive(),
        figures: `8 normal: p50 ${(percentile(normalLags, 50) / 1000).toFixed(2)} s, max ${(Math.max(...normalLags) / 1000).toFixed(2)} s after due; 429/503/reset: ${faultLags.map((l) => `${(l / 1000).toFixed(1)} s`).join(' / ')}; hung one: ${delivered ? 'RECORDED DELIVERED' : 'not recorded delivered'}, ${queued ? `queued for retry +${retryIn.toFixed(0)} s` : 'GONE'}; /readyz ${ready} meanwhile`,
      },
    ];
  } finally {
    connector.unhang(hung);
    await replica.kill('SIGKILL');
    await store.close();
  }
};
