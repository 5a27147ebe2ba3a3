import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { storeContract } from '../contract/store.contract.ts';
import { deletePrefix, redisFactory } from './redis-harness.ts';

const url = inject('redisUrl');
let admin: Redis;

beforeAll(() => {
  admin = new Redis(url);
});
afterAll(async () => {
  await admin.quit();
});

storeContract(
  'RedisStore (single server)',
  redisFactory(
    () => admin,
    () => ({ url }),
  ),
);

describe('RedisStore peekReminders on a damaged queue', () => {
  it('counts due-index ids without a readable item as dangling, shows the rest, and cleans nothing', async () => {
    const prefix = `test:${randomUUID().slice(0, 8)}:`;
    const store = createRedisStore({ url, prefix, readyWaitMs: 5000 });
    try {
      const item = (id: string) => ({
        id,
        dueAt: '2022-10-06T07:00:00.000Z',
        expiresAt: '2022-10-20T07:00:00.000Z',
        targetKey: 'slack:C1',
        payload: {},
      });
      await store.enqueueReminders([item('ok'), item('gone'), item('garbled')]);
      // What a crash, an eviction or a hand edit could leave behind.
      await admin.hdel(store.keys.reminderItems(), 'gone');
      await admin.hset(store.keys.reminderItems(), 'garbled', '{not json');
      await admin.hset(store.keys.reminderLeases(), 'ok', 'not a lease');
      const peek = await store.peekReminders();
      expect(peek.dangling).toBe(2);
      expect(peek.reminders).toEqual([
        { ...item('ok'), nextAttemptAt: '2022-10-06T07:00:00.000Z', attempts: 0, lease: null },
      ]);
      expect(await admin.zcard(store.keys.reminderDue())).toBe(3);
      expect(await admin.hget(store.keys.reminderItems(), 'garbled')).toBe('{not json');
    } finally {
      await store.close();
      await deletePrefix(admin, prefix);
    }
  });
});
