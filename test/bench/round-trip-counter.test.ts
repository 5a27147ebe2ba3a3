import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RoundTripProxy, startRoundTripProxy } from '../../bench/round-trip-proxy.ts';
import { traceStore } from '../../bench/store-trace.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { parseRedisUrl } from '../../src/store/redis-connection.ts';

/** The bench's measuring tools must be able to report more than two round trips, or its check means nothing. */
describe('round-trip counting relay', () => {
  let proxy: RoundTripProxy;
  let client: Redis;
  const key = `bench-counter-test-${process.pid}`;

  beforeAll(async () => {
    const [endpoint] = parseRedisUrl(inject('redisUrl')).endpoints;
    if (!endpoint) throw new Error('no redis endpoint');
    proxy = await startRoundTripProxy(endpoint);
    client = new Redis({ host: '127.0.0.1', port: proxy.port });
    await client.ping();
  });
  afterAll(async () => {
    await client.del(key);
    client.disconnect();
    await proxy.close();
  });

  it('counts commands that wait for each other as one round trip each', async () => {
    proxy.reset();
    await client.set(key, '1');
    await client.get(key);
    await client.get(key);
    expect(proxy.roundTrips).toBe(3);
  });

  it('counts commands sent together (Promise.all, pipeline) as one round trip', async () => {
    proxy.reset();
    await Promise.all([client.get(key), client.get(key), client.exists(key)]);
    expect(proxy.roundTrips).toBe(1);
    proxy.reset();
    await client.pipeline().set(key, '2').get(key).expire(key, 60).exec();
    expect(proxy.roundTrips).toBe(1);
    proxy.reset();
    await client.pipeline().get(key).exec();
    await Promise.all([client.get(key), client.get(key)]);
    expect(proxy.roundTrips).toBe(2);
  });
});

describe('Store call trace', () => {
  it('groups overlapping calls into one wave and sequential ones into the next', async () => {
    const trace = traceStore(createMemoryStore());
    const { store } = trace;
    await Promise.all([store.getUser('teams', 'u1'), store.getDialog('k')]);
    await store.putDialog('k', { dialog: 'help', step: 'x', answers: {}, version: 1 }, 60);
    expect(trace.pattern()).toBe('getUser + getDialog → putDialog');
    trace.reset();
    expect(trace.pattern()).toBe('(no Store call)');
    await store.close();
  });
});
