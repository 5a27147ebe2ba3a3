import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore, type RedisStore } from '../../src/store/redis-store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 3: while Redis is stopped the bot keeps answering with a polite "try again in a moment",
 * and it recovers by itself when Redis returns. Driven through the real host and a Teams message,
 * against a redis-server this test owns and stops.
 */
let redis: TestRedis;
let store: RedisStore;
let app: App;
let capture: BotConnectorCapture;
let port = 0;

async function say(text: string): Promise<string> {
  capture.reset();
  const res = await postActivity(port, personalMessage(capture.serviceUrl, text));
  expect(res.status).toBe(200);
  return JSON.stringify(capture.posted().map((p) => p.body));
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not recover');
}

beforeAll(async () => {
  redis = await startRedis();
  capture = await startBotConnectorCapture();
  store = createRedisStore({
    url: redis.url,
    prefix: `outage:${randomUUID().slice(0, 8)}:`,
    readyWaitMs: 200,
    commandTimeoutMs: 1000,
    maxReconnectDelayMs: 100,
  });
  const clock = fixedClock('2022-10-01T08:00:00Z');
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
  await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200);
});

afterAll(async () => {
  await app.close();
  await capture.close();
  await redis.stop();
});

describe('the bot while Redis is away', () => {
  it('answers normally, then politely while Redis is down, then normally again by itself', async () => {
    const before = await say('kan jeg søke?');
    expect(before).toContain('Innovasjonsmidler 2023');

    await redis.stop();
    const during = await say('kan jeg søke?');
    expect(during).toContain('Prøv igjen om et øyeblikk');
    expect(during).not.toContain('Innovasjonsmidler 2023');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);

    await redis.start();
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200);
    const after = await say('kan jeg søke?');
    expect(after).toContain('Innovasjonsmidler 2023');
    expect(after).not.toContain('Prøv igjen om et øyeblikk');
  });
});
