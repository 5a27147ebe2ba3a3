import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMidlerError } from '../../src/domain/errors.ts';
import { createRedisStore, type RedisStore } from '../../src/store/redis-store.ts';
import { alice, entry, makeApp } from '../contract/fixtures.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';

/** Settles to 'hung' if the call neither resolves nor rejects in time: a hang detector, not a timing claim. */
async function outcome(p: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('hung'), 8000);
  });
  const settled = p.then(
    () => 'resolved',
    (e: unknown) => (isMidlerError(e, 'store.unavailable') ? 'store.unavailable' : `other: ${String(e)}`),
  );
  try {
    return await Promise.race([settled, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('RedisStore while Redis is away', () => {
  let redis: TestRedis;
  let store: RedisStore;

  beforeAll(async () => {
    redis = await startRedis();
    store = createRedisStore({
      url: redis.url,
      prefix: `test:${randomUUID().slice(0, 8)}:`,
      readyWaitMs: 200,
      commandTimeoutMs: 1000,
      maxReconnectDelayMs: 100,
    });
    await store.ping().catch(async () => {
      await new Promise((r) => setTimeout(r, 200));
      await store.ping();
    });
  });

  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('rejects every call with store.unavailable, then recovers by itself on the same instance', async () => {
    const created = await store.createApplication(makeApp('a1'), entry(alice, 'created'));
    await store.putDialog('d1', { dialog: 'help', step: 'start', answers: {}, version: 1 }, 600);

    await redis.stop();
    // Right after the drop (socket not writeable yet) and then while the client is reconnecting.
    expect(await outcome(store.getDialog('d1'))).toBe('store.unavailable');
    await new Promise((r) => setTimeout(r, 300));

    const calls: Array<[string, () => Promise<unknown>]> = [
      ['ping', () => store.ping()],
      ['getDialog', () => store.getDialog('d1')],
      [
        'putDialog',
        () => store.putDialog('d1', { dialog: 'help', step: 'next', answers: {}, version: 2 }, 600, alice),
      ],
      [
        'updateApplication',
        () => store.updateApplication('a1', 1, { ...created, title: 'x' }, entry(alice, 'edit')),
      ],
      ['listApplicationsByUser', () => store.listApplicationsByUser('teams', alice.userId)],
      ['claimDueReminders', () => store.claimDueReminders(new Date(0), 'w1', 1000, 10)],
      ['tryRate', () => store.tryRate('u1', 5, 60_000, new Date(0))],
      ['deleteUserData', () => store.deleteUserData('teams', alice.userId)],
    ];
    for (const [name, call] of calls) {
      expect([name, await outcome(call())]).toEqual([name, 'store.unavailable']);
    }
    // Many concurrent calls during the outage all settle too: nothing piles up waiting for Redis.
    const burst = await Promise.all(Array.from({ length: 100 }, () => outcome(store.getDialog('d1'))));
    expect(new Set(burst)).toEqual(new Set(['store.unavailable']));

    await redis.start();

    let recovered = false;
    for (let i = 0; i < 100 && !recovered; i += 1) {
      recovered = await store.ping().then(
        () => true,
        () => new Promise<boolean>((r) => setTimeout(() => r(false), 100)),
      );
    }
    expect(recovered).toBe(true);
    // The restarted server is empty (tests run it without persistence); the store works again.
    await store.putDialog('d1', { dialog: 'help', step: 'again', answers: {}, version: 3 }, 600);
    expect((await store.getDialog('d1'))?.step).toBe('again');
    const again = await store.createApplication(makeApp('a2'), entry(alice, 'created'));
    expect(
      await store.updateApplication('a2', 1, { ...again, title: 'y' }, entry(alice, 'edit')),
    ).toMatchObject({
      ok: true,
    });
  });
});
