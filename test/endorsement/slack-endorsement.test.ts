import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import type { Application, Person } from '../../src/domain/application.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createdAudit, markStepDone, newApplication } from '../../src/domain/tracker.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type SlackHost, startSlackHost } from '../slack/harness.ts';
import { type SlackCall, type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import {
  blockActions,
  DM,
  directMessage,
  OTHER_USER,
  postSlack,
  type SlackRequest,
  USER,
} from '../support/slack-fixtures.ts';

/** Endorsement over the real Slack endpoint: signed events and block_actions in, Web API calls captured. */

const clock = fixedClock('2022-10-10T08:00:00Z');
const NOW_SECONDS = Math.floor(clock().getTime() / 1000);
const NILS = 'U0NILS001';
const NILS_DM = 'D0NILS001';

let host: SlackHost;
let capture: SlackCapture;
let store: Store;
let application: Application;

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
function button(call: SlackCall | undefined, label: string): { actionId: string; value: string } {
  const blocks = (call?.args.blocks ?? []) as { elements?: Element[] }[];
  const found = blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === 'button' && e.text?.text === label);
  if (!found?.action_id || !found.value)
    throw new Error(`no button ${label} in ${JSON.stringify(call?.args.blocks)}`);
  return { actionId: found.action_id, value: found.value };
}
const textOf = (c: SlackCall | undefined) => JSON.stringify(c?.args ?? {});
const postsTo = (channel: string) => capture.of('chat.postMessage').filter((c) => c.args.channel === channel);

async function send(req: SlackRequest): Promise<void> {
  const res = await postSlack(host.port, req, NOW_SECONDS);
  expect(res.status).toBe(200);
  await host.idle();
}

beforeAll(async () => {
  capture = await startSlackCapture();
  const prefix = `t-endorse-slack-${randomUUID()}:`;
  const catalog = loadCatalog('calls');
  // The engine's store and the host's are two clients on one Redis state, as two replicas would be.
  store = createRedisStore({ url: inject('redisUrl'), prefix });
  host = await startSlackHost({
    capture,
    redisUrl: inject('redisUrl'),
    prefix,
    clock,
  });
  const call = catalog.get('pasientsikkerhet-2023-2024');
  if (!call) throw new Error('call missing');
  const kari: Person = { platform: 'slack', userId: USER, name: 'Kari Nordmann' };
  const draft = newApplication(
    call,
    {
      id: 'ps-slack-1',
      applicant: { ...kari, trust: 'st-olavs-hospital' },
      category: 'project',
      title: 'Trygg utskrivning',
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
  application = written.value;
});
afterAll(async () => {
  await host?.close();
  await store?.close();
  await capture?.close();
});

describe('endorsement over the Slack endpoint', () => {
  it('request → leader card; third person refused; approve updates the card; a repeated event is one decision', async () => {
    await send(directMessage('be om godkjenning'));
    const overview = postsTo(DM).find((c) => textOf(c).includes('Send forespørselen'));
    const sendButton = button(overview, 'Send forespørselen');
    await send(
      blockActions({
        ...sendButton,
        channel: DM,
        messageTs: String(overview?.args.ts ?? '1693814400.000001'),
        values: {
          'leader-endorse-nearest-leader': {
            'leader-endorse-nearest-leader': { type: 'users_select', selected_user: NILS },
          },
        },
      }),
    );
    const leaderCard = postsTo(NILS_DM).find((c) => textOf(c).includes('Trygg utskrivning'));
    expect(leaderCard, JSON.stringify(capture.calls.map((c) => [c.method, c.args.channel]))).toBeDefined();
    expect(textOf(leaderCard)).toContain('Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');
    const approve = button(leaderCard, 'Godkjenn');
    // The capture answers each chat.postMessage with the next ts in order.
    const position = capture.of('chat.postMessage').indexOf(leaderCard as SlackCall) + 1;
    const leaderTs = `1693814400.${String(position).padStart(6, '0')}`;

    // Someone else presses the leader's buttons: refused, nothing stored changes, the card stays.
    const before = await store.getApplication(application.id);
    await send(blockActions({ ...approve, channel: NILS_DM, messageTs: leaderTs, user: OTHER_USER }));
    expect(capture.calls.some((c) => textOf(c).includes('kan avgjøre denne forespørselen'))).toBe(true);
    expect(capture.of('chat.update')).toHaveLength(0);
    expect(await store.getApplication(application.id)).toEqual(before);

    // The leader approves with a comment: the card is updated in place with the outcome.
    const click = blockActions({
      ...approve,
      channel: NILS_DM,
      messageTs: leaderTs,
      user: NILS,
      values: { comment: { comment: { type: 'plain_text_input', value: 'Støttes' } } },
    });
    await send(click);
    const updated = capture.of('chat.update').at(-1);
    expect(updated?.args).toMatchObject({ channel: NILS_DM, ts: leaderTs });
    expect(textOf(updated)).toContain('Godkjent av');
    expect(textOf(updated)).not.toContain('"type":"button"');
    expect(postsTo(DM).some((c) => textOf(c).includes('har godkjent «Trygg utskrivning»'))).toBe(true);

    // Slack retries the same delivery, and the leader clicks again: still one decision.
    await send(click);
    await send(blockActions({ ...approve, channel: NILS_DM, messageTs: leaderTs, user: NILS }));
    const audit = (await store.readAudit(application.id)).map((e) => e.action);
    expect(audit.filter((a) => a === 'endorsement.approve')).toHaveLength(1);
    expect(postsTo(DM).filter((c) => textOf(c).includes('har godkjent'))).toHaveLength(1);
    expect(
      (await store.getApplication(application.id))?.steps.find((s) => s.id === 'endorse-nearest-leader'),
    ).toMatchObject({
      state: 'done',
      decidedBy: { platform: 'slack', userId: NILS },
      comment: 'Støttes',
    });
  });
});
