import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/store/redis-connection.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { storeContract } from '../contract/store.contract.ts';
import { startRedisCluster, type TestRedisCluster } from '../support/redis-cluster.ts';
import { redisFactory } from './redis-harness.ts';

let cluster: TestRedisCluster;
let admin: Cluster;

beforeAll(async () => {
  cluster = await startRedisCluster();
  admin = new Cluster(parseRedisUrl(cluster.url).endpoints);
});
afterAll(async () => {
  await admin?.quit();
  await cluster?.stop();
});

// Options are read per test: the cluster only exists once beforeAll has run.
storeContract(
  'RedisStore (three-master Cluster)',
  redisFactory(
    () => admin,
    () => ({ url: cluster.url }),
  ),
);

describe('RedisStore on Cluster', () => {
  it('spreads entities over the masters (the keys really span slots)', async () => {
    const store = createRedisStore({ url: cluster.url, prefix: 'test:spread:' });
    await store.ping();
    const slots = await Promise.all(
      ['app-1', 'app-2', 'app-3', 'app-4', 'app-5', 'app-6'].map((id) =>
        admin.cluster('KEYSLOT', store.keys.app(id)),
      ),
    );
    expect(new Set(slots).size).toBeGreaterThan(1);
    await store.close();
  });
});
