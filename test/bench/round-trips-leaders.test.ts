import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BENCH_AT } from '../../bench/conversation.ts';
import { benchEngine } from '../../bench/engine-bench.ts';
import { type RoundTripProxy, startRoundTripProxy } from '../../bench/round-trip-proxy.ts';
import { traceStore } from '../../bench/store-trace.ts';
import type { Inbound, TurnResult } from '../../src/bot/messages.ts';
import { parseRedisUrl } from '../../src/store/redis-connection.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { useKit } from '../kit/index.ts';
import { realCatalog } from '../support/transcript.ts';

/**
 * Issue 17: the turns of leaders, quality chiefs and channel admins keep the two-round-trip budget of
 * every other turn (test/bench/round-trip-budget.test.ts). What a pressed button names is read with
 * the turn's first reads: the application, the decision card's sent copies (`data.ref`), the call's
 * applications for the chief's order (`data.callApps`), the channel's subscription in a channel; the
 * writes go out together (with the applicant's profile for the notice, or with the dialog state).
 * Counted on the wire through the bench's relay, on the engine and turn runner with a real
 * redis-server; the done-mark written after the answer is outside the count.
 */
const LIMIT = 2;
let proxy: RoundTripProxy;
const traces: ReturnType<typeof traceStore>[] = [];

beforeAll(async () => {
  const [endpoint] = parseRedisUrl(inject('redisUrl')).endpoints;
  if (!endpoint) throw new Error('no redis endpoint');
  proxy = await startRoundTripProxy(endpoint);
});
afterAll(async () => {
  await proxy.close();
});

function countedStore(prefix: string | undefined): Store {
  const trace = traceStore(
    createRedisStore({
      url: `redis://127.0.0.1:${proxy.port}`,
      prefix: prefix ?? `t-rt-${randomUUID().slice(0, 8)}:`,
    }),
  );
  traces.push(trace);
  return trace.store;
}

/** Round trips of one turn, with the Store calls that caused them. */
async function cost(turn: () => PromiseLike<unknown>): Promise<{ trips: number; calls: string }> {
  // Let writes of the turn before (its done-mark) land first.
  await new Promise((r) => setTimeout(r, 20));
  const trace = traces.at(-1);
  proxy.reset();
  trace?.reset();
  await turn();
  const calls = trace?.pattern() ?? '';
  const doneMarks = calls.split(' → ').filter((wave) => wave === 'finishTurn').length;
  return { trips: proxy.roundTrips - doneMarks, calls };
}

describe('Redis round trips of leaders’ and quality chiefs’ turns', () => {
  const kit = useKit('engine', { at: '2022-10-10T08:00:00Z', redisStore: countedStore });
  const kari = kit.user('Kari Nordmann');
  const nils = kit.user('Nils Leder');
  const klara = kit.user('Klara Klinikk');
  const chief = kit.user('Kåre Kvalitet');

  it('an endorsement decision (approve, and decline with a comment) takes at most two', async () => {
    const app = await kari.applies({ title: 'Rundturer' });
    await kari
      .says('be om godkjenning')
      .presses('Ja, søknaden er klar')
      .presses('Send forespørselen', {
        'leader-endorse-nearest-leader': nils,
        'leader-endorse-clinic-leader': klara,
      })
      .as(nils)
      .receives('Godkjenning: Rundturer');
    const approve = await cost(() => nils.presses('Godkjenn'));
    expect(approve.trips, approve.calls).toBeLessThanOrEqual(LIMIT);
    expect(approve.calls).toContain('updateApplication');
    const decline = await cost(() => klara.presses('Avslå', { comment: 'Budsjettet må ned' }));
    expect(decline.trips, decline.calls).toBeLessThanOrEqual(LIMIT);
    expect(decline.calls).toContain('updateApplication');
    expect((await kit.reload(app.id)).status).toBe('draft');
  });

  it("the quality chief's list and confirming the order take at most two each", async () => {
    await kit.configure({ chiefs: { 'st-olavs-hospital': chief } });
    const app = await kari.applies({
      title: 'Prioritert',
      stage: 'submitted',
      leaders: [nils.person, klara.person],
    });
    const list = await cost(() => chief.says('prioriter søknadene'));
    expect(list.trips, list.calls).toBeLessThanOrEqual(LIMIT);
    const confirm = await cost(() => chief.presses('Bekreft rekkefølgen'));
    expect(confirm.trips, confirm.calls).toBeLessThanOrEqual(LIMIT);
    expect(confirm.calls).toContain('updateApplication');
    expect((await kit.reload(app.id)).steps.find((s) => s.id === 'trust-prioritisation')?.state).toBe('done');
  });
});

describe('Redis round trips of a channel’s reminder subscription', () => {
  it('opening reminders, choosing calls and saving take at most two each', async () => {
    const store = countedStore(undefined);
    const engine = benchEngine(store, realCatalog(), 'rt-sub-');
    const id = randomUUID().slice(0, 8);
    let last: TurnResult | undefined;
    const turn = async (what: Pick<Inbound, 'text' | 'action'>) => {
      const event: Inbound = {
        platform: 'slack',
        user: { id: `U${id}`, name: 'Kanal Admin', locale: 'nb' },
        conversation: { id: `C${id}`, kind: 'channel' },
        ...what,
        at: new Date(BENCH_AT.getTime()),
      };
      last = await engine.handle(event);
      expect(last.error).toBeUndefined();
    };
    const press = (label: string, inputs?: Record<string, unknown>) => {
      const buttons = (last?.replies ?? []).flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []));
      const button = buttons.filter((b) => b.label === label).at(-1);
      if (!button) throw new Error(`no button ${label}: ${buttons.map((b) => b.label).join(' | ')}`);
      return turn({ action: { id: button.action, data: button.data ?? {}, ...(inputs ? { inputs } : {}) } });
    };
    const open = await cost(() => turn({ text: 'påminnelser' }));
    const choose = await cost(() => press('Velg utlysninger'));
    const save = await cost(() => press('Lagre', { calls: 'innovasjon-2023' }));
    // The subscription is read with the first round trip; saving goes with the dialog state.
    expect(open.trips, open.calls).toBeLessThanOrEqual(LIMIT);
    expect(open.calls).toContain('getSubscription');
    expect(choose.trips, choose.calls).toBeLessThanOrEqual(LIMIT);
    expect(save.trips, save.calls).toBeLessThanOrEqual(LIMIT);
    expect(save.calls).toContain('replaceReminders');
    expect(save.calls).toContain('putSubscription');
    expect((await store.getSubscription(`slack:C${id}`))?.callIds).toEqual(['innovasjon-2023']);
  });
});
