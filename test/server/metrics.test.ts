import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createReminderPlanner } from '../../src/scheduler/reminder-planner.ts';
import type { App } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listenMetrics, type MetricsListener } from '../../src/server/metrics-routes.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { type Host, startHost } from '../kit/index.ts';
import { INNO, subscription } from '../reminders/support.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { postSlack, slackConfig, slashCommand } from '../support/slack-fixtures.ts';

/**
 * /metrics over real HTTP: prom-client's process metrics and the bot's series after a real Slack
 * command and a real reminder delivery (Slack against a local Web API), on the metrics listener and
 * on the public port behind METRICS_TOKEN.
 */

const TOKEN = 'metrics-test-token-5f1d2c3b4a';
// The channel's 09:00 Oslo reminder of 2022-10-06 (07:00Z) is five minutes overdue at this instant.
const NOW = '2022-10-06T07:05:00Z';
const clock = fixedClock(NOW);
const quiet = () =>
  createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

let slack: SlackCapture;
let host: Host;
let app: App;
let listener: MetricsListener;
let base = '';

beforeAll(async () => {
  slack = await startSlackCapture({ now: () => clock().getTime() });
  const catalog = loadCatalog('calls');
  const store = createMemoryStore({ clock });
  await store.putSubscription(subscription('slack:C0REMIND1', [INNO]));
  await createReminderPlanner({ store, catalog, clock, log: quiet() }).reconcile();
  host = await startHost({
    clock,
    store,
    config: {
      slack: slackConfig(slack.apiUrl, 'xoxb-metrics-test'),
      reminders: { enabled: true },
      metrics: { token: TOKEN },
    },
  });
  app = host.app;
  base = `http://127.0.0.1:${host.port}`;
  listener = await listenMetrics({ metrics: app.metrics, log: quiet(), port: 0, host: '127.0.0.1' });
  // The reminder loop's first tick runs at listen: wait for its post.
  await slack.waitFor('chat.postMessage');
  const ack = await postSlack(Number(new URL(base).port), slashCommand('hjelp'), clock().getTime() / 1000);
  expect(ack.status).toBe(200);
});

afterAll(async () => {
  await listener?.close();
  await host?.close();
  await slack?.close();
});

async function scrape(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return res.text();
}

describe('/metrics on the metrics listener', () => {
  it('is bound where it was told (loopback) and serves the process metrics from prom-client', async () => {
    expect(listener.url).toBe(`http://127.0.0.1:${listener.port}/metrics`);
    const text = await scrape(listener.url);
    for (const series of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_active_handles_total',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${series} `, 'm'));
    }
  });

  it("serves the bot's series with their old names, and the histograms a turn and a reminder fill", async () => {
    const text = await scrape(listener.url);
    expect(text).toMatch(/^midlerbot_turns_total\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^midlerbot_turn_duration_seconds_count\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^midlerbot_ack_duration_seconds_count\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^midlerbot_reminders_sent_total\{platform="slack"\} 1$/m);
    expect(text).toMatch(
      /^midlerbot_outbound_duration_seconds_count\{platform="slack",operation="send",result="ok"\} 1$/m,
    );
    // Due 07:00Z, sent at 07:05Z by the injected clock: exactly 300 s, in the 300 s bucket, not below.
    expect(text).toMatch(/^midlerbot_reminder_lag_seconds_bucket\{le="120",platform="slack"\} 0$/m);
    expect(text).toMatch(/^midlerbot_reminder_lag_seconds_bucket\{le="300",platform="slack"\} 1$/m);
    expect(text).toMatch(/^midlerbot_reminder_lag_seconds_sum\{platform="slack"\} 300$/m);
    // The first tick claimed the one due reminder.
    expect(text).toMatch(/^midlerbot_reminder_queue_depth_bucket\{le="0"\} 0$/m);
    expect(text).toMatch(/^midlerbot_reminder_queue_depth_bucket\{le="1"\} 1$/m);
    // Read from the store at scrape time: nothing due any more, the later six still queued.
    expect(text).toMatch(/^midlerbot_reminder_queue_due 0$/m);
    expect(text).toMatch(/^midlerbot_reminder_queue_size 6$/m);
    expect(text).toMatch(/^midlerbot_reminder_queue_oldest_due_seconds 0$/m);
    expect(text).toMatch(/^midlerbot_http_requests_total\{route="\/slack\/events",status="200"\} 1$/m);
    expect(text).toContain('# TYPE midlerbot_redis_errors_total counter');
    expect(text).toContain('# TYPE midlerbot_proactive_sends_total counter');
  });
});

describe('/metrics on the public port', () => {
  it('answers 401 without the bearer token or with a wrong one, and the text with it', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0000000000', `Basic ${TOKEN}`, TOKEN]) {
      const res = await fetch(`${base}/metrics`, authorization ? { headers: { authorization } } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain('midlerbot_');
    }
    const text = await scrape(`${base}/metrics`, { authorization: `Bearer ${TOKEN}` });
    expect(text).toMatch(/^midlerbot_turns_total\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
  });

  it('is not served at all without METRICS_TOKEN', async () => {
    const open = await startHost({ prefix: 'memory', clock });
    const port = open.port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(404);
      expect(open.app.routes).not.toContain('GET /metrics');
    } finally {
      await open.close();
    }
  });
});
