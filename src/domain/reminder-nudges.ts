import type { Application, ApplicationStep, Person } from './application.ts';
import type { Call } from './call.ts';
import { noteSays } from './call-lookup.ts';
import { type StepData, StepKind } from './call-schema.ts';
import { isTypedPerson } from './endorsement-request.ts';
import { afterWorkingDays, daysBeforeInstant, workingDaysBeforeInstant } from './reminder-days.ts';
import { type DatedMilestone, reminder } from './reminder-milestones.ts';
import {
  DEFAULT_TIME_OF_DAY,
  LEADER_DEADLINE_WORKING_DAYS,
  LEADER_WAIT_WORKING_DAYS,
  NUDGE_DAYS_BEFORE,
  type NudgeStep,
  type PlanInput,
  type PlannedReminder,
  type ReminderButton,
} from './reminder-types.ts';
import { INTERNAL_DEADLINE_ID, localDate, localToInstant, milestoneInstant } from './timeline.ts';

/** Steps that must happen before the application goes in: the ones an applicant is nudged about. */
const BEFORE_SUBMISSION: ReadonlySet<StepKind> = new Set(
  StepKind.options.slice(0, StepKind.options.indexOf('submission') + 1),
);
const OPEN = new Set(['not-started', 'waiting', 'declined']);
const FINISHED = new Set(['done', 'not-needed']);

/** The button that takes a leader to what waits on them: issue 7's "pending" list (dialogs/leader.ts). */
export const LEADER_BUTTON: ReminderButton = { action: 'leader.start' };

/** Personal nudges: applicants with open steps before a deadline, and leaders an endorsement waits on. */
export function planNudges(input: PlanInput, calls: ReadonlyMap<string, Call>): PlannedReminder[] {
  return input.applications.flatMap((app) => {
    const call = calls.get(app.callId);
    if (!call) return [];
    return [...applicantNudges(app, call, input), ...leaderNudges(app, call, input)];
  });
}

interface OpenStep {
  step: ApplicationStep;
  data: StepData;
  due: DatedMilestone;
}

/** When a step must be done by: its own `dueAt`, else the trust's internal deadline or the call's milestone. */
function dueOf(app: Application, call: Call, step: ApplicationStep, data: StepData): DatedMilestone | null {
  const trust = call.trusts.find((t) => t.id === app.applicant.trust);
  const internal = data.dueTrustInternal && trust?.internalDeadline !== undefined;
  const milestone = call.milestones.find((m) => m.id === data.due);
  if (internal && trust?.internalDeadline !== undefined) {
    const at = step.dueAt === undefined ? localToInstant(trust.internalDeadline) : new Date(step.dueAt);
    const label = { nb: `Intern frist i ${trust.name}`, en: `Internal deadline at ${trust.name}` };
    return { id: INTERNAL_DEADLINE_ID, kind: 'deadline', label, at, trustName: trust.name };
  }
  if (!milestone) return null;
  const at = step.dueAt === undefined ? milestoneInstant(call, milestone.id) : new Date(step.dueAt);
  return at ? { id: milestone.id, kind: milestone.kind, label: milestone.label, at } : null;
}

function openSteps(app: Application, call: Call): OpenStep[] {
  const finished = new Set(app.steps.filter((s) => FINISHED.has(s.state)).map((s) => s.id));
  return app.steps.flatMap((step) => {
    const data = call.steps.find((s) => s.id === step.id);
    if (!data || !BEFORE_SUBMISSION.has(data.kind) || !OPEN.has(step.state)) return [];
    // Only steps one can act on now: what they require is finished.
    if (!data.requires.every((r) => finished.has(r) || !app.steps.some((s) => s.id === r))) return [];
    const due = dueOf(app, call, step, data);
    return due ? [{ step, data, due }] : [];
  });
}

function nudgeStep(o: OpenStep): NudgeStep {
  return {
    id: o.step.id,
    label: o.data.label,
    ...(o.step.waitingOn ? { waitingOn: o.step.waitingOn.name } : {}),
    ...(o.step.since ? { since: o.step.since } : {}),
    ...(o.step.state === 'waiting' && isTypedPerson(o.step.waitingOn) ? { unreachable: true } : {}),
  };
}

function wantsNudges(input: PlanInput, who: Pick<Person, 'platform' | 'userId'>) {
  const profile = input.profiles?.get(`${who.platform}:${who.userId}`);
  return { on: profile?.nudges !== false, locale: profile?.locale };
}

/**
 * True once the application has gone in: its status left `draft`, or its submission step is recorded
 * done (a record written before `submit` also set the status). From then on nothing before the
 * submission is the applicant's to do, so the applicant is not nudged about it.
 */
export function isSubmitted(app: Application, call: Call): boolean {
  if (app.status !== 'draft') return true;
  const submission = new Set(call.steps.filter((s) => s.kind === 'submission').map((s) => s.id));
  return app.steps.some((s) => submission.has(s.id) && s.state === 'done');
}

