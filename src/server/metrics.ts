/**
 * A tiny Prometheus registry: a dozen series do not justify prom-client and its default collectors.
 * Text exposition format 0.0.4; label values are escaped as the format requires. Every series is
 * listed in `createMetrics` (one place, name + help + labels), so a move to prom-client ports it as is.
 */

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '';
  const escaped = entries.map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return `{${escaped.join(',')}}`;
}

function withLabel(key: string, extra: string): string {
  return key === '' ? `{${extra}}` : `${key.slice(0, -1)},${extra}}`;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  get(labels?: Labels): number;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
  count(labels?: Labels): number;
}

interface Series {
  render(): string[];
}

export interface Metrics {
  readonly turns: Counter;
  readonly turnErrors: Counter;
  readonly turnSeconds: Histogram;
  readonly remindersSent: Counter;
  readonly redisErrors: Counter;
  readonly httpRequests: Counter;
  readonly proactiveSends: Counter;
  /** Outbound platform calls that failed, by platform, call and reason (timeout, reset, 5xx, 429...). */
  readonly outboundFailures: Counter;
  /** Turns whose answer could not be delivered in time, by platform (the platform's redelivery answers). */
  readonly turnsUnanswered: Counter;
  /** Inbound refused before a turn, by platform and reason (too-long, service-url, no-channel). */
  readonly inputRefused: Counter;
  /** 1 while the reminder loop's tick has run for more than three intervals. */
  readonly reminderLoopStalled: Gauge;
  /** Ticks of the reminder loop that ran for more than three intervals. */
  readonly reminderStalls: Counter;
  /** The exposition text for GET /metrics. */
  render(): string;
}

function counter(series: Series[], name: string, help: string): Counter {
  const values = new Map<string, number>();
  series.push({
    render: () => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} counter`,
      ...(values.size === 0 ? [`${name} 0`] : [...values].map(([k, v]) => `${name}${k} ${v}`)),
    ],
  });
  return {
    inc(labels = {}, by = 1) {
      const key = labelKey(labels);
      values.set(key, (values.get(key) ?? 0) + by);
    },
    get: (labels = {}) => values.get(labelKey(labels)) ?? 0,
  };
}

function gauge(series: Series[], name: string, help: string): Gauge {
  const values = new Map<string, number>();
  series.push({
    render: () => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} gauge`,
      ...(values.size === 0 ? [`${name} 0`] : [...values].map(([k, v]) => `${name}${k} ${v}`)),
    ],
  });
  return {
    set(value, labels = {}) {
      values.set(labelKey(labels), value);
    },
    get: (labels = {}) => values.get(labelKey(labels)) ?? 0,
  };
}

function histogram(series: Series[], name: string, help: string, buckets: number[]): Histogram {
  const data = new Map<string, { counts: number[]; sum: number; count: number }>();
  series.push({
    render() {
      const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
      for (const [key, h] of data) {
        buckets.forEach((b, i) => {
          lines.push(`${name}_bucket${withLabel(key, `le="${b}"`)} ${h.counts[i]}`);
        });
        lines.push(`${name}_bucket${withLabel(key, 'le="+Inf"')} ${h.count}`);
        lines.push(`${name}_sum${key} ${h.sum}`);
        lines.push(`${name}_count${key} ${h.count}`);
      }
      return lines;
    },
  });
  return {
    observe(value, labels = {}) {
      const key = labelKey(labels);
      let h = data.get(key);
      if (!h) {
        h = { counts: buckets.map(() => 0), sum: 0, count: 0 };
        data.set(key, h);
      }
      buckets.forEach((b, i) => {
        if (value <= b && h) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += value;
      h.count += 1;
    },
    count: (labels = {}) => data.get(labelKey(labels))?.count ?? 0,
  };
}

export function createMetrics(): Metrics {
  const series: Series[] = [];
  return {
    turns: counter(series, 'midlerbot_turns_total', 'Turns handled, by platform.'),
    turnErrors: counter(
      series,
      'midlerbot_turn_errors_total',
      'Turns that failed with an exception, by platform.',
    ),
    turnSeconds: histogram(
      series,
      'midlerbot_turn_duration_seconds',
      'Time from inbound event to replies ready, by platform.',
      [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
    remindersSent: counter(series, 'midlerbot_reminders_sent_total', 'Reminders delivered, by platform.'),
    redisErrors: counter(
      series,
      'midlerbot_redis_errors_total',
      'Store operations that failed because Redis was unavailable.',
    ),
    httpRequests: counter(series, 'midlerbot_http_requests_total', 'HTTP requests, by route and status.'),
    proactiveSends: counter(
      series,
      'midlerbot_proactive_sends_total',
      'Proactive sends, by platform and result.',
    ),
    outboundFailures: counter(
      series,
      'midlerbot_outbound_failures_total',
      'Outbound platform calls that failed, by platform, call and reason.',
    ),
    turnsUnanswered: counter(
      series,
      'midlerbot_turns_unanswered_total',
      'Turns whose answer could not be delivered (left to the platform redelivery), by platform.',
    ),
    inputRefused: counter(
      series,
      'midlerbot_input_refused_total',
      'Inbound requests refused before a turn, by platform and reason.',
    ),
    reminderLoopStalled: gauge(
      series,
      'midlerbot_reminder_loop_stalled',
      '1 while the reminder loop tick has run longer than three intervals.',
    ),
    reminderStalls: counter(
      series,
      'midlerbot_reminder_stalls_total',
      'Reminder loop ticks that ran longer than three intervals.',
    ),
    render: () => `${series.flatMap((s) => s.render()).join('\n')}\n`,
  };
}
