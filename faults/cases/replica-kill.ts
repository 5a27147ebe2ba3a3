import { createRedisStore } from '../../src/store/redis-store.ts';
import { type Replica, seedReminders, startReplica, until } from '../support.ts';
import type { FaultCase } from './types.ts';

/**
 * Three replicas share one Redis and a burst of reminders (one per channel, all due at once); one
 * replica is SIGKILLed once a quarter of them went out. Its leases run out (LEASE_MS) and the others
 * send what it held. Lost = channels that never got their reminder; duplicates = extra posts, which
 * can only happen where the kill fell between the connector's 2xx and the acknowledgement.
 */
export const replicaKill: FaultCase = async ({ redis, connector, prefix }) => {
  const p = prefix('replicas');
  const store = createRedisStore({ url: redis.url, prefix: p });
  const count = 90;
  const replicas: Replica[] = [];
  try {
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: p, REMINDERS: '1', LEASE_MS: '3000', BATCH: '5' };
    replicas.push(...(await Promise.all([1, 2, 3].map(() => startReplica(env)))));
    const conversations = Array.from({ length: count }, (_, i) => `19:burst-${i}@thread.tacv2`);
    const mine = new Set(conversations);
    const posts = () => connector.posted().filter((r) => mine.has(r.conversationId ?? ''));
    const t0 = Date.now();
    await seedReminders(store, conversations, connector.serviceUrl);
    await until(() => posts().length >= count / 4, 20_000);
    const killedAfter = posts().length;
    await replicas[0]?.kill('SIGKILL');
    await until(async () => new Set(posts().map((r) => r.conversationId)).size >= count, 30_000);
    const allMs = Date.now() - t0;
    // A little longer: a duplicate from the dead replica's leases would show up now.
    await until(async () => (await store.listReminderIds()).length === 0, 5_000);
    const perChannel = new Map<string, number>();
    for (const r of posts())
      perChannel.set(r.conversationId ?? '', (perChannel.get(r.conversationId ?? '') ?? 0) + 1);
    const lost = conversations.filter((c) => !perChannel.has(c)).length;
    const duplicates = [...perChannel.values()].reduce((n, v) => n + v - 1, 0);
    const queued = (await store.listReminderIds()).length;
    return [
      {
        case: 'three replicas, one SIGKILLed mid-burst of reminders',
        pass: lost === 0 && queued === 0,
        figures: `${count} reminders, killed after ${killedAfter} posts; ${count - lost} delivered, ${lost} lost, ${duplicates} duplicate(s), all out in ${(allMs / 1000).toFixed(1)} s (lease 3 s), queue left ${queued}`,
      },
    ];
  } finally {
    await Promise.all(replicas.map((r) => r.kill('SIGKILL')));
    await store.close();
  }
};

/**
 * Two replicas and a burst of 60 reminders; one gets SIGTERM once a quarter went out. It stops
 * claiming, gives back what it claimed but had not started and exits 0; the other replica sends the
 * rest at once — well before the 30 s lease the suite gives these replicas would have run out.
 */
export const replicaTerm: FaultCase = async ({ redis, connector, prefix }) => {
  const p = prefix('sigterm');
  const store = createRedisStore({ url: redis.url, prefix: p });
  const count = 60;
  const leaseMs = 30_000;
  const replicas: Replica[] = [];
  try {
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: p,
      REMINDERS: '1',
      LEASE_MS: String(leaseMs),
      BATCH: '10',
    };
    replicas.push(...(await Promise.all([1, 2].map(() => startReplica(env)))));
    const conversations = Array.from({ length: count }, (_, i) => `19:term-${i}@thread.tacv2`);
    const mine = new Set(conversations);
    const posts = () => connector.posted().filter((r) => mine.has(r.conversationId ?? ''));
    await seedReminders(store, conversations, connector.serviceUrl);
    await until(() => posts().length >= count / 4, 20_000);
    const termAt = Date.now();
    const postedBefore = posts().length;
    const exit = await replicas[0]?.kill('SIGTERM');
    const exitMs = Date.now() - termAt;
    await until(async () => new Set(posts().map((r) => r.conversationId)).size >= count, leaseMs);
    const restMs = Date.now() - termAt;
    const perChannel = new Map<string, number>();
    for (const r of posts())
      perChannel.set(r.conversationId ?? '', (perChannel.get(r.conversationId ?? '') ?? 0) + 1);
    const lost = conversations.filter((c) => !perChannel.has(c)).length;
    const duplicates = [...perChannel.values()].reduce((n, v) => n + v - 1, 0);
    return [
      {
        case: 'two replicas, one SIGTERMed mid-burst of reminders',
        pass: lost === 0 && exit === 'exit 0' && restMs < leaseMs,
        figures: `${count} reminders, SIGTERM after ${postedBefore} posts: ${exit} in ${(exitMs / 1000).toFixed(1)} s; ${lost} lost, ${duplicates} duplicate(s); all out ${(restMs / 1000).toFixed(1)} s after SIGTERM (its leases were ${leaseMs / 1000} s)`,
      },
    ];
  } finally {
    await Promise.all(replicas.map((r) => r.kill('SIGKILL')));
    await store.close();
  }
};
