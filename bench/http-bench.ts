import { performance } from 'node:perf_hooks';
import type { Catalog } from '../src/domain/catalog.ts';
import { createRedisStore } from '../src/store/redis-store.ts';
import { RESPONSE_URL } from '../test/slack/requests.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../test/support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../test/support/slack-capture.ts';
import { CostTable, openCountingStore } from './counting-store.ts';
import { type BenchHost, postSlash, postTeams, startBenchHost } from './http-host.ts';
import type { BenchOptions } from './options.ts';
import { roundTripNotes } from './redis-bench.ts';
import { acquireRedis, type RedisTarget } from './redis-target.ts';
import { type Row, type SectionResult, timeConcurrent } from './stats.ts';

const CONCURRENCY = 20;
const TEXT = 'hjelp';

interface Captures {
  teams: BotConnectorCapture;
  slack: SlackCapture;
}

/** Teams: time to the HTTP answer, which comes after the turn's replies were posted to the connector. */
async function teamsRows(host: BenchHost, captures: Captures, options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const workers of [1, CONCURRENCY]) {
    captures.teams.reset();
    const row = await timeConcurrent(
      'http/teams',
      `POST /api/messages "${TEXT}" (${workers === 1 ? 'sequential' : `${workers} at once`})`,
      options.httpN,
      workers,
      options.budgetMs,
      (i) => postTeams(host.port, captures.teams, i, TEXT),
    );
    // Every request must have produced its reply, or the figure is for an error path.
    const posted = captures.teams.posted().length;
    if (posted < row.n) throw new Error(`bench: ${row.n} Teams requests but ${posted} replies posted`);
    rows.push(row);
  }
  return rows;
}

/** Slack: time to the ack (the HTTP answer Slack waits at most 3 s for); replies are drained after. */
async function slackRows(host: BenchHost, captures: Captures, options: BenchOptions): Promise<SectionResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const workers of [1, CONCURRENCY]) {
    captures.slack.reset();
    const row = await timeConcurrent(
      'http/slack',
      `POST /slack/events /midler ${TEXT} → ack (${workers === 1 ? 'sequential' : `${workers} at once`})`,
      options.httpN,
      workers,
      options.budgetMs,
      (i) => postSlash(host.port, captures.slack, i, TEXT),
    );
    const t0 = performance.now();
    await host.slack.idle();
    const drained = performance.now() - t0;
    const posted = captures.slack.of(RESPONSE_URL).length;
    if (posted < row.n) throw new Error(`bench: ${row.n} Slack commands but ${posted} replies posted`);
    rows.push(row);
    notes.push(
      `Slack, ${workers === 1 ? 'sequential' : `${workers} at once`}: the last reply was posted ${drained.toFixed(1)} ms after the last ack`,
    );
  }
  return { rows, notes };
}

/** Round trips per HTTP request, adapter work included: each request alone, through the counting relay. */
async function countRoundTrips(
  target: RedisTarget,
  catalog: Catalog,
  captures: Captures,
  prefix: string,
  people: number,
): Promise<CostTable> {
  const counting = await openCountingStore(target, `${prefix}rt:`);
  const host = await startBenchHost(counting.store, catalog, captures.slack);
  const table = new CostTable();
  try {
    for (const round of ['first message of a person', 'a later message'] as const) {
      for (let i = 0; i < people; i++) {
        table.add(
          `Teams "${TEXT}", ${round}`,
          await counting.measure(() => postTeams(host.port, captures.teams, i, TEXT)),
        );
        table.add(
          `Slack /midler ${TEXT}, ${round}`,
          await counting.measure(async () => {
            await postSlash(host.port, captures.slack, i, TEXT);
            await host.slack.idle();
          }),
        );
      }
    }
    return table;
  } finally {
    await host.close(); // closes the counting store's client too
    await counting.close();
  }
}

/** The real host over loopback HTTP, on RedisStore (the production path). */
export async function httpRows(catalog: Catalog, options: BenchOptions): Promise<SectionResult> {
  const target = await acquireRedis();
  const prefix = `bench-http-${process.pid}-${Date.now()}:`;
  const captures: Captures = { teams: await startBotConnectorCapture(), slack: await startSlackCapture() };
  try {
    const host = await startBenchHost(createRedisStore({ url: target.url, prefix }), catalog, captures.slack);
    let rows: Row[];
    let slackNotes: string[];
    try {
      // Warm-up: JIT, botbuilder and Bolt set-up, first-contact writes; not timed.
      for (let i = 0; i < 20; i++) {
        await postTeams(host.port, captures.teams, i, TEXT);
        await postSlash(host.port, captures.slack, i, TEXT);
      }
      await host.slack.idle();
      const slack = await slackRows(host, captures, options);
      rows = [...(await teamsRows(host, captures, options)), ...slack.rows];
      slackNotes = slack.notes;
    } finally {
      await host.close();
    }
    const table = await countRoundTrips(target, catalog, captures, prefix, options.quick ? 2 : 5);
    return {
      rows,
      notes: [
        `(Redis: ${target.describe}; Teams and Slack APIs: local capture servers)`,
        ...slackNotes,
        ...roundTripNotes(table.stats(), 'Redis round trips per HTTP request (adapter + engine)'),
      ],
    };
  } finally {
    await captures.teams.close();
    await captures.slack.close();
    await target.release(prefix);
  }
}
