import { describe, expect, it } from 'vitest';
import { keepRelevant, planReminders, reconcile } from '../../src/domain/reminder-plan.ts';
import type { PlannedReminder } from '../../src/domain/reminder-types.ts';
import { formatLocal } from '../../src/domain/timeline.ts';
import { call, INNO, PS, subscription, withInternalDeadline, withMilestones } from './support.ts';

const BEFORE_ALL = new Date('2022-09-01T00:00:00Z');
const both = [call(INNO), call(PS)];

/** "local time | UTC | milestone" rows: the whole plan readable at a glance. */
const rows = (plan: PlannedReminder[]) =>
  plan.map(
    (r) =>
      `${formatLocal(r.dueAt)} | ${r.dueAt.toISOString().slice(0, 16)}Z | ${r.payload.callId}/${r.milestone}`,
  );

describe('channel reminders for both calls, 2022–2024', () => {
  it('posts 14, 7, 2 and 0 days before each date at 09:00 Oslo, in UTC across the summer-time change', () => {
    const plan = planReminders({
      calls: both,
      subscriptions: [subscription('slack:C1', [INNO, PS])],
      applications: [],
      now: BEFORE_ALL,
    });
    expect(rows(plan)).toEqual([
      '2022-10-06 09:00 | 2022-10-06T07:00Z | innovasjon-2023/deadline',
      '2022-10-13 09:00 | 2022-10-13T07:00Z | innovasjon-2023/deadline',
      '2022-10-18 09:00 | 2022-10-18T07:00Z | innovasjon-2023/deadline',
      '2022-10-20 09:00 | 2022-10-20T07:00Z | innovasjon-2023/deadline',
      '2022-10-21 09:00 | 2022-10-21T07:00Z | pasientsikkerhet-2023-2024/deadline',
      '2022-10-28 09:00 | 2022-10-28T07:00Z | pasientsikkerhet-2023-2024/deadline',
      // Summer time ended on 30 October 2022: 09:00 local is now 08:00 UTC.
      '2022-11-02 09:00 | 2022-11-02T08:00Z | pasientsikkerhet-2023-2024/deadline',
      '2022-11-04 09:00 | 2022-11-04T08:00Z | pasientsikkerhet-2023-2024/deadline',
      '2022-12-02 09:00 | 2022-12-02T08:00Z | pasientsikkerhet-2023-2024/award',
      '2022-12-09 09:00 | 2022-12-09T08:00Z | pasientsikkerhet-2023-2024/award',
      '2022-12-14 09:00 | 2022-12-14T08:00Z | pasientsikkerhet-2023-2024/award',
      '2022-12-16 09:00 | 2022-12-16T08:00Z | pasientsikkerhet-2023-2024/award',
      '2023-08-18 09:00 | 2023-08-18T07:00Z | pasientsikkerhet-2023-2024/status-report',
      '2023-08-25 09:00 | 2023-08-25T07:00Z | pasientsikkerhet-2023-2024/status-report',
      '2023-08-30 09:00 | 2023-08-30T07:00Z | pasientsikkerhet-2023-2024/status-report',
      '2023-09-01 09:00 | 2023-09-01T07:00Z | pasientsikkerhet-2023-2024/status-report',
      // Project end Sunday 31 Dec 2023: 14 and 7 days before are Sundays too, 2 days before is a
      // Friday, and the day itself moves to that Friday as well: one reminder, not two.
      '2023-12-15 09:00 | 2023-12-15T08:00Z | innovasjon-2023/project-end',
      '2023-12-22 09:00 | 2023-12-22T08:00Z | innovasjon-2023/project-end',
      '2023-12-29 09:00 | 2023-12-29T08:00Z | innovasjon-2023/project-end',
      '2024-09-17 09:00 | 2024-09-17T07:00Z | pasientsikkerhet-2023-2024/project-end',
      '2024-09-24 09:00 | 2024-09-24T07:00Z | pasientsikkerhet-2023-2024/project-end',
      // Two days before Tuesday 1 Oct 2024 is a Sunday: moved to Friday.
      '2024-09-27 09:00 | 2024-09-27T07:00Z | pasientsikkerhet-2023-2024/project-end',
      '2024-10-01 09:00 | 2024-10-01T07:00Z | pasientsikkerhet-2023-2024/project-end',
    ]);
    // The undated final report ("etter avslutning") gets no channel reminder: there is no date to count from.
    expect(plan.some((r) => r.milestone === 'final-report')).toBe(false);
    expect(plan.every((r) => r.dueAt < r.expiresAt && r.kind === 'channel-milestone')).toBe(true);
  });

  it('moves reminders off Easter, 17 May, Ascension, Whit Monday and Christmas to the working day before', () => {
    const plan = planReminders({
      calls: both,
      subscriptions: [
        // From the status report (Fri 1 Sep 2023): Easter Monday, 17 May, Ascension Day, Whit Monday 2023.
        subscription('slack:C2023', [PS], { daysBefore: [144, 107, 106, 95] }),
        // From the innovation project end (Sun 31 Dec 2023): Christmas Day and Boxing Day.
        subscription('slack:CXMAS', [INNO], { daysBefore: [6, 5] }),
      ],
      applications: [],
      now: BEFORE_ALL,
    });
    const of = (key: string, milestone: string) =>
      plan
        .filter((r) => r.target.kind === 'conversation' && r.target.key === key && r.milestone === milestone)
        .map((r) => formatLocal(r.dueAt));
    expect(of('slack:C2023', 'status-report')).toEqual([
      '2023-04-05 09:00', // Easter Monday 10 Apr -> past Easter Sunday, Saturday, Good Friday, Maundy Thursday
      '2023-05-16 09:00', // 17 May (Wed) and Ascension Day (Thu 18 May) both -> Tuesday 16 May, once
      '2023-05-26 09:00', // Whit Monday 29 May -> past Whit Sunday and Saturday -> Friday 26 May
    ]);
    expect(of('slack:CXMAS', 'project-end')).toEqual(['2023-12-22 09:00']); // 25 and 26 Dec -> Friday 22 Dec
    // 2024: from the patient-safety project end (Tue 1 Oct 2024).
    const y2024 = planReminders({
      calls: both,
      subscriptions: [subscription('teams:19:x', [PS], { daysBefore: [183, 145, 137, 134] })],
      applications: [],
      now: BEFORE_ALL,
    }).filter((r) => r.milestone === 'project-end');
    expect(rows(y2024)).toEqual([
      // Easter Monday 1 Apr 2024 -> Wednesday 27 March, still winter time (summer time began 31 March).
      '2024-03-27 09:00 | 2024-03-27T08:00Z | pasientsikkerhet-2023-2024/project-end',
      '2024-05-08 09:00 | 2024-05-08T07:00Z | pasientsikkerhet-2023-2024/project-end', // Ascension 9 May
      '2024-05-16 09:00 | 2024-05-16T07:00Z | pasientsikkerhet-2023-2024/project-end', // 17 May and Whit Monday 20 May
    ]);
  });

  it("adds the trust's internal deadline in a channel tied to that trust only", () => {
    const ps = withInternalDeadline(PS, 'st-olavs-hospital', '2022-10-28T12:00');
    const plan = planReminders({
      calls: [ps],
      subscriptions: [
        subscription('slack:CSTO', [PS], { trust: 'st-olavs-hospital' }),
        subscription('slack:CHEMIT', [PS], { trust: 'hemit' }),
      ],
      applications: [],
      now: BEFORE_ALL,
    });
    const internal = plan.filter((r) => r.milestone === 'internal-deadline');
    expect(
      internal.map((r) => `${r.target.kind === 'conversation' ? r.target.key : ''} ${formatLocal(r.dueAt)}`),
    ).toEqual([
      'slack:CSTO 2022-10-14 09:00',
      'slack:CSTO 2022-10-21 09:00',
      'slack:CSTO 2022-10-26 09:00',
      'slack:CSTO 2022-10-28 09:00',
    ]);
    expect(internal[0]?.payload.trustName).toBe('St. Olavs hospital HF');
    expect(
      plan.filter(
        (r) =>
          r.target.kind === 'conversation' && r.target.key === 'slack:CHEMIT' && r.milestone === 'deadline',
      ),
    ).toHaveLength(4);
  });

  it('never posts after the milestone itself, and not at all while paused', () => {
    const late = planReminders({
      calls: both,
      subscriptions: [subscription('slack:C1', [INNO], { timeOfDay: '16:00', daysBefore: [2, 0] })],
      applications: [],
      now: BEFORE_ALL,
    }).filter((r) => r.milestone === 'deadline');
    // The deadline is 20 Oct 2022 at 15:00: a 16:00 reminder that day would come too late.
    expect(late.map((r) => formatLocal(r.dueAt))).toEqual(['2022-10-18 16:00']);
    const paused = planReminders({
      calls: both,
      subscriptions: [subscription('slack:C1', [INNO, PS], { paused: true })],
      applications: [],
      now: BEFORE_ALL,
    });
    expect(paused).toEqual([]);
  });

  it('offers eligibility, a new application and my status on deadline reminders', () => {
    const [first] = planReminders({
      calls: both,
      subscriptions: [subscription('slack:C1', [INNO])],
      applications: [],
      now: BEFORE_ALL,
    });
    expect(first?.payload.buttons).toEqual([
      { action: 'eligibility.start', data: { callId: INNO } },
      { action: 'application.start', data: { callId: INNO } },
      { action: 'status.start' },
    ]);
  });
});

