import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeButtonValue } from '../../adapters/slack/button-value.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Person } from '../../src/domain/application.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createdAudit, markStepDone, newApplication } from '../../src/domain/tracker.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import {
  blockActions,
  DM,
  directMessage,
  postSlack,
  type SlackRequest,
  USER,
} from '../support/slack-fixtures.ts';
import { type SlackHost, startSlackHost } from './harness.ts';

/**
 * A leader picked in a users_select who never talked to the bot is named by users.info during the
 * turn (the capture answers "Display <id>"), not by the role; a failing users.info falls back to the
 * role and the request still goes out.
 */

const clock = fixedClock('2022-10-10T08:00:00Z');
const NOW_SECONDS = Math.floor(clock().getTime() / 1000);
const NILS = 'U0NILS001';
const OLA = 'U0OLA0001';
const dmOf = (user: string) => `D${user.replace(/^U/, '')}`;

let host: SlackHost;
let capture: SlackCapture;
let store: Store;

async function send(req: SlackRequest): Promise<void> {
  const res = await postSlack(host.port, req, NOW_SECONDS);
  expect(res.status).toBe(200);
  await host.idle();
}

async function seed(id: string): Promise<void> {
  const call = loadCatalog('calls').get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('call missing');
  const kari: Person = { platform: 'slack', userId: USER, name: 'Kari Nordmann' };
  const draft = newApplication(
    call,
    {
      id,
      applicant: { ...kari, trust: 'st-olavs-hospital' },
      category: 'project',
      title: `Trygg utskrivning ${id}`,
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
  const created = await store.createApplication(draft, createdAudit(draft, kari));
  const ready = markStepDone(created, call, { step: 'draft', by: kari }, clock());
  const written = await store.updateApplication(created.id, created.version, ready.app, ready.audit);
  if (!written.ok) throw new Error('seed failed');
}

/** The applicant presses "send" with the nearest leader picked in the users_select. */
const ask = (appId: string, leader: string) =>
  send(
    blockActions({
      actionId: 'endorsement.send',
      value: encodeButtonValue('endorsement.send', { app: appId }),
      channel: DM,
      values: {
        'leader-endorse-nearest-leader': {
          'leader-endorse-nearest-leader': { type: 'users_select', selected_user: leader },
        },
      },
    }),
  );

/** What the applicant was shown: messages in their DM, and the modal the overview with inputs opens in. */
const shownToKari = () =>
  capture.calls
    .filter(
      (c) => (/^chat\./.test(c.method) && c.args.channel === DM) || /^views\.(open|update)$/.test(c.method),
    )
    .map((c) => JSON.stringify(c.args));
const postsTo = (channel: string) =>
  capture
    .of('chat.postMessage')
    .filter((c) => c.args.channel === channel)
    .map((c) => JSON.stringify(c.args));
const waitingOn = async (appId: string) =>
  (await store.getApplication(appId))?.steps.find((s) => s.id === 'endorse-nearest-leader')?.waitingOn;

beforeAll(async () => {
  capture = await startSlackCapture();
  const prefix = `t-slack-picked-${randomUUID()}:`;
  store = createRedisStore({ url: inject('redisUrl'), prefix });
  host = await startSlackHost({ capture, redisUrl: inject('redisUrl'), prefix, clock });
  await seed('pick-a');
  await seed('pick-b');
});
afterAll(async () => {
  await host?.close();
  await store?.close();
  await capture?.close();
});

describe('Slack: names of people picked in a users_select', () => {
  it('names a leader who never talked to the bot by users.info, and keeps their profile on their first turn', async () => {
    await ask('pick-a', NILS);
    expect(capture.of('users.info').map((c) => c.args.user)).toContain(NILS);
    expect(await waitingOn('pick-a')).toMatchObject({ userId: NILS, name: `Display ${NILS}` });
    expect(shownToKari().some((t) => t.includes(`venter på Display ${NILS}`))).toBe(true);
    expect(shownToKari().some((t) => t.includes('venter på Nærmeste leder'))).toBe(false);
    expect(shownToKari().some((t) => t.includes(`sendt til Display ${NILS}`))).toBe(true);
    expect(postsTo(dmOf(NILS)).filter((t) => t.includes('Trygg utskrivning pick-a'))).toHaveLength(1);

    // The name learned from the pick does not stand in for Nils's own first turn: his profile is kept.
    expect(await store.getUser('slack', NILS)).toBeNull();
    await send(directMessage('hva venter på meg', { user: NILS }));
    expect((await store.getUser('slack', NILS))?.name).toBe(`Display ${NILS}`);
  });

  it('falls back to the role when users.info fails, and still sends the request', async () => {
    capture.failNext('users.info', { error: 'user_not_found' });
    await ask('pick-b', OLA);
    expect(capture.of('users.info').map((c) => c.args.user)).toContain(OLA);
    expect(await waitingOn('pick-b')).toMatchObject({ userId: OLA, name: 'Nærmeste leder' });
    expect(shownToKari().some((t) => t.includes('venter på Nærmeste leder'))).toBe(true);
    expect(postsTo(dmOf(OLA)).filter((t) => t.includes('Trygg utskrivning pick-b'))).toHaveLength(1);
  });
});
