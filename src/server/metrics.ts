/**
 * A tiny Prometheus registry: five series do not justify prom-client and its default collectors.
 * Text exposition format 0.0.4; label values are escaped as the format requires.
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
    render: () => `${series.flatMap((s) => s.render()).join('\n')}\n`,
  };
}
