import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs } from '../../faults/cases/bad-input.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13, bounded input: the fault suite's bad-input set (seeded, the same every run: random
 * Unicode, control characters, text far over MAX_TEXT_CHARS, deep JSON, malformed bodies) over real
 * HTTP. Every request gets an answer below 500 and the host keeps serving.
 */
let app: App;
let capture: BotConnectorCapture;
let port = 0;

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  const clock = fixedClock('2022-10-06T07:00:00Z');
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store: createMemoryStore({ clock }),
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
});
afterAll(async () => {
  await app.close();
  await capture.close();
});

describe('bad input over HTTP', () => {
  it('answers every request of the set below 500, and the host lives on', { timeout: 120_000 }, async () => {
    const answered: string[] = [];
    for (const input of badInputs(capture.serviceUrl)) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input.body,
      }).then(
        (r) => r.status,
        () => 0,
      );
      answered.push(`${input.name}: ${res < 100 || res >= 500 ? `FAILED ${res}` : 'ok'}`);
    }
    expect(answered.filter((a) => a.includes('FAILED'))).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    capture.reset();
    expect((await postActivity(port, personalMessage(capture.serviceUrl, 'hjelp'))).status).toBe(200);
    expect(capture.posted()).toHaveLength(1);
  });

  it('answers text over MAX_TEXT_CHARS that it is too long, having read none of it', async () => {
    capture.reset();
    const res = await postActivity(port, personalMessage(capture.serviceUrl, 'ny søknad '.repeat(500)));
    expect(res.status).toBe(200);
    expect(JSON.stringify(capture.posted()[0]?.body)).toContain('for lang for meg (over 4000 tegn)');
  });
});
