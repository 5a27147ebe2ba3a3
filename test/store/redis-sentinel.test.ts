import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { alice, entry, makeApp } from '../contract/fixtures.ts';
import { reminderContract } from '../contract/reminders.contract.ts';
import { freePort, startRedis, type TestRedis, waitForPort } from '../support/redis-server.ts';
import { redisFactory } from './redis-harness.ts';

/** A master and one sentinel watching it: enough to prove the redis+sentinel:// URL is understood. */
describe('RedisStore through Sentinel', () => {
  let master: TestRedis;
  let dir: string;
  let sentinelPort: number;
  let stopSentinel: () => Promise<void> = async () => {};
  let admin: Redis;

  beforeAll(async () => {
    master = await startRedis();
    dir = await mkdtemp(join(tmpdir(), 'midlerbot-sentinel-'));
    sentinelPort = await freePort();
    const conf = join(dir, 'sentinel.conf');
    await writeFile(
      conf,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor mymaster 127.0.0.1 ${master.port} 1`,
        '',
      ].join('\n'),
    );
    const child = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    stopSentinel = () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    await waitForPort(sentinelPort);
    admin = new Redis(master.url);
  });

  afterAll(async () => {
    await admin?.quit();
    await stopSentinel();
    await master?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the master by name and works as a store', async () => {
    const store = createRedisStore({
      url: `redis+sentinel://127.0.0.1:${sentinelPort}/mymaster`,
      prefix: 'test:sentinel:',
      readyWaitMs: 5000,
    });
    try {
      await store.ping();
      const app = await store.createApplication(makeApp('s1'), entry(alice, 'created'));
      expect(
        await store.updateApplication('s1', 1, { ...app, title: 'via sentinel' }, entry(alice, 'edit')),
      ).toMatchObject({
        ok: true,
      });
      expect((await store.getApplication('s1'))?.title).toBe('via sentinel');
    } finally {
      await store.close();
    }
  });

  // The reminder queue (its scripts and the MULTI of peekReminders) through the sentinel-found master.
  reminderContract(
    redisFactory(
      () => admin,
      () => ({ url: `redis+sentinel://127.0.0.1:${sentinelPort}/mymaster` }),
    ),
  );
});
