import { isMidlerError } from '../domain/errors.ts';
import { createApp } from './app.ts';
import { type Config, loadConfig, loadDotEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { listenMetrics } from './metrics-routes.ts';
import { logStartup } from './startup-log.ts';

/**
 * `npm start` (`node dist/src/server/main.js`; `npm run dev` runs it with tsx): reads the configuration
 * (refusing to start on errors, naming the variables), wires the app, listens, says plainly what it
 * runs with (startup-log.ts), and shuts down cleanly on SIGTERM/SIGINT.
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

/** A port that cannot be bound stops start-up with a message saying which setting to change. */
async function bind<T>(what: string, setting: string, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (e) {
    log.fatal(
      { err: e },
      `could not listen for ${what}: ${e instanceof Error ? e.message : e} (check ${setting})`,
    );
    process.exit(1);
  }
}

// Metrics first: a clash there stops start-up before the bot takes traffic or starts its loops.
const metricsListener =
  config.metrics.port === 0
    ? undefined
    : await bind('metrics', 'METRICS_PORT and METRICS_HOST', () =>
        listenMetrics({ metrics: app.metrics, log, port: config.metrics.port, host: config.metrics.host }),
      );
const port = await bind('the bot', 'PORT and HOST', () => app.listen(config.port, config.host));
logStartup(log, { app, config, port, metricsUrl: metricsListener?.url, now: app.clock.now() });

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
    await metricsListener?.close();
    log.info('shut down cleanly');
    process.exit(0);
  } catch (e) {
    log.error({ err: e }, 'shutdown failed');
    process.exit(1);
  }
}
// SIGHUP re-reads the call files (docs/calls-lifecycle.md); the reloader logs what it loaded or refused.
process.on('SIGHUP', () => void app.reloadCalls('SIGHUP'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
