import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { createSlackAdapter } from '../../adapters/slack/adapter.ts';
import type { TeamsAuthSettings } from '../../adapters/teams/auth.ts';
import type { Sleep } from '../../adapters/teams/rate-limit.ts';
import { createTeamsAdapter, type TeamsAdapter } from '../../adapters/teams/teams-adapter.ts';
import type { DialogSettings } from '../bot/dialog.ts';
import { createEngine } from '../bot/engine.ts';
import type { Engine, TurnRunner } from '../bot/engine-port.ts';
import type { Sender } from '../bot/ports.ts';
import { loadCatalog } from '../calls/load.ts';
import type { Platform } from '../domain/application.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import { MidlerError } from '../domain/errors.ts';
import { createReminderLoop } from '../scheduler/reminder-loop.ts';
import { createReminderPlanner } from '../scheduler/reminder-planner.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { createRedisStore } from '../store/redis-store.ts';
import type { Store } from '../store/store.ts';
import { checkQualityChiefs, engineConfigOf } from './engine-settings.ts';
import { healthRoutes } from './health-routes.ts';
import { createHttpHost, type HttpHost } from './http-host.ts';
import type { PlatformAdapter, Route } from './http-types.ts';
import { reminderQueueLevel, timedRoutes, timedSender } from './instrument.ts';
import { legalRoutes } from './legal-pages.ts';
import { createLogger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { publicMetricsRoutes } from './metrics-routes.ts';
import {
  NO_PLATFORM_MESSAGE,
  type PlatformStatus,
  platformStatus,
  teamsDisabledRoutes,
} from './platforms.ts';
import { createTurnRunner } from './turn-runner.ts';

/** What the host needs from configuration (a subset of loadConfig()'s result). */
export interface HostConfig {
  port: number;
  /** Bind address; absent: every interface. */
  host?: string;
  /** With a token, /metrics is also served on the bot's port to `Authorization: Bearer <token>`. */
  metrics?: { token?: string };
  nodeEnv: string;
  logLevel?: string;
  redisUrl?: string;
  redisPrefix?: string;
  redisMode?: 'single' | 'sentinel' | 'cluster';
  callsDir?: string;
  dialogTtlSeconds?: number;
  bodyLimitBytes?: number;
  shutdownGraceMs?: number;
  teams: TeamsAuthSettings;
  slack?: {
    enabled: boolean;
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    socketMode: boolean;
    apiUrl?: string;
  };
  reminders?: { enabled: boolean; admins?: DialogSettings['reminderAdmins'] };
  trustQualityChiefs?: DialogSettings['trustQualityChiefs'];
  showPriorityRank?: boolean;
}

/** A loop that runs beside the host (reminder planner and delivery). */
export interface Background {
  start?(): void;
  stop(): Promise<void>;
}

/** Everything a platform adapter factory may use (the Slack adapter plugs in through this). */
export interface PlatformDeps {
  store: Store;
  catalog: Catalog;
  runTurn: TurnRunner;
  clock: Clock;
  log: Logger;
  production: boolean;
}

export interface CreateAppOptions {
  config: HostConfig;
  store?: Store;
  catalog?: Catalog;
  clock?: Clock;
  log?: Logger;
  engine?: Engine;
  /** Waits between proactive retries and rate-limit slots; tests pass one that moves their clock. */
  sleep?: Sleep;
  /** Further platforms (Slack), mounted on the same host. */
  platforms?: ((deps: PlatformDeps) => PlatformAdapter | undefined)[];
  /** Further loops beside the reminder loop; started after listen, stopped on shutdown. */
  background?: (
    | Background
    | ((deps: PlatformDeps & { senders: ReadonlyMap<Platform, Sender> }) => Background)
  )[];
}

export interface App {
  readonly host: HttpHost;
  readonly store: Store;
  readonly catalog: Catalog;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly runTurn: TurnRunner;
  readonly adapters: readonly PlatformAdapter[];
  /** Absent when Teams is off (production without MicrosoftAppId). */
  readonly teams: TeamsAdapter | undefined;
  /** Which platforms are on and why, for the start-up log. */
  readonly platforms: PlatformStatus;
  /** The routes served, as "METHOD /path" (a disabled platform's placeholder is not listed). */
  readonly routes: readonly string[];
  readonly senders: ReadonlyMap<Platform, Sender>;
  /** Which store backs the bot, for the start-up log. */
  readonly storeKind: 'redis' | 'memory' | 'injected';
  /** What the operator should know about the set-up; main.ts logs them after the start-up summary. */
  readonly warnings: readonly { msg: string; details: Record<string, unknown> }[];
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, drains turns, stops loops and adapters, closes the store; bounded by the grace period. */
  close(): Promise<void>;
}

export function createApp(options: CreateAppOptions): App {
  const { config } = options;
  const production = config.nodeEnv === 'production';
  const clock: Clock = options.clock ?? (() => new Date());
  const log =
    options.log ??
    createLogger({ level: config.logLevel ?? 'info', pretty: config.nodeEnv === 'development' });
  const metrics = createMetrics();

  let storeKind: App['storeKind'] = 'injected';
  let store = options.store;
  if (!store) {
    if (config.redisUrl) {
      store = createRedisStore({
        url: config.redisUrl,
        ...(config.redisPrefix ? { prefix: config.redisPrefix } : {}),
        ...(config.redisMode ? { mode: config.redisMode } : {}),
      });
      storeKind = 'redis';
    } else if (production) {
      throw new MidlerError('config.invalid', 'REDIS_URL is required in production');
    } else {
      store = createMemoryStore({ clock });
      storeKind = 'memory';
    }
  }
  const catalog = options.catalog ?? loadCatalog(config.callsDir ?? 'calls');
  const warnings: App['warnings'][number][] = [];
  const { withoutChief } = checkQualityChiefs(config.trustQualityChiefs, catalog);
  if (withoutChief.length > 0) {
    warnings.push({
      details: { trusts: withoutChief },
      msg: 'no quality chief configured (TRUST_QUALITY_CHIEFS) for these trusts: their applications are not prioritised in chat (the award, once announced, settles the step)',
    });
  }
  const queueStore = store;
  metrics.watchReminderQueue(() => reminderQueueLevel(queueStore, clock));
  const engine = options.engine ?? createEngine({ store, catalog, clock, config: engineConfigOf(config) });

  const senders = new Map<Platform, Sender>();
  const runTurn = createTurnRunner({ engine, senders: () => senders, store, log, metrics });
  const deps: PlatformDeps = { store, catalog, runTurn, clock, log, production };
  const platforms = platformStatus(config);
  const teams = platforms.teams.enabled
    ? createTeamsAdapter({
        settings: config.teams,
        production,
        store,
        runTurn,
        clock,
        log,
        ...(options.sleep ? { sleep: options.sleep } : {}),
      })
    : undefined;
  const adapters: PlatformAdapter[] = teams ? [teams] : [];
  const slack = config.slack;
  if (platforms.slack.enabled && slack?.botToken) {
    adapters.push(
      createSlackAdapter({
        config: {
          botToken: slack.botToken,
          signingSecret: slack.signingSecret ?? '',
          socketMode: slack.socketMode,
          ...(slack.appToken ? { appToken: slack.appToken } : {}),
          ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
        },
        turn: runTurn,
        store,
        clock,
        catalog,
        log,
      }),
    );
  }
  for (const factory of options.platforms ?? []) {
    const adapter = factory(deps);
    if (adapter) adapters.push(adapter);
  }
  if (production && adapters.length === 0) throw new MidlerError('config.invalid', NO_PLATFORM_MESSAGE);
  for (const adapter of adapters) senders.set(adapter.platform, timedSender(adapter.sender, metrics));
  const loops = backgroundLoops(options, config, { ...deps, senders }, metrics);

  let draining = false;
  const served: Route[] = [
    ...adapters.flatMap((a) => timedRoutes(a.routes, a.platform, metrics)),
    ...publicMetricsRoutes(metrics, config.metrics?.token),
    ...healthRoutes({ store, catalog: () => catalog, metrics, draining: () => draining }),
    ...legalRoutes({
      store: storeKind === 'redis' || (storeKind === 'injected' && config.redisUrl) ? 'redis' : 'memory',
      ...(config.redisPrefix ? { redisPrefix: config.redisPrefix } : {}),
      // The engine's own default when none is configured (src/bot/engine.ts); loadConfig passes 24 h.
      dialogTtlSeconds: config.dialogTtlSeconds ?? 30 * 24 * 3600,
    }),
  ];
  const host = createHttpHost({
    log,
    metrics,
    ...(config.bodyLimitBytes ? { bodyLimitBytes: config.bodyLimitBytes } : {}),
    routes: [...served, ...(teams ? [] : teamsDisabledRoutes())],
  });

  let closing: Promise<void> | undefined;
  const graceMs = config.shutdownGraceMs ?? 10_000;
  const activeStore = store;
  return {
    host,
    store,
    catalog,
    metrics,
    log,
    runTurn,
    adapters,
    teams,
    platforms,
    routes: served.map((r) => `${r.method} ${r.path}`),
    senders,
    storeKind,
    warnings,
    async listen(port = config.port, bindTo = config.host) {
      for (const adapter of adapters) await adapter.start?.();
      const bound = await host.listen(port, bindTo);
      for (const loop of loops) loop.start?.();
      return bound;
    },
    close() {
      closing ??= (async () => {
        draining = true;
        await host.close(graceMs);
        for (const loop of loops) {
          await loop
            .stop()
            .catch((e: unknown) => log.error({ err: e }, 'shutdown: background loop did not stop cleanly'));
        }
        for (const adapter of adapters) {
          await adapter
            .stop()
            .catch((e: unknown) =>
              log.error({ err: e, platform: adapter.platform }, 'shutdown: adapter stop failed'),
            );
        }
        await activeStore
          .close()
          .catch((e: unknown) => log.error({ err: e }, 'shutdown: store close failed'));
      })();
      return closing;
    },
  };
}

/** Senders that count delivered reminders for /metrics. */
/** The reminder loop's senders, counting what they deliver for /metrics. */
export function countingSenders(senders: ReadonlyMap<Platform, Sender>, metrics: Metrics): Sender[] {
  return [...senders.values()].map((sender) => {
    const count = async (p: ReturnType<Sender['sendToUser']>) => {
      const result = await p;
      if (result.ok) metrics.remindersSent.inc({ platform: sender.platform });
      return result;
    };
    return {
      platform: sender.platform,
      // The options carry the reminder's idempotency key: dropping them would let a retry post twice.
      sendToConversation: (key, message, opts) => count(sender.sendToConversation(key, message, opts)),
      sendToUser: (userId, message, opts) => count(sender.sendToUser(userId, message, opts)),
      update: (key, ref, message) => sender.update(key, ref, message),
    };
  });
}

function backgroundLoops(
  options: CreateAppOptions,
  config: HostConfig,
  deps: PlatformDeps & { senders: ReadonlyMap<Platform, Sender> },
  metrics: Metrics,
): Background[] {
  const loops: Background[] = [];
  if (config.reminders?.enabled) {
    loops.push(
      createReminderPlanner({ store: deps.store, catalog: deps.catalog, clock: deps.clock, log: deps.log }),
    );
    loops.push(
      createReminderLoop({
        store: deps.store,
        catalog: deps.catalog,
        clock: deps.clock,
        log: deps.log,
        senders: countingSenders(deps.senders, metrics),
        observe: {
          claimed: (count) => metrics.reminderQueueDepth.observe(count),
          sent: (platform, dueAt, sentAt) =>
            metrics.reminderLagSeconds.observe(Math.max(0, sentAt.getTime() - Date.parse(dueAt)) / 1000, {
              platform,
            }),
        },
        // pid is often 1 in containers and a restarted pod keeps its hostname: leases need a unique owner.
        owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      }),
    );
  }
  for (const item of options.background ?? []) loops.push(typeof item === 'function' ? item(deps) : item);
  return loops;
}
