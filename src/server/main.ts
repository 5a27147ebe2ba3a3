import { isMidlerError } from '../domain/errors.ts';
import { createApp } from './app.ts';
import { type Config, loadConfig, loadDotEnv, redactConfig } from './config.ts';
import { createLogger } from './logger.ts';

/**
 * `npm start`: reads the configuration (refusing to start on errors, naming the variables), wires
 * the app, says plainly what it is running with, and shuts down cleanly on SIGTERM/SIGINT.
 */

if (process.env.NODE_ENV !== 'production') loadDotEnv();

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  console.error(isMidlerError(e) ? e.message : e);
  process.exit(1);
}

const log = createLogger({ level: config.logLevel, pretty: config.nodeEnv === 'development' });

let app: ReturnType<typeof createApp>;
try {
  app = createApp({ config, log });
} catch (e) {
  log.fatal({ err: e }, isMidlerError(e) ? e.message : 'could not start');
  process.exit(1);
}

log.info({ config: redactConfig(config) }, 'configuration');
if (app.storeKind === 'memory') {
  log.warn(
    'STORE: in-memory. State is lost on restart and NOT shared between replicas. Set REDIS_URL for real use.',
  );
} else {
  log.info({ store: app.storeKind, prefix: config.redisPrefix }, 'store: Redis');
}
for (const warning of config.warnings) log.warn(warning);
const { teams, slack } = app.platforms;
log.info(
  { teams: teams.reason, slack: slack.reason },
  `platforms on: ${[teams.enabled ? 'teams' : '', slack.enabled ? 'slack' : ''].filter(Boolean).join(', ')}`,
);
log.info(
  { calls: app.catalog.calls.map((c) => c.id), dir: config.callsDir },
  `calls loaded: ${app.catalog.calls.length}`,
);
log.info({ reminders: config.reminders.enabled ? 'on' : 'off' }, 'reminder loop');

const port = await app.listen(config.port, config.host);
log.info(
  {
    host: config.host,
    port,
    routes: app.routes,
  },
  `Midlerbot listening on ${config.host}:${port}`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const limit = (config.shutdownGraceMs ?? 10_000) + 5_000;
  log.info(
    { signal, inFlight: app.host.inFlight() },
    'shutting down: no new requests, finishing turns in flight',
  );
  // The whole shutdown is bounded: a hung store close must not keep the process alive.
  const force = setTimeout(() => {
    log.error({ limitMs: limit }, 'shutdown took too long; exiting');
    process.exit(1);
  }, limit);
  force.unref();
  try {
    await app.close();
    log.info('shut down cleanly');
    process.exit(0);
  } catch (e) {
    log.error({ err: e }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
