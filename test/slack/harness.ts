import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { SlackAdapter } from '../../adapters/slack/adapter.ts';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound, TurnResult } from '../../src/bot/messages.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { type Clock, fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { SlackCapture } from '../support/slack-capture.ts';
import { SIGNING_SECRET } from '../support/slack-fixtures.ts';

export const NOW = new Date('2023-09-04T08:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

const quiet = () =>
  createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

export interface SlackHost {
  app: App;
  port: number;
  store: Store;
  slack: SlackAdapter;
  catalog: Catalog;
  /** Waits for work that went on after the ack. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface HostOptions {
  capture: SlackCapture;
  redisUrl: string;
  /** Shared by replicas: two hosts with one prefix see one Redis state. */
  prefix?: string;
  engine?: Engine;
  clock?: Clock;
  ackTimeoutMs?: number;
}

let catalog: Catalog | undefined;

/** The real host (createApp) with Slack mounted, a real Redis store, and the Web API at the capture. */
export async function startSlackHost(options: HostOptions): Promise<SlackHost> {
  catalog ??= loadCatalog('calls');
  const clock = options.clock ?? fixedClock(NOW);
  const store = createRedisStore({
    url: options.redisUrl,
    prefix: options.prefix ?? `test-slack-${randomUUID()}:`,
  });
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog,
    clock,
    log: quiet(),
    ...(options.engine ? { engine: options.engine } : {}),
    platforms: [
      slackPlatform(
        {
          enabled: true,
          socketMode: false,
          botToken: 'xoxb-test-token',
          signingSecret: SIGNING_SECRET,
          apiUrl: options.capture.apiUrl,
        },
        { catalog, ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }) },
      ),
    ],
  });
  const port = await app.listen(0);
  // The adapter looks the bot up once at start; that call is not the test's.
  await options.capture.waitFor('auth.test');
  const slack = app.adapters.find((a) => a.platform === 'slack') as SlackAdapter | undefined;
  if (!slack) throw new Error('Slack adapter not mounted');
  return {
    app,
    port,
    store,
    slack,
    catalog,
    idle: () => slack.idle(),
    close: () => app.close(),
  };
}

/** An engine that answers from a script: for adapter paths the real dialogs do not reach yet. */
export function scriptedEngine(
  script: (event: Inbound) => Outbound[] | Promise<Outbound[]>,
): Engine & { seen: Inbound[] } {
  const seen: Inbound[] = [];
  return {
    seen,
    async handle(event: Inbound): Promise<TurnResult> {
      seen.push(event);
      return { replies: await script(event), notify: [] };
    },
  };
}

/** Every text object in a block tree, to check Slack's per-text limits. */
export function textsOf(
  node: unknown,
  into: { type: string; text: string }[] = [],
): { type: string; text: string }[] {
  if (Array.isArray(node)) {
    for (const n of node) textsOf(n, into);
  } else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string')
      into.push({ type: o.type, text: o.text });
    for (const v of Object.values(o)) textsOf(v, into);
  }
  return into;
}
