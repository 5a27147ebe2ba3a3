import { Redis } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';
import { storeContract } from '../contract/store.contract.ts';
import { redisFactory } from './redis-harness.ts';

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