/** At most one nudge per application and local day, before the earliest deadline of its open steps. */
function applicantNudges(app: Application, call: Call, input: PlanInput): PlannedReminder[] {
  if (isSubmitted(app, call)) return [];
  const { on, locale } = wantsNudges(input, app.applicant);
  if (!on) return [];
  const open = openSteps(app, call);
  const byDay = new Map<string, { dueAt: Date; due: DatedMilestone }>();
  const dues = [...new Map(open.map((o) => [o.due.at.getTime(), o.due])).values()].sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  for (const due of dues) {
    for (const days of NUDGE_DAYS_BEFORE) {
      const dueAt = daysBeforeInstant(due.at, days, DEFAULT_TIME_OF_DAY);
      if (dueAt && !byDay.has(localDate(dueAt))) byDay.set(localDate(dueAt), { dueAt, due });
    }
  }
  // A leader typed by name cannot be nudged: the applicant is, on the days the leader would have been.
  for (const o of open) {
    if (o.step.state !== 'waiting' || !isTypedPerson(o.step.waitingOn)) continue;
    for (const c of leaderTimes(app, call, o.step, o.data)) {
      const day = localDate(c.dueAt);
      if (!byDay.has(day)) byDay.set(day, { dueAt: c.dueAt, due: c.milestone });
    }
  }
  const target = { kind: 'user', platform: app.applicant.platform, userId: app.applicant.userId } as const;
  // The text warns that a trust may set an earlier internal deadline for the sign-off: said wherever
  // such a step is still open, whether or not the trust's date is configured.
  const internal = open.some((o) => o.data.dueTrustInternal)
    ? noteSays(call, 'internal-deadline')
    : undefined;
  return [...byDay.entries()].map(([day, { dueAt, due }]) =>
    reminder(
      'applicant-nudge',
      target,
      call,
      due,
      dueAt,
      [app.id],
      {
        applicationId: app.id,
        applicationTitle: app.title,
        steps: open.filter((o) => o.due.at.getTime() <= due.at.getTime()).map(nudgeStep),
        ...(internal ? { says: [internal] } : {}),
        ...(locale === undefined ? {} : { locale }),
        buttons: [{ action: 'status.start', data: { applicationId: app.id } }],
      },
      day,
    ),
  );
}

/**
 * Issue 7: the leader a step waits on is nudged once the request has waited two working days, and
 * again two working days before the trust's internal deadline and the call deadline.
 */
function leaderNudges(app: Application, call: Call, input: PlanInput): PlannedReminder[] {
  if (app.status !== 'draft' && app.status !== 'submitted') return [];
  return app.steps.flatMap((step) => {
    const leader = step.waitingOn;
    const data = call.steps.find((s) => s.id === step.id);
    // A name typed in place of a chat user cannot be messaged (its applicant nudge says so instead).
    if (step.state !== 'waiting' || !leader || !data || isTypedPerson(leader)) return [];
    const { on, locale } = wantsNudges(input, leader);
    if (!on) return [];
    const target = { kind: 'user', platform: leader.platform, userId: leader.userId } as const;
    return leaderTimes(app, call, step, data).map((c) =>
      reminder(
        'leader-nudge',
        target,
        call,
        c.milestone,
        c.dueAt,
        [app.id, step.id, `${leader.platform}:${leader.userId}`],
        {
          applicationId: app.id,
          applicationTitle: app.title,
          applicantName: app.applicant.name,
          steps: [nudgeStep({ step, data, due: c.milestone })],
          reason: c.reason,
          ...(locale === undefined ? {} : { locale }),
          ...(c.milestone.trustName === undefined ? {} : { trustName: c.milestone.trustName }),
          buttons: [LEADER_BUTTON],
        },
        localDate(c.dueAt),
      ),
    );
  });
}

interface LeaderTime {
  dueAt: Date;
  milestone: DatedMilestone;
  reason: 'waited' | 'deadline-near';
}

/** When the person a waiting step waits on is due a nudge: at most one per local day. */
function leaderTimes(app: Application, call: Call, step: ApplicationStep, data: StepData): LeaderTime[] {
  const due = dueOf(app, call, step, data);
  if (!due) return [];
  const deadlines = [due];
  const callDeadline = dueOf(app, call, step, { ...data, dueTrustInternal: false });
  if (callDeadline && callDeadline.at.getTime() !== due.at.getTime()) deadlines.push(callDeadline);

  const candidates: LeaderTime[] = [];
  if (step.since) {
    const dueAt = afterWorkingDays(new Date(step.since), LEADER_WAIT_WORKING_DAYS);
    const milestone = deadlines.find((d) => dueAt.getTime() < d.at.getTime());
    if (milestone) candidates.push({ dueAt, milestone, reason: 'waited' });
  }
  for (const d of deadlines) {
    const dueAt = workingDaysBeforeInstant(d.at, LEADER_DEADLINE_WORKING_DAYS, DEFAULT_TIME_OF_DAY);
    if (dueAt) candidates.push({ dueAt, milestone: d, reason: 'deadline-near' });
  }
  // One nudge per leader, step and local day; a deadline nudge wins over a "waited" one that day.
  const byDay = new Map<string, LeaderTime>();
  for (const c of candidates) {
    const day = localDate(c.dueAt);
    const seen = byDay.get(day);
    if (!seen || (seen.reason === 'waited' && c.reason === 'deadline-near')) byDay.set(day, c);
  }
  return [...byDay.values()];
}
