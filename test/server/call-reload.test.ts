import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { mutatedCall, removeTempDirs, writeCall } from '../calls/support.ts';
import { callsDirWithThisYear, reviewedDraft } from '../support/calls-dirs.ts';

const clock = fixedClock('2023-09-04T08:00:00Z');

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  removeTempDirs();
});

/** A host on a temp calls/ with this year's two calls, its log lines kept for the test. */
async function startOn(dir: string) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _e, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    }),
  });
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {}, callsDir: dir, callsWatch: true },
    store: createRedisStore({
      url: inject('redisUrl'),
      prefix: `t-reload-${randomUUID()}:`,
      readyWaitMs: 5000,
    }),
    clock,
    log,
  });
  const base = `http://127.0.0.1:${await app.listen(0)}`;
  const ready = async () =>
    (await (await fetch(`${base}/readyz`)).json()) as {
      calls: string[];
      versions: { id: string; version: string }[];
    };
  return { app, lines, ready };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live reload of the call files', () => {
  it('loads a published draft without a restart, and /readyz lists the calls and their versions', async () => {
    const dir = callsDirWithThisYear();
    const host = await startOn(dir);
    const before = await host.ready();
    expect(before.calls).toEqual(['innovasjon-2023', 'pasientsikkerhet-2023-2024']);
    expect(before.versions.map((v) => v.id)).toEqual(before.calls);
    expect(before.versions[0]?.version).toMatch(/^[0-9a-f]{12}$/);

    const draft = (await reviewedDraft(dir)).text;
    writeFileSync(join(dir, 'innovasjon-2024.yaml'), draft);
    const after = await until(host.ready, (r) => r.calls.includes('innovasjon-2024'));
    expect(after.calls).toEqual(['innovasjon-2023', 'innovasjon-2024', 'pasientsikkerhet-2023-2024']);
    expect(host.app.catalog.get('innovasjon-2024')?.categories[0]?.maxAmount).toBe(800000);
    expect(host.lines.some((l) => l.msg === 'call files reloaded')).toBe(true);
  });

  it('refuses a broken set, logs why and keeps the loaded calls', async () => {
    const dir = callsDirWithThisYear();
    const host = await startOn(dir);
    const before = await host.ready();
    writeCall(
      dir,
      'innovasjon-2024',
      mutatedCall('innovasjon-2023', (d) => d.setIn(['questions', 3, 'rule'], 'no-such-rule')),
    );
    const result = await host.app.reloadCalls('test');
    expect(result.status).toBe('refused');
    expect(await host.ready()).toEqual(before);
    const refused = host.lines.find((l) =>
      String(l.msg).startsWith('call files refused; the loaded calls stay'),
    );
    expect(String(refused?.msg)).toContain('unknown rule "no-such-rule"');
  });

  it('a changed call gets a new version; the same files again change nothing', async () => {
    const dir = callsDirWithThisYear();
    const host = await startOn(dir);
    expect((await host.app.reloadCalls('test')).status).toBe('unchanged');
    const before = await host.ready();
    writeCall(
      dir,
      'innovasjon-2023',
      mutatedCall('innovasjon-2023', (d) => d.setIn(['contact', 'en'], 'Ask the research office.')),
    );
    const result = await host.app.reloadCalls('test');
    expect(result.status).toBe('loaded');
    const after = await host.ready();
    expect(after.versions[0]?.version).not.toBe(before.versions[0]?.version);
    expect(after.versions[1]).toEqual(before.versions[1]);
  });
});
