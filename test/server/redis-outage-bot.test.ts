import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { useTeamsHost } from '../kit/index.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 3: while Redis is stopped the bot keeps answering with a polite "try again in a moment",
 * and it recovers by itself when Redis returns. Driven through the real host and a Teams message,
 * against a redis-server this test owns and stops.
 */
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
const host = useTeamsHost(
  () => ({
    at: '2022-10-01T08:00:00Z',
    store: createRedisStore({
      url: redis.url,
      prefix: `outage:${randomUUID().slice(0, 8)}:`,
      readyWaitMs: 200,
      commandTimeoutMs: 1000,
      maxReconnectDelayMs: 100,
    }),
  }),
  { resetEach: false },
);

async function say(text: string): Promise<string> {
  host.capture.reset();
  const res = await postActivity(host.port, personalMessage(host.capture.serviceUrl, text));
  expect(res.status).toBe(200);
  return JSON.stringify(host.capture.posted().map((p) => p.body));
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not recover');
}

beforeAll(() => eventually(async () => (await fetch(`http://127.0.0.1:${host.port}/readyz`)).status === 200));

describe('the bot while Redis is away', () => {
  it('answers normally, then politely while Redis is down, then normally again by itself', async () => {
    const before = await say('kan jeg søke?');
    expect(before).toContain('Innovasjonsmidler 2023');

    await redis.stop();
    const during = await say('kan jeg søke?');
    expect(during).toContain('Prøv igjen om et øyeblikk');
    expect(during).not.toContain('Innovasjonsmidler 2023');
    expect((await fetch(`http://127.0.0.1:${host.port}/readyz`)).status).toBe(503);

    await redis.start();
    await eventually(async () => (await fetch(`http://127.0.0.1:${host.port}/readyz`)).status === 200);
    const after = await say('kan jeg søke?');
    expect(after).toContain('Innovasjonsmidler 2023');
    expect(after).not.toContain('Prøv igjen om et øyeblikk');
  });
});
