import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Application } from '../../src/domain/application.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createdAudit, newApplication } from '../../src/domain/tracker.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import {
  type BotConnectorCapture,
  type Captured,
  startBotConnectorCapture,
} from '../support/bot-connector-capture.ts';
import {
  cardInvoke,
  cardOf,
  personalInstall,
  personalMessage,
  postActivity,
} from '../support/teams-fixtures.ts';

/** Endorsement over the real Teams endpoint: invokes in, Bot Connector calls captured, Redis state. */

const clock = fixedClock('2022-10-10T08:00:00Z');
const people = {
  kari: {
    id: '29:kari',
    name: 'Kari Nordmann',
    aadObjectId: '11111111-1111-4111-8111-111111111111',
    conversation: 'a:kari-dm',
  },
  nils: {
    id: '29:nils',
    name: 'Nils Leder',
    aadObjectId: '22222222-2222-4222-8222-222222222222',
    conversation: 'a:nils-dm',
  },
  ola: {
    id: '29:ola',
    name: 'Ola Annen',
    aadObjectId: '44444444-4444-4444-8444-444444444444',
    conversation: 'a:ola-dm',
  },
};
type Who = (typeof people)[keyof typeof people];

let app: App;
let store: Store;
let capture: BotConnectorCapture;
let port = 0;
let application: Application;

const as = (who: Who) => ({
  from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
  conversation: {
    conversationType: 'personal',
    tenantId: '72f988bf-0000-4000-8000-000000000001',
    id: who.conversation,
  },
});

type CardAction = { verb?: string; title?: string; data?: Record<string, unknown> };
const actionsOf = (c: Captured | undefined): CardAction[] =>
  (cardOf(c?.body ?? {})?.actions ?? []) as CardAction[];
const textOf = (c: Captured | undefined) => JSON.stringify(c?.body ?? {});
const postedTo = (who: Who) => capture.posted().filter((c) => c.conversationId === who.conversation);

async function invoke(
  who: Who,
  action: CardAction | undefined,
  inputs: Record<string, unknown>,
  replyToId: string,
  id?: string,
) {
  if (!action?.verb || !action.data) throw new Error('no such action on the card');
  const activity = {
    ...cardInvoke(capture.serviceUrl, action.verb, action.data, inputs, replyToId),
    ...as(who),
    ...(id ? { id } : {}),
  };
  return { activity, res: await postActivity(port, activity) };
}

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  const catalog = loadCatalog('calls');
  store = createRedisStore({
    url: inject('redisUrl'),
    prefix: `t-endorse-teams-${process.pid}-${Date.now()}:`,
  });
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog,
    clock,
    log: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
  for (const who of Object.values(people))
    await postActivity(port, { ...personalInstall(capture.serviceUrl), ...as(who) });
  const call = catalog.get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('call missing');
  const kari = { platform: 'teams' as const, userId: people.kari.aadObjectId, name: people.kari.name };
  const draft = newApplication(
    call,
    {
      id: 'ps-http-1',
      applicant: { ...kari, trust: 'st-olavs-hospital' },
      category: 'project',
      title: 'Tryggere overganger',
      answers: {},
      verdict: 'eligible',
      // What the applicant asks for: the leader's card shows it, and no request goes out without it.
      amount: {
        maxRequest: 500_000,
        requiredOwnFinancing: 0,
        eligibleTotal: 500_000,
        binding: 'budget',
        requested: 400_000,
        own: 0,
      },
    },
    clock(),
  );
  application = await store.createApplication(draft, createdAudit(draft, kari));
});
afterAll(async () => {
  await app?.close();
  await capture?.close();
});

describe('endorsement over the Teams endpoint', () => {
  it('request → leader card; third person refused; approve in place; a repeated invoke is one decision', async () => {
    // The applicant asks from chat: ready, then pick the nearest leader in the people picker.
    await postActivity(port, {
      ...personalMessage(capture.serviceUrl, 'be om godkjenning'),
      ...as(people.kari),
    });
    const overview = postedTo(people.kari).at(-1);
    const ready = actionsOf(overview).find((a) => a.verb === 'endorsement.ready');
    const readied = await invoke(people.kari, ready, {}, 'kari-card-1');
    const form = (readied.res.body as { value?: { actions?: CardAction[] } }).value;
    const send = form?.actions?.find((a) => a.verb === 'endorsement.send');
    const sent = await invoke(
      people.kari,
      send,
      {
        'leader-endorse-nearest-leader': people.nils.aadObjectId,
        'leader-name-endorse-nearest-leader': 'Nils Leder',
      },
      'kari-card-1',
    );
    expect(sent.res.status).toBe(200);

    const leaderCard = postedTo(people.nils).find((c) =>
      textOf(c).includes('Godkjenning: Tryggere overganger'),
    );
    expect(leaderCard, JSON.stringify(capture.posted().map((c) => c.conversationId))).toBeDefined();
    expect(textOf(leaderCard)).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');
    const messageRef = `1:${leaderCard?.seq}`;
    const approve = actionsOf(leaderCard).find((a) => a.title === 'Godkjenn');

    // A forwarded card pressed by someone else: refused in their chat, the card is left as it was.
    const before = await store.getApplication(application.id);
    const refused = await invoke(people.ola, approve, { comment: 'ok' }, messageRef);
    expect(JSON.stringify(refused.res.body)).not.toContain('AdaptiveCard');
    expect(textOf(postedTo(people.ola).at(-1))).toContain('Bare Nils Leder kan avgjøre denne forespørselen');
    expect(await store.getApplication(application.id)).toEqual(before);

    // The leader approves: the invoke answer is the decided card, replacing the clicked one.
    const decided = await invoke(people.nils, approve, { comment: 'Godt tiltak' }, messageRef);
    expect(decided.res.status).toBe(200);
    const body = decided.res.body as { statusCode: number; type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Godkjent av Nils Leder');
    expect(JSON.stringify(body.value)).not.toContain('Action.Execute');
    expect(postedTo(people.kari).some((c) => textOf(c).includes('Nils Leder har godkjent'))).toBe(true);

    // Teams retries the same invoke, and the leader clicks again on a second device: one decision.
    await postActivity(port, decided.activity);
    const second = await invoke(people.nils, approve, {}, messageRef);
    expect(JSON.stringify(second.res.body)).toContain('Godkjent av Nils Leder');
    const audit = (await store.readAudit(application.id)).map((e) => e.action);
    expect(audit.filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(postedTo(people.kari).filter((c) => textOf(c).includes('Nils Leder har godkjent'))).toHaveLength(
      1,
    );
  });
});
