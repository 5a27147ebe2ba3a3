import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createdAudit, newApplication } from '../../src/domain/tracker.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { cardInvoke, personalInstall, postActivity, TENANT_ID } from '../support/teams-fixtures.ts';

/**
 * A leader picked with the Teams people picker who never talked to the bot is named by the adapter's
 * TeamsInfo.getMember lookup (over the real endpoint, answered by the capture), not by the role; a
 * failing lookup falls back to the role and the request still goes out.
 */

const clock = fixedClock('2022-10-10T08:00:00Z');
const GROUP = '19:groupchat-endorse@thread.v2';
const kari = { id: '29:kari', name: 'Kari Nordmann', aadObjectId: '11111111-1111-4111-8111-111111111111' };
const nils = { id: '29:nils', name: 'Nils Leder', aadObjectId: '22222222-2222-4222-8222-222222222222' };
const NILS_DM = 'a:nils-dm';

let app: App;
let store: Store;
let capture: BotConnectorCapture;
let port = 0;

const inGroup = {
  conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id: GROUP },
};

async function press(verb: string, data: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
  const activity = {
    ...cardInvoke(capture.serviceUrl, verb, { midlerbot: { action: verb, data } }, inputs, 'kari-card'),
    from: { ...kari },
    ...inGroup,
  };
  const res = await postActivity(port, activity);
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
}

async function draft(id: string) {
  const call = loadCatalog('calls').get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('call missing');
  const applicant = { platform: 'teams' as const, userId: kari.aadObjectId, name: kari.name };
  const a = newApplication(
    call,
    {
      id,
      applicant: { ...applicant, trust: 'st-olavs-hospital' },
      category: 'project',
      title: `Tryggere overganger ${id}`,
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
  await store.createApplication(a, createdAudit(a, applicant));
}

/** The applicant asks the nearest leader, picked in the people picker (the id only, no typed name). */
async function askNils(appId: string) {
  await press('endorsement.ready', { app: appId });
  return press('endorsement.send', { app: appId }, { 'leader-endorse-nearest-leader': nils.aadObjectId });
}

const leaderCardsFor = (appId: string) =>
  capture
    .posted()
    .filter(
      (c) => c.conversationId === NILS_DM && JSON.stringify(c.body).includes(`Tryggere overganger ${appId}`),
    );

beforeAll(async () => {
  capture = await startBotConnectorCapture();
  store = createRedisStore({
    url: inject('redisUrl'),
    prefix: `t-teams-picked-${process.pid}-${Date.now()}:`,
  });
  app = createApp({
    config: { port: 0, nodeEnv: 'test', teams: {} },
    store,
    catalog: loadCatalog('calls'),
    clock,
    log: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
  });
  port = await app.listen(0);
  // Nils has the app (reachable) but never wrote to the bot: no stored profile, no name.
  await postActivity(port, {
    ...personalInstall(capture.serviceUrl),
    from: { ...nils },
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: NILS_DM },
  });
  expect(await store.getUser('teams', nils.aadObjectId)).toBeNull();
  await draft('pick-a');
  await draft('pick-b');
});
afterAll(async () => {
  await app?.close();
  await capture?.close();
});

describe('Teams: names of people picked in the people picker', () => {
  it('names a leader who never talked to the bot by the group chat member lookup', async () => {
    capture.addMember(GROUP, nils);
    const answer = await askNils('pick-a');
    expect(capture.memberLookups().map((r) => r.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(GROUP)}/members/${nils.aadObjectId}`,
    ]);
    expect(answer).toContain('venter på Nils Leder');
    expect(answer).not.toContain('venter på Nærmeste leder');
    const stored = await store.getApplication('pick-a');
    expect(stored?.steps.find((s) => s.id === 'endorse-nearest-leader')?.waitingOn).toMatchObject({
      userId: nils.aadObjectId,
      name: 'Nils Leder',
    });
    expect(leaderCardsFor('pick-a')).toHaveLength(1);
  });

  it('falls back to the role when the lookup fails, and still sends the request', async () => {
    capture.reset();
    const answer = await askNils('pick-b');
    expect(capture.memberLookups()).toHaveLength(1);
    expect(answer).toContain('venter på Nærmeste leder');
    const stored = await store.getApplication('pick-b');
    expect(stored?.steps.find((s) => s.id === 'endorse-nearest-leader')?.waitingOn).toMatchObject({
      userId: nils.aadObjectId,
      name: 'Nærmeste leder',
    });
    expect(leaderCardsFor('pick-b')).toHaveLength(1);
  });
});
