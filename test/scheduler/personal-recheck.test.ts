import { describe, expect, it } from 'vitest';
import { traceStore } from '../../bench/store-trace.ts';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendOptions, SendResult } from '../../src/bot/ports.ts';
import type { Application } from '../../src/domain/application.ts';
import type { Transition } from '../../src/domain/application-audit.ts';
import { submit } from '../../src/domain/application-transitions.ts';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import { decideEndorsement, replaceLeader } from '../../src/domain/transitions.ts';
import { createReminderLoop } from '../../src/scheduler/reminder-loop.ts';
import { createReminderPlanner } from '../../src/scheduler/reminder-planner.ts';
import type { Store } from '../../src/store/store.ts';
import { applicant, call, catalog, clinicLeader, nearestLeader, PS, psDraft } from '../reminders/support.ts';
import { collectingLog, storeKinds, type TestClock, testClock, textOf } from './support.ts';

/**
 * Personal nudges are re-checked against the Store at send time: what changed since they were
 * planned (a leader approved or was replaced, the application went in, nudges were turned off) stops
 * them even before the periodic planner runs again.
 */

const LEASE = 60_000;
const LEADER_STEP = 'endorse-nearest-leader';
/** Bob's "waited two working days" nudge: asked Thu 27 Oct 10:00, due Mon 31 Oct 10:00 local. */
const BOB_DUE = '2022-10-31T09:00:00Z';
/** Alice's first applicant nudge: 7 days before the 4 Nov deadline, 09:00 local (summer time). */
const ALICE_DUE = '2022-10-28T07:00:00Z';

interface Post {
  to: string;
  id: string;
  message: Outbound;
}

/** A Slack sender that records posts (with the reminder id from the idempotency key) and can act mid-send. */
function sender(during?: (post: Post) => Promise<void>) {
  const posts: Post[] = [];
  const post = async (to: string, message: Outbound, options?: SendOptions): Promise<SendResult> => {
    const p = { to, id: options?.idempotencyKey?.replace(/^reminder:/, '') ?? '', message };
    posts.push(p);
    await during?.(p);
    return { ok: true, messageRef: 'm' };
  };
  const s: Sender = {
    platform: 'slack',
    sendToConversation: post,
    sendToUser: post,
    update: () => Promise.resolve({ ok: true, messageRef: 'm' }),
  };
  return { sender: s, posts };
}

async function setup(
  store: Store,
  c: TestClock,
  apps: Application[] = [psDraft('app1', { version: 1 })],
): Promise<void> {
  for (const app of apps) {
    await store.createApplication(app, {
      at: c.clock().toISOString(),
      actor: applicant,
      platform: 'slack',
      action: 'application.create',
    });
  }
  await planner(store, c).reconcile();
}

const planner = (store: Store, c: TestClock) =>
  createReminderPlanner({ store, catalog, clock: c.clock, log: collectingLog().log });

/** No per-person rate limit here: a batch to one person goes out in one tick. */
const PER_TARGET = { slack: { limit: 100, windowMs: 1_000 } };

function loop(store: Store, c: TestClock, s: Sender, log = collectingLog().log, owner = 'r1') {
  return createReminderLoop({
    perTarget: PER_TARGET,
    store,
    senders: [s],
    catalog,
    clock: c.clock,
    owner,
    leaseMs: LEASE,
    batch: 50,
    log,
  });
}

/** Applies a domain transition the way the dialogs do: compare-and-set on the version read. */
async function apply(store: Store, id: string, change: (app: Application) => Transition): Promise<void> {
  const app = await store.getApplication(id);
  if (!app) throw new Error(`no ${id}`);
  const t = change(app);
  const result = await store.updateApplication(id, app.version, t.app, t.audit);
  if (!result.ok) throw new Error(`update of ${id} failed: ${result.reason}`);
}

const approve = (store: Store, c: TestClock, id: string) =>
  apply(store, id, (app) =>
    decideEndorsement(
      app,
      call(PS),
      { step: LEADER_STEP, decision: 'approve', by: nearestLeader },
      c.clock(),
    ),
  );

const queuedFor = async (store: Store, prefix: string) =>
  (await store.listReminderIds()).filter((id) => id.startsWith(prefix));

