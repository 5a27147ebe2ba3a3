import type { Logger } from 'pino';
import { formatLocal, OSLO } from '../domain/timeline.ts';
import type { App } from './app.ts';
import { type Config, redactConfig } from './config.ts';

export interface StartupFacts {
  app: Pick<App, 'platforms' | 'storeKind' | 'catalog' | 'routes' | 'warnings' | 'clock'>;
  config: Config;
  /** The bot's bound port and the metrics listener's address (undefined: none). */
  port: number;
  metricsUrl: string | undefined;
  now: Date;
}

/** A bind address a browser on this machine reaches as localhost. */
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::']);

/**
 * What an operator reads first, one line each and in this order: where the bot listens, which
 * platforms and which store are on, which calls are loaded, the clock. Warnings come after them and
 * the (redacted) configuration last, so the first screen of a log answers "is it up, and with what".
 */
export function logStartup(log: Logger, facts: StartupFacts): void {
  const { app, config, port, metricsUrl, now } = facts;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const open =
    config.nodeEnv === 'development' && LOCAL.has(config.host) ? `; open http://localhost:${port}/` : '';
  log.info(
    {
      host: config.host,
      port,
      routes: app.routes,
      metrics: metricsUrl ?? 'no listener (METRICS_PORT=0)',
      metricsOnPublicPort: config.metrics.token ? 'with METRICS_TOKEN' : 'no',
    },
    `Midlerbot listening on http://${shownHost}:${port}${open}`,
  );
  const { teams, slack } = app.platforms;
  const on = [teams.enabled ? 'teams' : '', slack.enabled ? 'slack' : ''].filter(Boolean);
  log.info({ teams: teams.reason, slack: slack.reason }, `platforms on: ${on.join(', ') || 'none'}`);
  log.info(
    { store: app.storeKind, ...(app.storeKind === 'memory' ? {} : { prefix: config.redisPrefix }) },
    app.storeKind === 'memory' ? 'store: in-memory' : 'store: Redis',
  );
  log.info(
    {
      calls: app.catalog.calls.map((c) => c.id),
      dir: config.callsDir,
      reminders: config.reminders.enabled ? 'on' : 'off (REMINDERS_ENABLED=false)',
    },
    `calls loaded: ${app.catalog.calls.length}`,
  );
  const source = app.clock.simulated() ? 'MIDLERBOT_NOW, running on from there' : 'system clock';
  const moves = app.clock.movable ? '; type /at 2023-08-25 09:00 in a chat to move it' : '';
  log.info(
    { now: now.toISOString(), timeZone: OSLO, simulated: app.clock.simulated(), movable: app.clock.movable },
    `clock: ${formatLocal(now)} ${OSLO} (${source}${moves})`,
  );
  for (const warning of config.warnings) log.warn(warning);
  for (const warning of app.warnings) log.warn(warning.details, warning.msg);
  log.info({ config: redactConfig(config) }, 'configuration');
}
