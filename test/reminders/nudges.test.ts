import { describe, expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import type { Call } from '../../src/domain/call.ts';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import type { PlannedReminder } from '../../src/domain/reminder-types.ts';
import { formatLocal } from '../../src/domain/timeline.ts';
import type { UserProfile } from '../../src/store/store.ts';
import {
  applicant,
  call,
  clinicLeader,
  INNO,
  nearestLeader,
  PS,
  psDraft,
  withInternalDeadline,
} from './support.ts';

const NOW = new Date('2022-10-20T12:00:00Z');

function plan(
  applications: Application[],
  calls: Call[] = [call(PS)],
  profiles?: Map<string, UserProfile>,
  now = NOW,
) {
  return planReminders({ calls, subscriptions: [], applications, now, ...(profiles ? { profiles } : {}) });
}
const of = (p: PlannedReminder[], kind: PlannedReminder['kind']) => p.filter((r) => r.kind === kind);
const when = (p: PlannedReminder[]) => p.map((r) => formatLocal(r.dueAt));

describe('applicant nudges', () => {
  it('nudges before the deadline about the open steps one can act on, to the personal chat', () => {
    const nudges = of(plan([psDraft('app1')]), 'applicant-nudge');
    expect(when(nudges)).toEqual([
      '2022-10-28 09:00',
      '2022-11-01 09:00',
      '2022-11-03 09:00',
      '2022-11-04 09:00',
    ]);
    expect(nudges[0]?.id).toBe('ap/app1@2022-11-04T23:59/2022-10-28');
    expect(nudges[0]?.target).toEqual({ kind: 'user', platform: 'slack', userId: applicant.userId });
    expect(nudges[0]?.payload.steps).toEqual([
      {
        id: 'endorse-nearest-leader',
        label: { nb: 'Godkjenning fra nærmeste leder', en: 'Approval from your line manager' },
        waitingOn: 'Bob Boss',
        since: '2022-10-27T08:00:00.000Z',
      },
      {
        id: 'endorse-clinic-leader',
        label: { nb: 'Godkjenning fra klinikkleder', en: 'Approval from the head of department/clinic' },
      },
    ]);
    expect(nudges[0]?.payload.buttons).toEqual([{ action: 'status.start', data: { applicationId: 'app1' } }]);
  });

  it('sends at most one nudge per application and day, even when two deadlines share a day', () => {
    const app = psDraft('app2', {
      steps: psDraft('x').steps.map((s) =>
        s.id === 'endorse-clinic-leader' ? { ...s, dueAt: '2022-10-31T22:59:59.000Z' } : s,
      ),
    });
    const nudges = of(plan([app]), 'applicant-nudge');
    const days = nudges.map((r) => r.id.slice(-10));
    expect(days).toEqual([
      '2022-10-24',
      '2022-10-28',
      '2022-10-31',
      '2022-11-01',
      '2022-11-03',
      '2022-11-04',
    ]);
    expect(new Set(days).size).toBe(days.length);
    // 28 Oct is 3 days before the earlier date and 7 before the later: it speaks of the earlier one.
    expect(nudges[1]?.payload.steps?.map((s) => s.id)).toEqual(['endorse-clinic-leader']);
  });

  it('respects "nudges off", and stops once the application is submitted', () => {
    const off = new Map<string, UserProfile>([
      [`slack:${applicant.userId}`, { platform: 'slack', userId: applicant.userId, nudges: false }],
    ]);
    expect(of(plan([psDraft('app1')], undefined, off), 'applicant-nudge')).toEqual([]);
    expect(of(plan([psDraft('app1', { status: 'submitted' })]), 'applicant-nudge')).toEqual([]);
  });
});

describe('leader nudges (issue 7)', () => {
  it('after two working days of waiting, and two working days before the deadline', () => {
    const nudges = of(plan([psDraft('app1')]), 'leader-nudge');
    // Asked Thursday 27 Oct 10:00; Friday and Monday are the two working days -> Monday 31 Oct 10:00.
    expect(nudges.map((r) => `${formatLocal(r.dueAt)} ${r.payload.reason}`)).toEqual([
      '2022-10-31 10:00 waited',
      '2022-11-02 09:00 deadline-near',
    ]);
    expect(nudges.every((r) => r.target.kind === 'user' && r.target.userId === nearestLeader.userId)).toBe(
      true,
    );
    expect(nudges[0]?.payload.applicantName).toBe('Alice Applicant');
    expect(nudges.some((r) => r.target.kind === 'user' && r.target.userId === clinicLeader.userId)).toBe(
      false,
    );
  });

  it("also nudges two working days before the trust's internal deadline", () => {
    const inno = withInternalDeadline(INNO, 'st-olavs-hospital', '2022-10-12T15:00');
    const app: Application = {
      ...psDraft('inno1'),
      callId: INNO,
      category: 'produkt',
      steps: [
        { id: 'eligibility', state: 'done' },
        { id: 'category', state: 'done' },
        { id: 'draft', state: 'done' },
        { id: 'anchoring', state: 'waiting', waitingOn: clinicLeader, since: '2022-10-03T07:00:00.000Z' },
        { id: 'submission', state: 'not-started' },
      ],
    };
    const nudges = of(plan([app], [inno], undefined, new Date('2022-10-01T00:00:00Z')), 'leader-nudge');
    expect(nudges.map((r) => `${formatLocal(r.dueAt)} ${r.payload.reason} ${r.milestone}`)).toEqual([
      '2022-10-05 09:00 waited internal-deadline',
      '2022-10-10 09:00 deadline-near internal-deadline',
      '2022-10-18 09:00 deadline-near deadline',
    ]);
    expect(nudges[1]?.payload.trustName).toBe('St. Olavs hospital HF');
  });

  it('replacing the leader replaces the nudges; "nudges off" silences them', () => {
    const before = of(plan([psDraft('app1')]), 'leader-nudge').map((r) => r.id);
    const replaced = psDraft('app1', {
      steps: psDraft('x').steps.map((s) =>
        s.id === 'endorse-nearest-leader'
          ? { ...s, waitingOn: clinicLeader, since: '2022-10-28T08:00:00.000Z' }
          : s,
      ),
    });
    const after = of(plan([replaced]), 'leader-nudge').map((r) => r.id);
    expect(after.some((id) => before.includes(id))).toBe(false);
    const off = new Map<string, UserProfile>([
      [`slack:${nearestLeader.userId}`, { platform: 'slack', userId: nearestLeader.userId, nudges: false }],
    ]);
    expect(of(plan([psDraft('app1')], undefined, off), 'leader-nudge')).toEqual([]);
  });
});

describe('report reminders after an award', () => {
  it('reminds the project leader of the status report on its dates, until it is done', () => {
    const awarded = psDraft('app1', { status: 'awarded' });
    const reports = of(
      plan([awarded], undefined, undefined, new Date('2023-01-10T00:00:00Z')),
      'report-reminder',
    );
    expect(reports.map((r) => `${formatLocal(r.dueAt)} ${r.milestone}`)).toEqual([
      '2023-08-18 09:00 status-report',
      '2023-08-25 09:00 status-report',
      '2023-08-30 09:00 status-report',
      '2023-09-01 09:00 status-report',
    ]);
    expect(reports[0]?.target).toEqual({ kind: 'user', platform: 'slack', userId: applicant.userId });
    const reported = psDraft('app1', {
      status: 'awarded',
      steps: awarded.steps.map((s) => (s.id === 'status-report' ? { ...s, state: 'done' } : s)),
    });
    expect(
      of(plan([reported], undefined, undefined, new Date('2023-01-10T00:00:00Z')), 'report-reminder'),
    ).toEqual([]);
    // Nothing for a draft, and no leader or applicant nudges for an awarded project.
    expect(of(plan([psDraft('app1')]), 'report-reminder')).toEqual([]);
    expect(plan([awarded]).filter((r) => r.kind !== 'report-reminder')).toEqual([]);
  });
});