describe.each(storeKinds())('personal reminders re-checked at send time on $name', (kind) => {
  it('a nudge queued for a leader who then approved is not sent, and the plan does not bring it back', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    await setup(store, c);
    const [bobNudge] = await queuedFor(store, `ld/app1/${LEADER_STEP}/slack:${nearestLeader.userId}`);
    expect(bobNudge).toBe(`ld/app1/${LEADER_STEP}/slack:${nearestLeader.userId}@2022-11-04T23:59/2022-10-31`);

    // Bob approves at 09:30 on Monday, before his 10:00 nudge and before any re-plan.
    c.set('2022-10-31T08:30:00Z');
    await approve(store, c, 'app1');
    c.set(BOB_DUE);
    const { log, lines } = collectingLog();
    const slack = sender();
    const tick = await loop(store, c, slack.sender, log).tickOnce();

    expect(tick.outcomes.find((o) => o.id === bobNudge)?.outcome).toBe('moot');
    expect(slack.posts.filter((p) => p.to === nearestLeader.userId)).toEqual([]);
    expect(lines.find((l) => (l.obj as { id?: string }).id === bobNudge)).toMatchObject({
      level: 'info',
      msg: 'personal reminder dropped: no longer due',
      obj: { reason: 'step-settled' },
    });
    // Alice's overdue nudge of 28 Oct still goes, written from the application as it is now.
    const toAlice = slack.posts.filter((p) => p.to === applicant.userId);
    expect(toAlice).toHaveLength(1);
    expect(textOf(toAlice[0]!.message)).not.toContain('Bob Boss');
    expect(textOf(toAlice[0]!.message)).toContain('klinikkleder');

    // Dropped from the queue; the next re-plan removes Bob's later nudge too, and adds nothing back.
    expect(await queuedFor(store, 'ld/')).not.toContain(bobNudge);
    await planner(store, c).reconcile();
    expect(await queuedFor(store, 'ld/')).toEqual([]);
    c.set('2022-11-02T08:00:00Z');
    await loop(store, c, slack.sender).tickOnce();
    expect(slack.posts.filter((p) => p.to === nearestLeader.userId)).toEqual([]);
  });

  it('a nudge for a leader who was replaced is not sent to the old leader', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    await setup(store, c);
    c.set('2022-10-31T08:00:00Z');
    await apply(store, 'app1', (app) =>
      replaceLeader(app, call(PS), { step: LEADER_STEP, leader: clinicLeader, by: applicant }, c.clock()),
    );
    c.set(BOB_DUE);
    const { log, lines } = collectingLog();
    const slack = sender();
    const tick = await loop(store, c, slack.sender, log).tickOnce();
    const bob = tick.outcomes.filter((o) => o.id.includes(`slack:${nearestLeader.userId}`));
    expect(bob.map((o) => o.outcome)).toEqual(['moot']);
    expect(lines.find((l) => l.msg.includes('no longer due'))?.obj).toMatchObject({
      reason: 'recipient-changed',
    });
    expect(slack.posts.map((p) => p.to)).not.toContain(nearestLeader.userId);
  });

  it('a nudge for someone who turned nudges off is not sent; turned on again, the planner brings it back', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    await setup(store, c);
    const profile = { platform: 'slack' as const, userId: applicant.userId, name: applicant.name };
    await store.putUser({ ...profile, nudges: false });
    c.set(ALICE_DUE);
    const { log, lines } = collectingLog();
    const slack = sender();
    const tick = await loop(store, c, slack.sender, log).tickOnce();
    expect(tick.outcomes).toEqual([{ id: 'ap/app1@2022-11-04T23:59/2022-10-28', outcome: 'moot' }]);
    expect(slack.posts).toEqual([]);
    expect(lines.find((l) => l.msg.includes('no longer due'))?.obj).toMatchObject({ reason: 'nudges-off' });

    // Dropped, not marked delivered: with nudges on again the same day, the nudge comes after all.
    await store.putUser({ ...profile, nudges: true, locale: 'en' });
    await planner(store, c).reconcile();
    await loop(store, c, slack.sender).tickOnce();
    expect(slack.posts.map((p) => p.id)).toEqual(['ap/app1@2022-11-04T23:59/2022-10-28']);
    // The profile as it is now also decides the language.
    expect(textOf(slack.posts[0]!.message)).toContain('Approval from your line manager');
  });

  it('a nudge about submitting is not sent once the application is submitted', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    const endorsed = psDraft('app1', {
      version: 1,
      steps: psDraft('x').steps.map((s) =>
        s.id === LEADER_STEP || s.id === 'endorse-clinic-leader'
          ? { id: s.id, state: 'done', since: '2022-10-26T08:00:00.000Z' }
          : s,
      ),
    });
    await setup(store, c, [endorsed]);
    const [nudge] = await queuedFor(store, 'ap/app1');
    const planned = planReminders({
      calls: [call(PS)],
      subscriptions: [],
      applications: [endorsed],
      now: c.clock(),
    });
    expect(nudge).toBe('ap/app1@2022-11-04T23:59/2022-10-28');
    expect(planned.find((r) => r.id === nudge)?.payload.steps?.map((s) => s.id)).toContain('submission');

    c.set('2022-10-28T06:00:00Z');
    await apply(store, 'app1', (app) => submit(app, call(PS), { by: applicant }, c.clock()));
    c.set(ALICE_DUE);
    const { log, lines } = collectingLog();
    const slack = sender();
    const tick = await loop(store, c, slack.sender, log).tickOnce();
    expect(tick.outcomes).toEqual([{ id: nudge, outcome: 'moot' }]);
    expect(slack.posts).toEqual([]);
    expect(lines.find((l) => l.msg.includes('no longer due'))?.obj).toMatchObject({
      reason: 'application-not-open',
      status: 'submitted',
    });
    expect(await queuedFor(store, 'ap/')).not.toContain(nudge);
    await planner(store, c).reconcile();
    expect(await queuedFor(store, 'ap/')).toEqual([]);
  });

  it('a nudge still due is sent exactly once, across replicas and re-plans', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    await setup(store, c);
    c.set(BOB_DUE);
    const a = sender();
    const b = sender();
    const replicas = [loop(store, c, a.sender, undefined, 'ra'), loop(store, c, b.sender, undefined, 'rb')];
    await Promise.all(replicas.map((r) => r.tickOnce()));
    await planner(store, c).reconcile();
    c.advance(LEASE + 1);
    await Promise.all(replicas.map((r) => r.tickOnce()));
    const toBob = [...a.posts, ...b.posts].filter((p) => p.to === nearestLeader.userId);
    expect(toBob.map((p) => p.id)).toEqual([
      `ld/app1/${LEADER_STEP}/slack:${nearestLeader.userId}@2022-11-04T23:59/2022-10-31`,
    ]);
    expect(textOf(toBob[0]!.message)).toContain('Alice Applicant');
  });

  it('reads the applications and profiles of a batch together, and again for the rest after a slow send', async () => {
    const c = testClock('2022-10-27T09:00:00Z');
    const store = await kind.make(c.clock);
    const apps = ['app1', 'app2', 'app3'].map((id) => psDraft(id, { version: 1 }));
    await setup(store, c, apps);
    c.set(BOB_DUE);
    const trace = traceStore(store);
    const quick = sender();
    const first = await loop(trace.store, c, quick.sender).tickOnce();
    // Three leader nudges to Bob and three overdue applicant nudges to Alice.
    expect(first.outcomes.map((o) => o.outcome)).toEqual(Array(6).fill('sent'));
    const waves = trace.pattern().split(' → ');
    // Other lanes' delivery checks may share a wave with the read; only the read's own calls count.
    const reads = waves
      .filter((w) => w.includes('getApplications'))
      .map((w) =>
        w
          .split(' + ')
          .filter((call) => call === 'getApplications' || call === 'getUser')
          .join(' + '),
      );
    expect(reads).toEqual(['getApplications + getUser + getUser']);

    // Again with Bob approving app3 while the first send takes 25 s: app3's nudge, read before, is
    // read again for the rest of the batch and not sent.
    const c2 = testClock('2022-10-27T09:00:00Z');
    const store2 = await kind.make(c2.clock);
    await setup(store2, c2, apps);
    c2.set(BOB_DUE);
    const slow = sender(async (post) => {
      if (post.id.startsWith('ld/app1/')) {
        await approve(store2, c2, 'app3');
        c2.advance(25_000);
      }
    });
    const tick = await loop(store2, c2, slow.sender).tickOnce();
    const outcome = (prefix: string) => tick.outcomes.find((o) => o.id.startsWith(prefix))?.outcome;
    expect(outcome('ld/app1/')).toBe('sent');
    expect(outcome('ld/app2/')).toBe('sent');
    expect(outcome('ld/app3/')).toBe('moot');
  });
});
