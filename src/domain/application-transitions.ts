import type { Application, ApplicationStep, Person } from './application.ts';
import { type Transition, transition } from './application-audit.ts';
import type { Call } from './call.ts';
import {
  APPLICANT_ACTOR,
  appStep,
  isLate,
  missingRequirements,
  refuse,
  requireApplicant,
  requireDone,
  requireStatus,
  stepData,
  stepOfKind,
  withStep,
} from './steps.ts';
import { hasPassed, localDate, localToInstant, milestoneInstant } from './timeline.ts';

/**
 * The application's own life: the applicant's steps, the trust's prioritisation, submission, the
 * award and the reports after it. Each returns the new record and its audit entry, or throws
 * `transition.invalid` with a reason code (see docs/tracker.md).
 */

const BEFORE_SUBMISSION = new Set(['eligibility', 'category', 'draft']);
const AFTER_AWARD = new Set(['report', 'project-end']);

function done(step: ApplicationStep, now: Date, by?: Person): ApplicationStep {
  const { waitingOn, satisfiedBy, ...rest } = step;
  const at = now.toISOString();
  const next: ApplicationStep = { ...rest, state: 'done', since: at };
  if (by) {
    next.decidedBy = by;
    next.decidedAt = at;
  }
  return next;
}

/** Once every step is done or not needed after an award, the application is closed. */
function closeWhenFinished(app: Application): Application {
  const finished = app.steps.every((s) => s.state === 'done' || s.state === 'not-needed');
  return app.status === 'awarded' && finished ? { ...app, status: 'closed' } : app;
}

/**
 * The applicant marks one of their own steps done: the category or the draft while it is a draft; the status report, project end or final report after the award. Submission has `submit`.
 */
export function markStepDone(
  app: Application,
  call: Call,
  input: { step: string; by: Person },
  now: Date,
): Transition {
  const data = stepData(call, input.step);
  const step = appStep(app, input.step);
  requireApplicant(app, input.by);
  // The check is passed by answering its questions (`recordEligibility`), never by a click.
  if (data.kind === 'eligibility')
    refuse('check-required', `${data.id} is done by the eligibility check`, { step: data.id });
  if (data.actor !== APPLICANT_ACTOR || !(BEFORE_SUBMISSION.has(data.kind) || AFTER_AWARD.has(data.kind))) {
    refuse('wrong-step-kind', `${data.id} is not a step the applicant marks done`, {
      step: data.id,
      kind: data.kind,
    });
  }
  if (step.state === 'not-needed')
    refuse('step-not-needed', `${step.id} is not needed here`, { step: step.id });
  if (step.state === 'done') refuse('already-done', `${step.id} is already done`, { step: step.id });
  if (BEFORE_SUBMISSION.has(data.kind)) {
    requireStatus(app, 'draft', 'not-draft');
    // A draft not handed in by the deadline is over: its steps are not marked done any more.
    if (isLate(call, now)) refuse('deadline-passed', `the deadline of ${call.id} has passed`);
  } else requireStatus(app, 'awarded', 'not-awarded');
  requireDone(app, call, step.id);
  const after = closeWhenFinished(withStep(app, done(step, now)));
  return transition(app, after, input.by, 'step.done', now);
}

/** Submission: refused after the deadline (exact to the minute) and before the steps it requires. */
export function submit(
  app: Application,
  call: Call,
  input: { by: Person; submittedOn?: string },
  now: Date,
): Transition {
  const data =
    stepOfKind(app, call, 'submission') ?? refuse('unknown-step', `call ${call.id} has no submission step`);
  requireApplicant(app, input.by);
  requireStatus(app, 'draft', 'not-draft');
  const deadline = data.due === undefined ? null : milestoneInstant(call, data.due);
  let at = now;
  if (deadline && hasPassed(deadline, now)) {
    // Submitted in the portal in time but not recorded here: recorded after the deadline with the
    // day it went in, which must be on or before the deadline's day.
    const on = input.submittedOn === undefined ? undefined : submittedInTime(input.submittedOn, deadline);
    if (!on)
      refuse('deadline-passed', `the deadline of ${call.id} has passed`, {
        deadline: deadline.toISOString(),
      });
    at = on;
  }
  requireDone(app, call, data.id);
  const after: Application = { ...withStep(app, done(appStep(app, data.id), at)), status: 'submitted' };
  return transition(app, after, input.by, 'application.submit', now);
}

