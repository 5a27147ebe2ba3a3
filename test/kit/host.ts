import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { SlackAdapter } from '../../adapters/slack/adapter.ts';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { type Clock, fixedClock } from '../../src/domain/clock.ts';
import { type App, type CreateAppOptions, createApp, type HostConfig } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import {
  type BotConnectorCapture,
  type CaptureOptions,
  startBotConnectorCapture,
} from '../support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { NOW, slackConfig } from '../support/slack-fixtures.ts';

/**
 * The real host (createApp) as every end-to-end test starts it: Teams on (unauthenticated, as in
 * local development), Slack mounted when a capture is given (signed requests, Web API at the
 * capture), a real Redis under a prefix of its own, and a clock the test moves. The one place a
 * test host is set up.
 */

let catalog: Catalog | undefined;
/** The real call files under calls/, loaded once per test file. */
export function realCatalog(): Catalog {
  catalog ??= loadCatalog('calls');
  return catalog;
}

/** A clock the test moves: the host, the adapters and the signed Slack timestamps all read it. */
export interface MovableClock {
  clock: Clock;
  set(at: string | Date): void;
  /** Moves the clock on (waits for a free rate window pass in test time). */
  advance(ms: number): Promise<void>;
  seconds(): number;
}

export function movableClock(at: string | Date): MovableClock {
  let now = new Date(at);
  return {
    clock: () => now,
    set: (next) => {
      now = new Date(next);
    },
    advance: async (ms) => {
      now = new Date(now.getTime() + ms);
    },
    seconds: () => Math.floor(now.getTime() / 1000),
  };
}

/** A clock the test does not move by hand (fixed, or following real time): waits really wait. */
function ownClock(clock: Clock): MovableClock {
  return {
    clock,
    set: () => {
      throw new Error('this host runs on a clock of the test’s own');
    },
    advance: (ms) => sleep(ms),
    seconds: () => Math.floor(clock().getTime() / 1000),
  };
}

export const quietLog = () =>
  createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

/** A logger that keeps its lines, for tests that read what the host logged. */
export function linesLog(lines: string[], level: 'debug' | 'info' | 'warn' = 'info'): Logger {
  return createLogger({
    level,
    destination: new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  });
}

/**
 * The app built from `config` and not listening, on the embedded store: for what createApp decides
 * from its configuration alone (which platforms start, what production refuses).
 */
export function configuredApp(config: HostConfig): App {
  return createApp({ config, store: createMemoryStore(), catalog: realCatalog(), log: quietLog() });
}

/** A Redis store of its own for one test (or one replica group, with a shared prefix). */
export function redisStore(prefix = `t-${randomUUID()}:`): Store {
  return createRedisStore({ url: inject('redisUrl'), prefix });
}

export type HostSettings = Pick<HostConfig, 'trustQualityChiefs' | 'showPriorityRank' | 'reminders'>;

export interface HostOptions {
  /** A clock the test moves, or one of its own (fixed, or following real time; waits really wait). */
  clock?: MovableClock | Clock;
  at?: string | Date;
  /** Slack's Web API at this capture; without it Slack is off. */
  slack?: SlackCapture;
  /** Shared by replicas: two hosts on one prefix see one Redis state. `memory` for the embedded store. */
  prefix?: string | 'memory';
  settings?: HostSettings;
  /** Host configuration beyond the defaults (port 0, NODE_ENV test, Teams unauthenticated). */
  config?: Partial<HostConfig>;
  /** The store the host and the test share, made by the test (seeded before the host starts). */
  store?: Store;
  /** Default: a quiet logger (warnings, thrown away). */
  log?: Logger;
  engine?: Engine;
  ackTimeoutMs?: number;
  /** Anything else createApp takes (a reminder loop, a sleep). */
  app?: Partial<Omit<CreateAppOptions, 'config' | 'store' | 'catalog' | 'clock' | 'log'>>;
}

