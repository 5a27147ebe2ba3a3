import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { runCli } from '../../src/cli/main.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { removeTempDirs } from '../calls/support.ts';
import { callsDirWithThisYear, reviewedDraft } from '../support/calls-dirs.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { CHANNEL, slackConfig } from '../support/slack-fixtures.ts';

/**
 * Issue 19's done-when, end to end: next year's innovation call is drafted from its new text, the
 * flags resolved, the file moved into the running hosts' calls/; they load it without a restart and
 * the Slack channel that follows the series is told once, through the local Slack Web API.
 */

// A clock that runs, a year before the fixture's deadline: the senders' rate windows wait on it.
const started = Date.now();
const clock = () => new Date(Date.parse('2023-09-04T08:00:00Z') + Date.now() - started);
const CHANNEL_KEY = `slack:${CHANNEL}`;
const quiet = () =>
  createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

let slack: SlackCapture;
const apps: App[] = [];
beforeAll(async () => {
  slack = await startSlackCapture();
});
afterAll(async () => {
  await slack.close();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  slack.reset();
  removeTempDirs();
});

/** One replica: the real host on `dir`, Slack at the capture, reminders on with a quick loop. */
async function replica(dir: string, prefix: string): Promise<App> {
  const app = createApp({
    config: {
      port: 0,
      nodeEnv: 'test',
      teams: {},
      callsDir: dir,
      reminders: { enabled: true, loop: { intervalMs: 50 } },
    },
    // A busy machine may take a moment to connect: wait for Redis rather than fail the first write.
    store: createRedisStore({ url: inject('redisUrl'), prefix, readyWaitMs: 5000 }),
    clock,
    log: quiet(),
    platforms: [slackPlatform(slackConfig(slack.apiUrl))],
  });
  apps.push(app);
  await app.listen(0);
  return app;
}

async function subscribe(store: Store, extra: { seriesOptOut?: string[] } = {}): Promise<void> {
  await store.putSubscription({
    conversationKey: CHANNEL_KEY,
    platform: 'slack',
    callIds: ['innovasjon-2023'],
    daysBefore: [14, 7, 2, 0],
    timeOfDay: '09:00',
    paused: false,
    updatedAt: '2022-09-01T08:00:00.000Z',
    updatedBy: 'U0ADVISER',
    ...extra,
  });
}

/** calls/ with this year's calls, and next year's innovation call drafted and reviewed beside it. */
async function nextYearsCall(): Promise<{ dir: string; draft: string }> {
  const dir = callsDirWithThisYear();
  const { file, text } = await reviewedDraft(dir);
  writeFileSync(file, text);
  expect((await runCli(['calls', 'check', file])).exitCode).toBe(0);
  return { dir, draft: readFileSync(file, 'utf8') };
}

const announcements = () =>
  slack.of('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('Ny utlysning'));

/** Lets the replicas' loops run a few more ticks (a second post would show by then). */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('a new call of a series, announced', () => {
  it('is loaded by the running replicas and posted once to the channel that follows the series, which is subscribed to it', async () => {
    const { dir, draft } = await nextYearsCall();
    const prefix = `t-series-${randomUUID()}:`;
    const a = await replica(dir, prefix);
    const b = await replica(dir, prefix);
    await subscribe(a.store);

    writeFileSync(join(dir, 'innovasjon-2024.yaml'), draft);
    expect((await a.reloadCalls('test')).status).toBe('loaded');
    expect((await b.reloadCalls('test')).status).toBe('loaded');
    const [posted] = await slack.waitFor('chat.postMessage');
    await settle();
    expect(announcements()).toHaveLength(1);
    const body = JSON.stringify(posted?.args);
    expect(body).toContain('Ny utlysning: Innovasjonsmidler 2024');
    expect(body).toContain('19. oktober 2023');
    expect(body).toContain(
      'Søknadsfrist: flyttet fra 20. oktober 2022 kl. 15.00 til 19. oktober 2023 kl. 12.00',
    );
    expect(body).toContain('Produktinnovasjon: taket er hevet fra 750 000 kr til 800 000 kr');
    expect(posted?.args.channel).toBe(CHANNEL);
    expect((await a.store.getSubscription(CHANNEL_KEY))?.callIds).toEqual([
      'innovasjon-2023',
      'innovasjon-2024',
    ]);

    // A restart loads the call with the rest: nothing is announced again.
    const c = await replica(dir, prefix);
    expect(c.catalog.get('innovasjon-2024')).toBeDefined();
    await settle();
    expect(announcements()).toHaveLength(1);
  });

  it('leaves a channel that opted out of the series alone', async () => {
    const { dir, draft } = await nextYearsCall();
    const a = await replica(dir, `t-series-${randomUUID()}:`);
    await subscribe(a.store, { seriesOptOut: ['innovasjonsmidler'] });
    writeFileSync(join(dir, 'innovasjon-2024.yaml'), draft);
    expect((await a.reloadCalls('test')).status).toBe('loaded');
    await settle();
    expect(announcements()).toHaveLength(0);
    expect((await a.store.getSubscription(CHANNEL_KEY))?.callIds).toEqual(['innovasjon-2023']);
  });
});
