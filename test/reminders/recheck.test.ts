import { describe, expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import { isSubmitted } from '../../src/domain/reminder-nudges.ts';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import {
  isPersonalReminder,
  type QueuedPersonal,
  recheckPersonal,
} from '../../src/domain/reminder-recheck.ts';
import type { PlannedReminder } from '../../src/domain/reminder-types.ts';
import { call, clinicLeader, PS, psDraft, subscription } from './support.ts';

/** The pure half of the send-time check: is a queued personal reminder still what the plan says? */

const PLANNED_AT = new Date('2022-10-20T12:00:00Z');
/** Bob's first nudge ("waited") is due Mon 31 Oct 10:00 local; Alice's first (28 Oct) is overdue then. */
const SEND_AT = new Date('2022-10-31T09:00:00Z');
const LEADER_STEP = 'endorse-nearest-leader';

/** The first reminder of `kind` planned for `app`, as the queue holds it. */
function planned(app: Application, kind: PlannedReminder['kind']): QueuedPersonal {
  const r = planReminders({
    calls: [call(PS)],
    subscriptions: [],
    applications: [app],
    now: PLANNED_AT,
  }).find((x) => x.kind === kind);
  if (r?.target.kind !== 'user') throw new Error(`no ${kind}`);
  return { id: r.id, target: r.target, payload: r.payload };
}

const withStep = (app: Application, id: string, change: Partial<Application['steps'][number]>) => ({
  ...app,
  steps: app.steps.map((s) => (s.id === id ? { ...s, ...change } : s)),
});

const check = (item: QueuedPersonal, app: Application | null, profile = null as null | { nudges: boolean }) =>
  recheckPersonal(item, app, call(PS), profile, SEND_AT);

describe('recheckPersonal', () => {
  const app = psDraft('app1');
  const leaderNudge = planned(app, 'leader-nudge');
  const applicantNudge = planned(app, 'applicant-nudge');

  it('keeps a nudge the plan still makes, with the payload as the plan makes it now', () => {
    expect(check(leaderNudge, app)).toMatchObject({ due: true, payload: { applicationId: 'app1' } });
    const renamed = { ...app, title: 'Tryggere medisinering' };
    const result = check(applicantNudge, renamed, { nudges: true });
    expect(result.due && result.payload.applicationTitle).toBe('Tryggere medisinering');
  });

  it('drops a leader nudge once the leader decided, was replaced, or the request was sent again', () => {
    const approved = withStep(app, LEADER_STEP, { state: 'done', waitingOn: undefined });
    expect(check(leaderNudge, approved)).toEqual({ due: false, reason: 'step-settled' });
    const replaced = withStep(app, LEADER_STEP, {
      waitingOn: clinicLeader,
      since: '2022-10-28T08:00:00.000Z',
    });
    expect(check(leaderNudge, replaced)).toEqual({ due: false, reason: 'recipient-changed' });
    // Asked again later: the "waited two days" nudge now falls on another day.
    const again = withStep(app, LEADER_STEP, { since: '2022-10-30T08:00:00.000Z' });
    expect(check(leaderNudge, again)).toEqual({ due: false, reason: 'not-planned' });
  });

  it('drops nudges when the recipient turned them off, or the application is gone, withdrawn or submitted', () => {
    expect(check(leaderNudge, app, { nudges: false })).toEqual({ due: false, reason: 'nudges-off' });
    expect(check(applicantNudge, null)).toEqual({ due: false, reason: 'application-gone' });
    expect(check(applicantNudge, { ...app, status: 'withdrawn' })).toEqual({
      due: false,
      reason: 'application-not-open',
      status: 'withdrawn',
    });
    expect(check(leaderNudge, { ...app, status: 'closed' })).toMatchObject({
      reason: 'application-not-open',
    });
  });

  it('keeps an applicant nudge while a step is still open, speaking only of what is open now', () => {
    const item = planned(app, 'applicant-nudge');
    const settled = withStep(
      withStep(app, LEADER_STEP, { state: 'done', waitingOn: undefined }),
      'endorse-clinic-leader',
      { state: 'waiting', waitingOn: clinicLeader },
    );
    // The nearest leader approved; the clinic leader's step is still open, so the nudge goes.
    const result = check(item, settled);
    expect(result.due && result.payload.steps?.map((s) => s.id)).toEqual(['endorse-clinic-leader']);
  });

  it('drops a report reminder once the report is done', () => {
    const awarded = psDraft('app1', { status: 'awarded' });
    const now = new Date('2023-08-18T07:00:00Z');
    const r = planReminders({ calls: [call(PS)], subscriptions: [], applications: [awarded], now }).find(
      (x) => x.kind === 'report-reminder',
    );
    if (r?.target.kind !== 'user') throw new Error('no report reminder');
    const item = { id: r.id, target: r.target, payload: r.payload };
    expect(recheckPersonal(item, awarded, call(PS), null, now).due).toBe(true);
    const reported = withStep(awarded, 'status-report', { state: 'done' });
    expect(recheckPersonal(item, reported, call(PS), null, now)).toEqual({
      due: false,
      reason: 'step-settled',
    });
  });

  it('covers personal kinds only: channel reminders are not re-checked', () => {
    expect(isPersonalReminder(leaderNudge.target, leaderNudge.payload)).toBe(true);
    const [channel] = planReminders({
      calls: [call(PS)],
      subscriptions: [subscription('slack:C1', [PS])],
      applications: [],
      now: PLANNED_AT,
    });
    expect(channel && isPersonalReminder(channel.target, channel.payload)).toBe(false);
  });
});

describe('the submission nudge', () => {
  it('stops once the application is submitted, by status or by its submission step', () => {
    const endorsed = psDraft('app1', {
      steps: psDraft('x').steps.map((s) =>
        s.id.startsWith('endorse-') ? { id: s.id, state: 'done' as const } : s,
      ),
    });
    const nudges = (a: Application) =>
      planReminders({ calls: [call(PS)], subscriptions: [], applications: [a], now: PLANNED_AT }).filter(
        (r) => r.kind === 'applicant-nudge',
      );
    expect(nudges(endorsed)[0]?.payload.steps?.map((s) => s.id)).toContain('submission');
    const stepDone = withStep(endorsed, 'submission', { state: 'done' });
    expect(isSubmitted(stepDone, call(PS))).toBe(true);
    expect(nudges(stepDone)).toEqual([]);
    expect(nudges({ ...endorsed, status: 'submitted' })).toEqual([]);
    expect(isSubmitted(endorsed, call(PS))).toBe(false);
  });
});
