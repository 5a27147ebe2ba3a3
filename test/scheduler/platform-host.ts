import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import type { SlackAdapter } from '../../adapters/slack/adapter.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { createReminderLoop, type ReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { createReminderPlanner, type ReminderPlanner } from '../../src/scheduler/reminder-planner.ts';
import { type App, createApp, type HostConfig } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { deletePrefix } from '../store/redis-harness.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { slackConfig } from '../support/slack-fixtures.ts';
import { cardInvoke, cardOf, channelMessage, postActivity, teamInstall } from '../support/teams-fixtures.ts';
import { collectingLog, type TestClock, testClock } from './support.ts';

let catalog: Catalog | undefined;

export interface PlatformHost {
  app: App;
  port: number;
  clock: TestClock;
  teams: BotConnectorCapture;
  slack: SlackCapture;
  slackAdapter: SlackAdapter;
  planner: ReminderPlanner;
  /** A delivery loop on the host's real senders (the adapters'), driven by hand with `tickOnce`. */
  loop(owner?: string): ReminderLoop;
  logs: ReturnType<typeof collectingLog>['lines'];
  close(): Promise<void>;
}

/**
 * The real host (createApp) with Teams in dev mode against a local Bot Connector and Slack against a
 * local Web API, a real Redis under its own prefix, and one injected clock for the host, the
 * captures (timestamps), the Teams sender's waits and the reminder loops. Nothing waits on wall time.
 */
export async function startPlatformHost(
  redisUrl: string,
  start: string,
  /** More host settings (reminders on with their own loops, a movable clock). */
  extra: Partial<HostConfig> = {},
): Promise<PlatformHost> {
  catalog ??= loadCatalog('calls');
  const clock = testClock(start);
  const teams = await startBotConnectorCapture({ now: clock.now });
  const slack = await startSlackCapture({ now: clock.now });
  const prefix = `test:delivery:${randomUUID().slice(0, 8)}:`;
  const store = createRedisStore({ url: redisUrl, prefix, readyWaitMs: 5000 });
  const app = createApp({
    config: {
      port: 0,
      nodeEnv: 'test',
      teams: {},
      slack: slackConfig(slack.apiUrl),
      ...extra,
    },
    store,
    catalog,
    clock: clock.clock,
    log: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    // The Teams sender's Retry-After and rate-gate waits move the test clock instead of sleeping.
    sleep: async (ms) => clock.advance(ms),
  });
  const port = await app.listen(0);
  const slackAdapter = app.adapters.find((a) => a.platform === 'slack') as SlackAdapter | undefined;
  if (!slackAdapter) throw new Error('Slack adapter not mounted');
  const { log, lines } = collectingLog();
  const planner = createReminderPlanner({ store, catalog, clock: clock.clock, log });
  return {
    app,
    port,
    clock,
    teams,
    slack,
    slackAdapter,
    planner,
    logs: lines,
    loop: (owner = 'replica-1') =>
      createReminderLoop({
        store,
        senders: [...app.senders.values()],
        catalog: app.catalog,
        clock: clock.clock,
        owner,
        leaseMs: 60_000,
        batch: 50,
        log,
      }),
    async close() {
      await app.close();
      await teams.close();
      await slack.close();
      const admin = new Redis(redisUrl);
      await deletePrefix(admin, prefix);
      await admin.quit();
    },
  };
}

/** The largest number of timestamps in any window of `windowMs` (sliding, inclusive start). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** An Adaptive Card action as the bot renders it. */
export type CardAction = { type: string; verb?: string; title?: string; data?: Record<string, unknown> };

/** The card's action with this verb; fails the test when there is none. */
export function actionOf(
  card: { actions?: Record<string, unknown>[] } | undefined,
  verb: string,
): CardAction {
  const action = (card?.actions as CardAction[] | undefined)?.find((a) => a.verb === verb);
  if (!action) throw new Error(`no ${verb} on the card`);
  return action;
}

/**
 * Adds the bot to the team (which stores the channel's conversation reference) and subscribes the
 * channel to a call, as a channel member does in chat: "påminnelser", then the card's buttons.
 */
export async function subscribeTeamsChannel(h: PlatformHost, callId: string): Promise<void> {
  expect((await postActivity(h.port, teamInstall(h.teams.serviceUrl))).status).toBe(200);
  const thread = channelMessage(h.teams.serviceUrl, 'påminnelser');
  expect((await postActivity(h.port, thread)).status).toBe(200);
  // A card click from the channel thread the message started (Teams sends the channel's conversation).
  const press = (action: CardAction, inputs = {}) =>
    postActivity(h.port, {
      ...cardInvoke(h.teams.serviceUrl, action.verb ?? '', action.data ?? {}, inputs, '1:0'),
      conversation: thread.conversation,
      channelData: thread.channelData,
    });
  const overview = cardOf(h.teams.posted().at(-1)?.body ?? {});
  const choose = await press(actionOf(overview, 'reminders.choose'));
  const form = (choose.body as { value: { actions?: Record<string, unknown>[] } }).value;
  const saved = await press(actionOf(form, 'reminders.save-calls'), { calls: callId });
  expect(JSON.stringify(saved.body)).toContain('Status');
}
