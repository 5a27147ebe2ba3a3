import { randomUUID } from 'node:crypto';
import { createReminderLoop } from '../src/scheduler/reminder-loop.ts';
import { createApp } from '../src/server/app.ts';
import { createLogger } from '../src/server/logger.ts';

/**
 * One bot replica for the fault suite (`npm run faults`), run as its own process so it can be
 * SIGKILLed: the real host (createApp) on loopback, Teams without an app id against the suite's
 * local Bot Connector, a real Redis. Its clock starts at FAULT_NOW and runs at wall speed, so every
 * replica agrees on what is due. The reminder loop runs with short ticks and leases (the suite is
 * bounded in time) and without the planner, which would reconcile the suite's own reminders away.
 * Prints one line `{"port":N}` on stdout once listening; SIGTERM shuts it down like main.ts.
 */
const env = process.env;
const base = Date.parse(env.FAULT_NOW ?? '2022-10-06T07:00:00Z');
const started = Date.now();
const clock = () => new Date(base + (Date.now() - started));
const log = createLogger({ level: (env.LOG_LEVEL as 'warn') ?? 'warn', destination: process.stderr });
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);

const app = createApp({
  config: {
    port: 0,
    nodeEnv: 'test',
    teams: {},
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    redisPrefix: env.REDIS_PREFIX ?? 'faults:',
    outboundTimeoutMs: num('OUTBOUND_TIMEOUT_MS', 2_000),
    shutdownGraceMs: 3_000,
  },
  clock,
  log,
  background:
    env.REMINDERS === '1'
      ? [
          (deps) =>
            createReminderLoop({
              store: deps.store,
              catalog: deps.catalog,
              clock,
              log,
              senders: [...deps.senders.values()],
              owner: `replica-${process.pid}-${randomUUID().slice(0, 6)}`,
              intervalMs: num('TICK_MS', 250),
              leaseMs: num('LEASE_MS', 4_000),
              batch: num('BATCH', 5),
              sendDeadlineMs: num('SEND_DEADLINE_MS', 2_000),
            }),
        ]
      : [],
});

const port = await app.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port })}\n`);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
