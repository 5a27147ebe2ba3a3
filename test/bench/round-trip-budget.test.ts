import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BENCH_AT, BenchUser, ROUND_TRIP_SCRIPT, stepLabel } from '../../bench/conversation.ts';
import { type CountingStore, openCountingStore } from '../../bench/counting-store.ts';
import { benchEngine } from '../../bench/engine-bench.ts';
import { type BenchHost, postSlash, startBenchHost } from '../../bench/http-host.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { createdAudit, newApplication } from '../../src/domain/tracker.ts';
import { parseRedisUrl } from '../../src/store/redis-connection.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 3: one chat turn costs at most two round trips to Redis. Counted on the wire by the bench's
 * relay (round trips, not time), through a real redis-server, for engine turns and for whole HTTP
 * requests (adapter bookkeeping included).
 */
const LIMIT = 2;
const catalog = loadCatalog('calls');
let counting: CountingStore;

/**
 * Runs `work` alone and reports its round trips with the Store calls that caused them (the bench's
 * measure: the done-mark written after the answer went out is not part of the budget).
 */
async function measure(work: () => Promise<unknown>): Promise<{ trips: number; calls: string }> {
  const { trips, pattern } = await counting.measure(work);
  return { trips, calls: pattern };
}

beforeAll(async () => {
  const [endpoint] = parseRedisUrl(inject('redisUrl')).endpoints;
  if (!endpoint) throw new Error('no redis endpoint');
  counting = await openCountingStore(
    { direct: endpoint, via: (port) => `redis://127.0.0.1:${port}` },
    `test-round-trips-${randomUUID().slice(0, 8)}:`,
  );
});
afterAll(() => counting.close());

describe('Redis round trips per engine turn', () => {
  it('every turn of the eligibility check, an application, status, language and help takes at most two', async () => {
    const user = new BenchUser(benchEngine(counting.store, catalog, 'rt-'), `rt-${randomUUID().slice(0, 8)}`);
    const costs: string[] = [];
    for (const [i, step] of ROUND_TRIP_SCRIPT.steps.entries()) {
      const event = user.next(step);
      const { trips, calls } = await measure(() => user.send(event));
      costs.push(`${stepLabel(step, i)}: ${trips} (${calls})`);
      // Not vacuous: every turn reads its state from Redis.
      expect(trips, costs.at(-1)).toBeGreaterThanOrEqual(1);
    }
    user.assertFinished(ROUND_TRIP_SCRIPT);
    const over = costs.filter((c) => Number(c.split(': ')[1]?.split(' ')[0]) > LIMIT);
    expect(over, costs.join('\n')).toEqual([]);
  });
});

describe('Redis round trips of turns that change an application', () => {
  it('pressing a button on an application card (mark done, withdraw and confirm) takes at most two', async () => {
    const id = `rt-${randomUUID().slice(0, 8)}`;
    const engine = benchEngine(counting.store, catalog, 'rt-progress-');
    const call = catalog.get('pasientsikkerhet-2023-2024');
    if (!call) throw new Error('call missing');
    const applicant = { platform: 'teams' as const, userId: id, name: `Bench ${id}` };
    const draft = newApplication(
      call,
      {
        id: `${id}-app`,
        applicant: { ...applicant, trust: 'st-olavs-hospital' },
        category: 'project',
        title: 'Round trips',
        answers: {},
        verdict: 'eligible',
      },
      BENCH_AT,
    );
    await counting.store.createApplication(draft, createdAudit(draft, applicant));
    const user = new BenchUser(engine, id);
    const costs: string[] = [];
    for (const step of [
      { say: 'status' },
      { click: 'Done: Write the application' },
      { click: 'Withdraw the application' },
      { click: 'Yes, withdraw it' },
    ]) {
      const event = user.next(step);
      const { trips, calls } = await measure(() => user.send(event));
      costs.push(`${'say' in step ? step.say : step.click}: ${trips} (${calls})`);
    }
    expect((await counting.store.getApplication(draft.id))?.status).toBe('withdrawn');
    const over = costs.filter((c) => Number(c.split(': ')[1]?.split(' ')[0]) > LIMIT);
    expect(over, costs.join('\n')).toEqual([]);
    // Not vacuous: the writes happened within the two.
    expect(costs.join('\n')).toContain('updateApplication');
  });
});

describe('Redis round trips per HTTP request (adapter + engine)', () => {
  let host: BenchHost;
  let teams: BotConnectorCapture;
  let slack: SlackCapture;

  beforeAll(async () => {
    teams = await startBotConnectorCapture();
    slack = await startSlackCapture();
    host = await startBenchHost(counting.store, catalog, slack);
  });
  afterAll(async () => {
    // The host closes the store it was given: the traced RedisStore above goes with it.
    await host.close();
    await teams.close();
    await slack.close();
  });

  const from = (who: string) => ({
    from: { id: `29:rt-${who}`, name: `RT ${who}`, aadObjectId: `rt-aad-${who}` },
    conversation: { conversationType: 'personal', tenantId: 'rt-tenant', id: `a:rt-conversation-${who}` },
  });

  it('a Teams message that starts a dialog takes two, a duplicate of it one and no reply', async () => {
    const who = randomUUID().slice(0, 8);
    const activity = personalMessage(teams.serviceUrl, 'kan jeg søke?', from(who));
    teams.reset();
    const first = await measure(() => postActivity(host.port, activity));
    expect(first.trips, first.calls).toBeLessThanOrEqual(LIMIT);
    // The dialog state was written: the turn did all its work within the two.
    expect(first.calls).toContain('putDialog');
    expect(first.calls).toContain('claimTurn');
    expect(teams.posted().length).toBeGreaterThan(0);

    teams.reset();
    const again = await measure(() => postActivity(host.port, activity));
    expect(again.trips, again.calls).toBe(1);
    expect(teams.posted()).toEqual([]);

    const help = await measure(() =>
      postActivity(host.port, personalMessage(teams.serviceUrl, 'hjelp', from(who))),
    );
    expect(help.trips, help.calls).toBeLessThanOrEqual(LIMIT);
  });

  it('a Slack slash command takes at most two, first contact (profile written) included', async () => {
    const n = Math.floor(Math.random() * 1_000_000);
    for (const round of ['first', 'later']) {
      const cost = await measure(async () => {
        await postSlash(host.port, slack, n, 'hjelp');
        await host.slack.idle();
      });
      expect(cost.trips, `${round}: ${cost.calls}`).toBeLessThanOrEqual(LIMIT);
      if (round === 'first') expect(cost.calls).toContain('putUser');
    }
  });
});
