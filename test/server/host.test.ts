import { request } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine-port.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { createCatalog } from '../../src/domain/catalog.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { useTeamsHost } from '../kit/index.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

const clock = fixedClock('2023-09-04T08:00:00Z');
const quiet = () =>
  createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

/** An engine that fails on "boom" and echoes otherwise: the error boundary is the subject here. */
const flaky: Engine = {
  async handle(event) {
    if (event.text === 'boom') throw new Error('dialog exploded');
    return { replies: [{ kind: 'text', text: `ok: ${event.text ?? ''}` }], notify: [] };
  },
};

const host = useTeamsHost(() => ({ clock, engine: flaky, config: { bodyLimitBytes: 64 * 1024 } }), {
  resetEach: false,
});
const origin = () => `http://127.0.0.1:${host.port}`;

describe('HTTP host', () => {
  it('answers 400 for malformed JSON and for JSON that is not an activity', async () => {
    const bad = await fetch(`${origin()}/api/messages`, {
      method: 'POST',
      body: '{"type": "message",',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    const notActivity = await fetch(`${origin()}/api/messages`, {
      method: 'POST',
      body: '{"hello":"world"}',
    });
    expect(notActivity.status).toBe(400);
    const array = await fetch(`${origin()}/api/messages`, { method: 'POST', body: '[1,2]' });
    expect(array.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const big = JSON.stringify({
      ...personalMessage(host.capture.serviceUrl, 'x'),
      text: 'x'.repeat(100 * 1024),
    });
    const res = await fetch(`${origin()}/api/messages`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(host.capture.requests).toHaveLength(0);
  });

  it('answers 413 for a chunked body that grows over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${origin()}/api/messages`,
        { method: 'POST', headers: { 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(16 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('answers 404 for unknown routes and 405 for a wrong method', async () => {
    expect((await fetch(`${origin()}/nope`)).status).toBe(404);
    const wrong = await fetch(`${origin()}/api/messages`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('gives every response a request id', async () => {
    const res = await fetch(`${origin()}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const generated = await fetch(`${origin()}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces and {braces}' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a failing turn politely and keeps serving', async () => {
    const failed = await postActivity(port(), personalMessage(host.capture.serviceUrl, 'boom'));
    expect(failed.status).toBe(200);
    expect(String(host.capture.posted().at(-1)?.body.text)).toMatch(/noe gikk galt/i);
    const next = await postActivity(port(), personalMessage(host.capture.serviceUrl, 'hei'));
    expect(next.status).toBe(200);
    expect(host.capture.posted().at(-1)?.body.text).toBe('ok: hei');
    expect(await host.app.metrics.turnErrors.get({ platform: 'teams' })).toBe(1);
  });

  it('serves /healthz and /readyz, and no /metrics on this port without METRICS_TOKEN', async () => {
    expect((await fetch(`${origin()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      calls: ['innovasjon-2023', 'pasientsikkerhet-2023-2024'],
    });
    // The series are served on the metrics listener or behind a token (test/server/metrics.test.ts).
    expect((await fetch(`${origin()}/metrics`)).status).toBe(404);
  });
});

const port = () => host.port;

describe('readiness', () => {
  it('is 503 with reasons when the store is unreachable and no calls are loaded', async () => {
    const down = createApp({
      config: { port: 0, nodeEnv: 'test', teams: {} },
      store: createRedisStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200, connectTimeoutMs: 200 }),
      catalog: createCatalog([]),
      engine: flaky,
      log: quiet(),
    });
    const p = await down.listen(0);
    try {
      const res = await fetch(`http://127.0.0.1:${p}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'not-ready',
        reasons: ['store unreachable', 'no calls loaded'],
      });
      expect(await down.metrics.redisErrors.get()).toBe(1);
    } finally {
      await down.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes the turn in flight, refuses new connections, stops the loop and closes the store', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inTurn = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slow: Engine = {
      async handle() {
        entered();
        await gate;
        return { replies: [{ kind: 'text', text: 'finished' }], notify: [] };
      },
    };
    const events: string[] = [];
    const store = createMemoryStore({ clock });
    const originalClose = store.close.bind(store);
    store.close = async () => {
      events.push('store closed');
      await originalClose();
    };
    const shutdownApp = createApp({
      config: { port: 0, nodeEnv: 'test', teams: {}, shutdownGraceMs: 5_000 },
      store,
      catalog: loadCatalog('calls'),
      clock,
      engine: slow,
      log: quiet(),
      background: [{ stop: async () => void events.push('loop stopped') }],
    });
    const p = await shutdownApp.listen(0);
    const inFlight = postActivity(p, personalMessage(host.capture.serviceUrl, 'slow'));
    await inTurn;
    const closed = shutdownApp.close().then(() => events.push('closed'));
    await expect(fetch(`http://127.0.0.1:${p}/healthz`)).rejects.toThrow();
    expect(events).toEqual([]);
    release();
    expect((await inFlight).status).toBe(200);
    await closed;
    expect(events).toEqual(['loop stopped', 'store closed', 'closed']);
    expect(host.capture.posted().at(-1)?.body.text).toBe('finished');
  });
});