export interface Host {
  app: App;
  port: number;
  /** A second client on the host's Redis state, for the test's seeds and reads. */
  store: Store;
  prefix: string;
  time: MovableClock;
  catalog: Catalog;
  slack: SlackAdapter | undefined;
  /** Waits for Slack work that went on after its ack. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const given = options.clock;
  const time =
    typeof given === 'function' ? ownClock(given) : (given ?? movableClock(options.at ?? new Date()));
  const prefix = options.prefix ?? `t-host-${randomUUID()}:`;
  const shared =
    options.store ?? (prefix === 'memory' ? createMemoryStore({ clock: time.clock }) : undefined);
  const calls = realCatalog();
  const capture = options.slack;
  const app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {}, ...options.config, ...options.settings },
    store: shared ?? redisStore(prefix),
    catalog: calls,
    clock: time.clock,
    log: options.log ?? quietLog(),
    ...(options.engine ? { engine: options.engine } : {}),
    ...options.app,
    platforms: [
      ...(options.app?.platforms ?? []),
      ...(capture
        ? [
            slackPlatform(slackConfig(capture.apiUrl), {
              catalog: calls,
              sender: { sleep: time.advance },
              ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
            }),
          ]
        : []),
    ],
  });
  const port = await app.listen(0);
  const slack = app.adapters.find((a) => a.platform === 'slack') as SlackAdapter | undefined;
  const store = shared ?? redisStore(prefix);
  return {
    app,
    port,
    store,
    prefix,
    time,
    catalog: calls,
    slack,
    idle: async () => {
      await slack?.idle();
    },
    async close() {
      await app.close();
      if (!shared) await store.close();
    },
  };
}

/** One host for a whole file and the capture it sends to; read its fields inside tests. */
export interface FileHost<C> {
  readonly host: Host;
  readonly app: App;
  readonly port: number;
  readonly store: Store;
  readonly slack: SlackAdapter | undefined;
  readonly capture: C;
  /** Waits for Slack work that went on after its ack. */
  idle(): Promise<void>;
}
export type TeamsHost = FileHost<BotConnectorCapture>;
/** A started host with Slack mounted. */
export type SlackHost = Host & { slack: SlackAdapter };
export type SlackFileHost = FileHost<SlackCapture> & { readonly slack: SlackAdapter };

interface Capture {
  reset(): void;
  close(): Promise<void>;
}
type OptionsFor<C> = (capture: C) => HostOptions | Promise<HostOptions>;
export interface FileHostOptions {
  /** Empty the capture before each test (default true). */
  resetEach?: boolean;
}

/** Registers the hooks: the capture and the host started once per file, both closed after. */
function useFileHost<C extends Capture>(
  open: () => Promise<C>,
  options: OptionsFor<C>,
  { resetEach = true }: FileHostOptions,
  started: (capture: C, host: Host) => Promise<unknown> = async () => {},
): FileHost<C> {
  let host: Host | undefined;
  let capture: C | undefined;
  beforeAll(async () => {
    capture = await open();
    host = await startHost({ prefix: 'memory', ...(await options(capture)) });
    await started(capture, host);
  });
  afterAll(async () => {
    await host?.close();
    await capture?.close();
  });
  if (resetEach) beforeEach(() => capture?.reset());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the host starts in beforeAll; read it inside a test');
    return value;
  };
  return {
    get host() {
      return ready(host);
    },
    get app() {
      return ready(host).app;
    },
    get port() {
      return ready(host).port;
    },
    get store() {
      return ready(host).store;
    },
    get slack() {
      return ready(host).slack;
    },
    get capture() {
      return ready(capture);
    },
    idle: () => ready(host).idle(),
  };
}

/**
 * The host for a file of Teams protocol tests, which send their own activities (a forged token, a
 * malformed body): the Bot Connector captured, the host started once with `options` (which may read
 * the capture, e.g. its login URL; default the embedded store), the capture emptied before each test.
 */
export function useTeamsHost(
  options: OptionsFor<BotConnectorCapture> = () => ({}),
  { now, ...rest }: FileHostOptions & CaptureOptions = {},
): TeamsHost {
  return useFileHost(() => startBotConnectorCapture(now ? { now } : {}), options, rest);
}

/** The host with Slack mounted at `capture`, once its start-up look-up (auth.test) is done. */
export async function startSlackHost(capture: SlackCapture, options: HostOptions = {}): Promise<SlackHost> {
  const host = await startHost({ ...options, slack: capture });
  // The adapter looks the bot up once at start; that call is not the test's.
  await capture.waitFor('auth.test');
  const slack = host.slack;
  if (!slack) throw new Error('Slack adapter not mounted');
  return { ...host, slack };
}

/**
 * The host for a file of Slack protocol tests, which sign their own requests: the Web API captured,
 * Slack mounted on the host (a real Redis unless `options` says otherwise), the capture emptied
 * before each test unless `resetEach` is false.
 */
export function useSlackHost(
  options: OptionsFor<SlackCapture> = () => ({}),
  settings: FileHostOptions = {},
): SlackFileHost {
  return useFileHost(
    () => startSlackCapture(),
    async (capture) => ({
      prefix: `t-slack-${randomUUID()}:`,
      clock: fixedClock(NOW),
      ...(await options(capture)),
      slack: capture,
    }),
    settings,
    (capture) => capture.waitFor('auth.test'),
  ) as SlackFileHost;
}
