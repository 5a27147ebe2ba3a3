import type { Logger } from 'pino';
import { createSlackAdapter } from '../../adapters/slack/adapter.ts';
import { loadDirectory } from '../../adapters/teams/directory.ts';
import type { Sleep } from '../../adapters/teams/rate-limit.ts';
import { createTeamsAdapter, type TeamsAdapter } from '../../adapters/teams/teams-adapter.ts';
import { createEngine } from '../bot/engine.ts';
import type { Engine, TurnRunner } from '../bot/engine-port.ts';
import type { Sender } from '../bot/ports.ts';
import { loadCatalog } from '../calls/load.ts';
import type { Platform } from '../domain/application.ts';
import { type Catalog, createLiveCatalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import { MidlerError } from '../domain/errors.ts';
import { announceNewCalls } from '../scheduler/call-announcer.ts';
import type { ReminderLoop } from '../scheduler/reminder-loop.ts';
import type { ReminderPlanner } from '../scheduler/reminder-planner.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { createRedisStore } from '../store/redis-store.ts';
import type { Store } from '../store/store.ts';
import {
  type CallSetChange,
  type CallVersion,
  createCallReloader,
  type ReloadResult,
} from './call-reload.ts';
import { type CatchUp, clockCommand } from './clock-command.ts';
import { checkQualityChiefs, engineConfigOf } from './engine-settings.ts';
import { healthRoutes } from './health-routes.ts';
import { homeRoutes } from './home-page.ts';
import { createHostClock, type HostClock } from './host-clock.ts';
import type { HostConfig } from './host-config.ts';
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
import { catchUpReminders, reminderLoops } from './reminder-loops.ts';
import { createTurnRunner } from './turn-runner.ts';

export type { HostConfig } from './host-config.ts';

/** A loop that runs beside the host (reminder planner and delivery). */
export interface Background {
  start?(): void;
  /** Shutdown began: take no new work (the reminder loop stops claiming); `stop` follows. */
  drain?(): void;
  stop(): Promise<void>;
  /** Why the loop is not healthy right now (e.g. a stalled tick), for /readyz; undefined when it is. */
  problem?(): string | undefined;
}

/** Everything a platform adapter factory may use (the Slack adapter plugs in through this). */
export interface PlatformDeps {
  store: Store;
  catalog: Catalog;
  runTurn: TurnRunner;
  clock: Clock;
  log: Logger;
  production: boolean;
  /** Deadline of every outbound platform call (ms); default 10 s. */
  outboundTimeoutMs?: number;
  metrics?: Metrics;
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
  /** The Teams typing indicator's timer (tests pass one they release); default real timers. */
  typingWait?: Sleep;
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
  /** The clock users see (MIDLERBOT_NOW, `/at`); start-up log and `/` show it. */
  readonly clock: HostClock;
  /** What the operator should know about the set-up; main.ts logs them after the start-up summary. */
  readonly warnings: readonly { msg: string; details: Record<string, unknown> }[];
  /** Starts the adapters, listens (HOST, default 127.0.0.1) and starts the loops; resolves with the port. */
  listen(port?: number, host?: string): Promise<number>;
  /**
   * Reads the call files again, all or nothing (docs/calls-lifecycle.md); a refused set leaves the
   * loaded one in place. Absent when the app was given a catalog rather than a calls directory.
   */
  reloadCalls(reason?: string): Promise<ReloadResult>;
  /** The loaded calls and their versions, as /readyz lists them. */
  callVersions(): CallVersion[];
  /** Stops accepting and claiming, drains turns and sends, stops adapters, closes the store; bounded by the grace period. */
  close(): Promise<void>;
}

export function createApp(options: CreateAppOptions): App {
  const { config } = options;
  const production = config.nodeEnv === 'production';
  // Protocol time (Slack signatures, store TTLs) reads the wall clock; everything the user sees reads
  // the host clock, which MIDLERBOT_NOW and a typed /at move in development (host-clock.ts).
  const wallClock: Clock = options.clock ?? (() => new Date());
  const hostClock = createHostClock({
    base: wallClock,
    ...(config.clockStart ? { start: config.clockStart } : {}),
    movable: config.movableClock ?? config.nodeEnv === 'development',
  });
  const clock = hostClock.now;
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
      store = createMemoryStore({ clock: wallClock });
      storeKind = 'memory';
    }
  }
  const callsDir = config.callsDir ?? 'calls';
  // Given a catalog (tests), the host has no directory to reload from.
  const catalog = createLiveCatalog(options.catalog ?? loadCatalog(callsDir));
  const reloadable = options.catalog === undefined;
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
  const outboundTimeoutMs = config.outboundTimeoutMs ?? 10_000;
  let catchUp: () => Promise<CatchUp> = async () => ({ off: true });
  const runTurn = createTurnRunner({
    engine,
    intercept: clockCommand({
      clock: hostClock,
      catchUp: () => catchUp(),
      chosenLocale: async (event) => (await queueStore.getUser(event.platform, event.user.id))?.locale,
      log,
    }),
    senders: () => senders,
    store,
    log,
    metrics,
    ...(config.maxTextChars ? { maxTextChars: config.maxTextChars } : {}),
    ...(config.turnLease ? { lease: config.turnLease } : {}),
  });
  const deps: PlatformDeps = { store, catalog, runTurn, clock, log, production, outboundTimeoutMs, metrics };
  const platforms = platformStatus(config);
  const teams = platforms.teams.enabled
    ? createTeamsAdapter({
        settings: config.teams,
        production,
        store,
        runTurn,
        clock,
        log,
        metrics,
        outboundTimeoutMs,
        ...(config.teamsAnswerWithinMs ? { answerWithinMs: config.teamsAnswerWithinMs } : {}),
        ...(config.teamsPeopleFile ? { directory: loadDirectory(config.teamsPeopleFile) } : {}),
        ...(config.teamsSendPath ? { sendPath: config.teamsSendPath } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(config.teamsGraphInstall ? { graphInstall: config.teamsGraphInstall } : {}),
        ...(config.teamsTyping ? { typing: config.teamsTyping } : {}),
        ...(options.typingWait ? { typingWait: options.typingWait } : {}),
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
        wallClock,
        catalog,
        log,
        outboundTimeoutMs,
        metrics,
      }),
    );
  }
  for (const factory of options.platforms ?? []) {
    const adapter = factory(deps);
    if (adapter) adapters.push(adapter);
  }
  if (production && adapters.length === 0) throw new MidlerError('config.invalid', NO_PLATFORM_MESSAGE);
  for (const adapter of adapters) senders.set(adapter.platform, timedSender(adapter.sender, metrics));
  const { loops, planner, delivery } = backgroundLoops(options, config, { ...deps, senders }, metrics);
  if (planner && delivery) catchUp = () => catchUpReminders(planner, delivery);
  // Announcements go out through the reminder loop: with reminders off there is nobody to post them.
  const afterReload = planner
    ? async (change: CallSetChange) => {
        await announceNewCalls(change.added, { store: deps.store, catalog, clock, log });
      }
    : undefined;
  const reloader = reloadable
    ? createCallReloader({
        dir: callsDir,
        catalog,
        log,
        onChange: async (change) => {
          await afterReload?.(change);
          await planner?.reconcile();
        },
      })
    : undefined;

  let draining = false;
  const served: Route[] = [
    ...adapters.flatMap((a) => timedRoutes(a.routes, a.platform, metrics)),
    ...publicMetricsRoutes(metrics, config.metrics?.token),
    ...healthRoutes({
      store,
      catalog: () => catalog,
      versions: () => reloader?.versions() ?? catalog.calls.map((c) => ({ id: c.id, version: 'given' })),
      metrics,
      draining: () => draining,
      problems: () => loops.flatMap((l) => l.problem?.() ?? []),
    }),
    ...homeRoutes({ catalog: () => catalog, clock: hostClock, production }),
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
    clock: hostClock,
    warnings,
    async reloadCalls(reason = 'requested') {
      if (!reloader)
        return { status: 'refused', message: 'this host was given its calls, not a calls directory' };
      return reloader.reload(reason);
    },
    callVersions: () => reloader?.versions() ?? [],
    async listen(port = config.port, bindTo = config.host ?? '127.0.0.1') {
      for (const adapter of adapters) await adapter.start?.();
      const bound = await host.listen(port, bindTo);
      for (const loop of loops) loop.start?.();
      if (config.callsWatch) reloader?.watch();
      return bound;
    },
    close() {
      closing ??= (async () => {
        draining = true;
        reloader?.stop();
        // The loops take no new work at once (nothing claimed after SIGTERM); their sends in flight
        // finish within their deadline while turns drain, and `stop` waits for them.
        for (const loop of loops) loop.drain?.();
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

function backgroundLoops(
  options: CreateAppOptions,
  config: HostConfig,
  deps: PlatformDeps & { senders: ReadonlyMap<Platform, Sender> },
  metrics: Metrics,
): { loops: Background[]; planner?: ReminderPlanner; delivery?: ReminderLoop } {
  const reminders = config.reminders?.enabled
    ? reminderLoops(config.reminders.loop, deps, metrics)
    : undefined;
  const loops: Background[] = reminders ? [reminders.planner, reminders.delivery] : [];
  for (const item of options.background ?? []) loops.push(typeof item === 'function' ? item(deps) : item);
  return { loops, ...reminders };
}