describe('ids and reconciliation', () => {
  const input = { calls: both, subscriptions: [subscription('slack:C1', [INNO, PS])], applications: [] };

  it('gives the same ids for the same inputs, whenever it is planned', () => {
    const a = planReminders({ ...input, now: BEFORE_ALL }).map((r) => r.id);
    const b = planReminders({ ...input, now: new Date('2022-10-01T00:00:00Z') }).map((r) => r.id);
    expect(new Set(a).size).toBe(a.length);
    expect(b.every((id) => a.includes(id))).toBe(true);
    expect(a).toContain('ch/slack:C1/pasientsikkerhet-2023-2024/deadline@2022-11-04T23:59/2022-11-02T09:00');
  });

  it('drops passed dates, and keeps only the latest past-due reminder of a date (after downtime)', () => {
    const at = (iso: string) =>
      planReminders({ ...input, now: new Date(iso) }).filter(
        (r) => r.payload.callId === PS && r.milestone === 'deadline',
      );
    expect(at('2022-10-25T12:00:00Z').map((r) => formatLocal(r.dueAt))).toEqual([
      '2022-10-21 09:00', // missed: still worth sending, the deadline has not passed
      '2022-10-28 09:00',
      '2022-11-02 09:00',
      '2022-11-04 09:00',
    ]);
    // Down from 20 Oct to 3 Nov: the 14-, 7- and 2-day reminders were missed; only the newest is news.
    expect(at('2022-11-03T10:00:00Z').map((r) => formatLocal(r.dueAt))).toEqual([
      '2022-11-02 09:00',
      '2022-11-04 09:00',
    ]);
    expect(at('2022-11-05T00:00:00Z')).toEqual([]);
    expect(keepRelevant([], BEFORE_ALL)).toEqual([]);
  });

  it('when the deadline moves, removes the old reminders and adds the new ones, touching nothing else', () => {
    const before = planReminders({ ...input, now: BEFORE_ALL });
    const moved = withMilestones(PS, { deadline: '2022-11-11' });
    const after = planReminders({ ...input, calls: [call(INNO), moved], now: BEFORE_ALL });
    const foreign = 'someone-else/123';
    const { add, remove } = reconcile(
      after.map((r) => r.id),
      [...before.map((r) => r.id), foreign],
      (id) => id.startsWith('ch/'),
    );
    const local = (ids: string[]) => ids.map((id) => id.split('/').slice(-2).join(' ')).sort();
    expect(local(remove)).toEqual([
      'deadline@2022-11-04T23:59 2022-10-21T09:00',
      'deadline@2022-11-04T23:59 2022-10-28T09:00',
      'deadline@2022-11-04T23:59 2022-11-02T09:00',
      'deadline@2022-11-04T23:59 2022-11-04T09:00',
    ]);
    // 28 Oct and 4 Nov are reminder days again, but of the new date: new ids, so no stale text survives.
    expect(local(add)).toEqual([
      'deadline@2022-11-11T23:59 2022-10-28T09:00',
      'deadline@2022-11-11T23:59 2022-11-04T09:00',
      'deadline@2022-11-11T23:59 2022-11-09T09:00',
      'deadline@2022-11-11T23:59 2022-11-11T09:00',
    ]);
    // The innovation call's ids did not change at all.
    expect(remove.some((id) => id.includes(INNO))).toBe(false);
    // Reconciling again once applied changes nothing: nothing is duplicated.
    expect(
      reconcile(
        after.map((r) => r.id),
        after.map((r) => r.id),
      ),
    ).toEqual({ add: [], remove: [] });
  });

  it('a changed schedule (time of day) replaces every reminder of the channel', () => {
    const nine = planReminders({ ...input, now: BEFORE_ALL }).map((r) => r.id);
    const eight = planReminders({
      ...input,
      subscriptions: [subscription('slack:C1', [INNO, PS], { timeOfDay: '08:00' })],
      now: BEFORE_ALL,
    }).map((r) => r.id);
    const { add, remove } = reconcile(eight, nine);
    expect(remove.sort()).toEqual([...nine].sort());
    expect(add.sort()).toEqual([...eight].sort());
  });
});
