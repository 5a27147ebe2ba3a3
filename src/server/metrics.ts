import {
  collectDefaultMetrics,
  Histogram,
  Counter as PromCounter,
  Gauge as PromGauge,
  Registry,
} from 'prom-client';

/**
 * Every Prometheus series of the bot, declared in `createMetrics` below and nowhere else: a new series
 * is one line there and one field in `Metrics`. Built on prom-client, so the process metrics an IT
 * department expects of a Node service (event-loop lag, heap, GC, handles, CPU) come with it.
 * The names of the series that existed before prom-client are kept, so dashboards keep working.
 */

type Labels = Record<string, string>;

export interface CounterSeries {
  inc(labels?: Labels, by?: number): void;
  /** The current value for exactly these labels (0 when never incremented). */
  get(labels?: Labels): Promise<number>;
}

export interface GaugeSeries {
  set(value: number, labels?: Labels): void;
  /** The current value for exactly these labels (0 when never set). */
  get(labels?: Labels): Promise<number>;
}

/** Older names of the series types, as the scheduler and adapters import them. */
export type Counter = CounterSeries;
export type Gauge = GaugeSeries;

export interface HistogramSeries {
  observe(value: number, labels?: Labels): void;
  /** How many values were observed with exactly these labels. */
  count(labels?: Labels): Promise<number>;
}

/** What the reminder queue looks like now, for the queue gauges (read when Prometheus scrapes). */
export interface ReminderQueueLevel {
  /** Reminders whose time has come and that are not delivered yet. */
  due: number;
  /** Every reminder queued, due or not. */
  queued: number;
  /** How long the oldest due reminder has waited past its due time, in seconds (0 when none is due). */
  oldestDueSeconds: number;
}

export interface Metrics {
  readonly turns: CounterSeries;
  readonly turnErrors: CounterSeries;
  readonly turnSeconds: HistogramSeries;
  readonly ackSeconds: HistogramSeries;
  readonly outboundSeconds: HistogramSeries;
  readonly remindersSent: CounterSeries;
  readonly reminderLagSeconds: HistogramSeries;
  readonly reminderQueueDepth: HistogramSeries;
  readonly redisErrors: CounterSeries;
  readonly httpRequests: CounterSeries;
  readonly proactiveSends: CounterSeries;
  /** Outbound platform calls that failed, by platform, call and reason (timeout, reset, 5xx, 429...). */
  readonly outboundFailures: CounterSeries;
  /** Turns whose answer could not be delivered in time, by platform (the platform's redelivery answers). */
  readonly turnsUnanswered: CounterSeries;
  /** Inbound refused before a turn, by platform and reason (too-long, long-queue-full, service-url, no-channel). */
  readonly inputRefused: CounterSeries;
  /** 1 while the reminder loop's tick has run for more than three intervals. */
  readonly reminderLoopStalled: GaugeSeries;
  /** Ticks of the reminder loop that ran for more than three intervals. */
  readonly reminderStalls: CounterSeries;
  /** Where the queue gauges read from; without one they are not exported. */
  watchReminderQueue(read: () => Promise<ReminderQueueLevel>): void;
  /** The Content-Type of `render()`'s text. */
  readonly contentType: string;
  /** The exposition text for GET /metrics: the process metrics, then the bot's own. */
  render(): Promise<string>;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Slack wants its ack within 3 s and Teams its answer within 15 s: buckets either side of both. */
const ACK_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 15, 30];
/** From due to sent: a tick is every 15 s; retries back off up to 30 minutes. */
const LAG_SECONDS = [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600];
/** The reminder loop claims at most 20 per tick (its batch). */
const DEPTH = [0, 1, 2, 5, 10, 15, 20];

/** Process metrics are per process, not per app: collected once however many apps a test starts. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const same = (want: Labels, got: Partial<Record<string, string | number>>) =>
  Object.keys(got).length === Object.keys(want).length &&
  Object.entries(want).every(([k, v]) => String(got[k]) === v);

function counter(registry: Registry, name: string, help: string, labelNames: string[] = []): CounterSeries {
  const c = new PromCounter({ name, help, labelNames, registers: [registry] });
  return {
    inc: (labels = {}, by = 1) => c.inc(labels, by),
    async get(labels = {}) {
      return (await c.get()).values.find((v) => same(labels, v.labels))?.value ?? 0;
    },
  };
}

function gauge(registry: Registry, name: string, help: string, labelNames: string[] = []): GaugeSeries {
  const g = new PromGauge({ name, help, labelNames, registers: [registry] });
  return {
    set: (value, labels = {}) => g.set(labels, value),
    async get(labels = {}) {
      return (await g.get()).values.find((v) => same(labels, v.labels))?.value ?? 0;
    },
  };
}

function histogram(
  registry: Registry,
  name: string,
  help: string,
  buckets: number[],
  labelNames: string[] = [],
): HistogramSeries {
  const h = new Histogram({ name, help, buckets, labelNames, registers: [registry] });
  return {
    observe: (value, labels = {}) => h.observe(labels, value),
    async count(labels = {}) {
      const values = (await h.get()).values.filter((v) => v.metricName === `${name}_count`);
      return values.find((v) => same(labels, v.labels))?.value ?? 0;
    },
  };
}

/** The queue is read at most this often, however many scrapers ask (a read walks the whole queue). */
const QUEUE_READ_EVERY_MS = 30_000;

