import { randomUUID } from 'node:crypto';
import { Cluster, type Redis } from 'ioredis';
import { createRedisStore, type RedisStoreOptions } from '../../src/store/redis-store.ts';
import type { StoreFactory } from '../contract/store.contract.ts';

/** Deletes every key under `prefix`, on each master when the client is a Cluster. */
export async function deletePrefix(admin: Redis | Cluster, prefix: string): Promise<void> {
  const nodes = admin instanceof Cluster ? admin.nodes('master') : [admin];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      // One key per DEL: on Cluster the keys of one SCAN page hash to different slots.
      await Promise.all(keys.map((k) => node.del(k)));
    } while (cursor !== '0');
  }
}

/**
 * A fresh RedisStore per test under its own prefix, cleaned afterwards. `advance` really waits:
 * Redis keeps its own clock, so TTL tests cost real time (kept to one short wait).
 */
export function redisFactory(
  admin: () => Redis | Cluster,
  options: () => Omit<RedisStoreOptions, 'prefix'>,
): StoreFactory {
  return async () => {
    const prefix = `test:${randomUUID().slice(0, 8)}:`;
    const store = createRedisStore({ ...options(), prefix, readyWaitMs: 5000 });
    await store.ping();
    return {
      store,
      advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      dispose: async () => {
        await store.close();
        await deletePrefix(admin(), prefix);
      },
    };
  };
}