/**
 * The instant a submission recorded late is dated: the end of the Oslo day it went in, but never
 * later than the deadline itself (the innovation deadline is 15.00 on its day). Undefined for a day
 * that is not a date or is after the deadline's day.
 */
export function submittedInTime(day: string, deadline: Date): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  let end: Date;
  try {
    end = localToInstant(day);
  } catch {
    return undefined;
  }
  if (Number.isNaN(end.getTime()) || localDate(end) !== day || day > localDate(deadline)) return undefined;
  return end.getTime() > deadline.getTime() ? deadline : end;
}

/**
 * The trust's prioritisation steps the award may settle: once the award has been announced (its date
 * has come, or it has none), a submitted application whose only missing requirement is the trust's
 * prioritisation was evidently prioritised outside the bot (no quality chief configured, or the chief
 * never confirmed in chat). Empty when anything else is missing or before the announcement.
 */
export function prioritisationSettledByAward(app: Application, call: Call, now: Date): string[] {
  const award = stepOfKind(app, call, 'award');
  if (!award || app.status !== 'submitted') return [];
  const missing = missingRequirements(app, call, award.id);
  if (missing.length === 0) return [];
  if (missing.some((id) => call.steps.find((s) => s.id === id)?.kind !== 'prioritisation')) return [];
  const due = appStep(app, award.id).dueAt;
  return due === undefined || hasPassed(new Date(due), now) ? missing : [];
}

/**
 * The regional decision, recorded by whoever relays it. Refused before submission. A "no" makes the
 * steps after the award not needed; a "yes" opens the reports.
 */
export function recordAward(
  app: Application,
  call: Call,
  input: { awarded: boolean; by: Person; comment?: string },
  now: Date,
): Transition {
  const data = stepOfKind(app, call, 'award') ?? refuse('unknown-step', `call ${call.id} has no award step`);
  if (app.status === 'awarded' || app.status === 'not-awarded' || app.status === 'closed') {
    refuse('already-decided', `application ${app.id} is ${app.status}`, { status: app.status });
  }
  requireStatus(app, 'submitted', 'not-submitted');
  const settled = prioritisationSettledByAward(app, call, now);
  if (settled.length === 0) requireDone(app, call, data.id);
  const at = now.toISOString();
  const step: ApplicationStep = {
    ...done(appStep(app, data.id), now, input.by),
    state: input.awarded ? 'done' : 'declined',
  };
  if (input.comment) step.comment = input.comment;
  let after: Application = { ...withStep(app, step), status: input.awarded ? 'awarded' : 'not-awarded' };
  for (const id of settled)
    after = withStep(after, { ...done(appStep(after, id), now), satisfiedBy: 'award' });
  if (!input.awarded) {
    const later = new Set(call.steps.filter((s) => AFTER_AWARD.has(s.kind)).map((s) => s.id));
    after = {
      ...after,
      steps: after.steps.map((s) =>
        later.has(s.id) && s.state !== 'done' ? { ...s, state: 'not-needed', since: at } : s,
      ),
    };
  }
  return transition(
    app,
    after,
    input.by,
    input.awarded ? 'award.granted' : 'award.refused',
    now,
    input.comment,
  );
}

/** The applicant gives up the application; nothing more is asked of anyone. */
export function withdrawApplication(
  app: Application,
  input: { by: Person; comment?: string },
  now: Date,
): Transition {
  requireApplicant(app, input.by);
  if (app.status !== 'draft' && app.status !== 'submitted') {
    refuse('not-open', `application ${app.id} is ${app.status}`, { status: app.status });
  }
  const at = now.toISOString();
  const steps = app.steps.map((s): ApplicationStep => {
    if (s.state !== 'waiting') return s;
    const { waitingOn, ...rest } = s;
    return { ...rest, state: 'not-started', since: at };
  });
  return transition(
    app,
    { ...app, status: 'withdrawn', steps },
    input.by,
    'application.withdraw',
    now,
    input.comment,
  );
}