function reminderQueueGauges(registry: Registry): Metrics['watchReminderQueue'] {
  let read: (() => Promise<ReminderQueueLevel>) | undefined;
  let last: { at: number; level: Promise<ReminderQueueLevel | undefined> } | undefined;
  const level = () => {
    if (!read) return Promise.resolve(undefined);
    if (!last || performance.now() - last.at > QUEUE_READ_EVERY_MS) {
      // A failed read (Redis down) leaves the gauges out of this scrape; readiness reports the outage.
      last = { at: performance.now(), level: read().catch(() => undefined) };
    }
    return last.level;
  };
  const gauge = (name: string, help: string, pick: (l: ReminderQueueLevel) => number) =>
    new PromGauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const now = await level();
        if (now) this.set(pick(now));
      },
    });
  gauge(
    'midlerbot_reminder_queue_due',
    'Reminders due and not yet delivered (shared by all replicas).',
    (l) => l.due,
  );
  gauge(
    'midlerbot_reminder_queue_size',
    'Reminders queued, due or not (shared by all replicas).',
    (l) => l.queued,
  );
  gauge(
    'midlerbot_reminder_queue_oldest_due_seconds',
    'How long the oldest due reminder has waited past its due time (0 when none is due).',
    (l) => l.oldestDueSeconds,
  );
  return (source) => {
    read = source;
    last = undefined;
  };
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  processMetrics();
  return {
    turns: counter(registry, 'midlerbot_turns_total', 'Turns handled, by platform.', ['platform']),
    turnErrors: counter(
      registry,
      'midlerbot_turn_errors_total',
      'Turns that failed with an exception, by platform.',
      ['platform'],
    ),
    turnSeconds: histogram(
      registry,
      'midlerbot_turn_duration_seconds',
      'Time from inbound event to replies ready, by platform.',
      SECONDS,
      ['platform'],
    ),
    ackSeconds: histogram(
      registry,
      'midlerbot_ack_duration_seconds',
      'Time from a platform request arriving to its HTTP answer (the Slack ack, the Teams response), by platform.',
      ACK_SECONDS,
      ['platform'],
    ),
    outboundSeconds: histogram(
      registry,
      'midlerbot_outbound_duration_seconds',
      'Time of a proactive call to a platform (send or update), by platform, operation and result.',
      SECONDS,
      ['platform', 'operation', 'result'],
    ),
    remindersSent: counter(registry, 'midlerbot_reminders_sent_total', 'Reminders delivered, by platform.', [
      'platform',
    ]),
    reminderLagSeconds: histogram(
      registry,
      'midlerbot_reminder_lag_seconds',
      'Time from a reminder being due to it being sent, by platform.',
      LAG_SECONDS,
      ['platform'],
    ),
    reminderQueueDepth: histogram(
      registry,
      'midlerbot_reminder_queue_depth',
      'Reminders due at each reminder tick of this replica (claimed by it; the batch of 20 caps it, so ticks at the cap mean the queue is behind).',
      DEPTH,
    ),
    redisErrors: counter(
      registry,
      'midlerbot_redis_errors_total',
      'Store operations that failed because Redis was unavailable.',
    ),
    httpRequests: counter(registry, 'midlerbot_http_requests_total', 'HTTP requests, by route and status.', [
      'route',
      'status',
    ]),
    proactiveSends: counter(
      registry,
      'midlerbot_proactive_sends_total',
      'Proactive sends, by platform and result.',
      ['platform', 'result'],
    ),
    outboundFailures: counter(
      registry,
      'midlerbot_outbound_failures_total',
      'Outbound platform calls that failed, by platform, call and reason.',
      ['platform', 'call', 'reason'],
    ),
    turnsUnanswered: counter(
      registry,
      'midlerbot_turns_unanswered_total',
      'Turns whose answer could not be delivered (left to the platform redelivery), by platform.',
      ['platform'],
    ),
    inputRefused: counter(
      registry,
      'midlerbot_input_refused_total',
      'Inbound requests refused before a turn, by platform and reason.',
      ['platform', 'reason'],
    ),
    reminderLoopStalled: gauge(
      registry,
      'midlerbot_reminder_loop_stalled',
      '1 while the reminder loop tick has run longer than three intervals.',
    ),
    reminderStalls: counter(
      registry,
      'midlerbot_reminder_stalls_total',
      'Reminder loop ticks that ran longer than three intervals.',
    ),
    watchReminderQueue: reminderQueueGauges(registry),
    contentType: registry.contentType,
    render: async () => `${await processMetrics().metrics()}\n${await registry.metrics()}`,
  };
}
